/**
 * Layouts the corpus does not show (issue 10, items 2 and 3): header rows that never yield values or
 * row keys (a Markdown copy repeating its header before every row, a mid-table header whose words
 * contain row keywords, numbers glued to letters), and blank cells written as empty lines in one
 * cell per line text. Every report is built here from the template (features/render.ts) with figures
 * of our own, and every value of its three tables is checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDocument } from '../../server/src/core';
import { lineIndex, normalizeReport } from '../../server/src/core/export';
import {
  renderActive,
  renderApplications,
  renderReview,
  renderSkeleton,
  type TextLayout,
  type Values,
} from '../../server/src/core/features/render';
import { activeTable, applicationRows } from '../../server/src/core/template';

const withTotal = (a: number[]) => [...a.map(String), String(a.reduce((x, y) => x + y, 0))];

/** Table 三: 一 5 + 二 1 = （七） 5 + 四 1; granted 3 + partially 1 + notHeld 1 = 5. */
const V3: Values = {
  newReceived: withTotal([3, 1, 0, 0, 0, 1]),
  carriedOver: withTotal([1, 0, 0, 0, 0, 0]),
  granted: withTotal([2, 1, 0, 0, 0, 0]),
  partiallyGranted: withTotal([1, 0, 0, 0, 0, 0]),
  'unable.notHeld': withTotal([0, 0, 0, 0, 0, 1]),
  totalProcessed: withTotal([3, 1, 0, 0, 0, 1]),
  carriedForward: withTotal([1, 0, 0, 0, 0, 0]),
};
const V2: Values = { regulations: ['2', '1', '7'], normativeDocuments: ['4', '0', '12'], punishment: ['36'] };

/** A 2021 report of our own: tables 二 and 三 filled with `v2` and `v3`, in `layout`. */
function build(layout: TextLayout, v3: Values = V3, v2: Values = V2): string {
  let t = renderSkeleton('2021', layout, '某某县统计局', 2023);
  t = t.replace(renderApplications('2021', {}, layout), renderApplications('2021', v3, layout));
  t = t.replace(renderActive('2021', {}, layout), renderActive('2021', v2, layout));
  return t.replace(
    '五、存在的主要问题及改进情况\n',
    '五、存在的主要问题及改进情况\n公开工作的培训不够，明年每季度组织一次。\n',
  );
}

const num = (s: string) => (s.trim() === '' ? null : Number(s));

/** Every value of tables 二, 三 and 四 is what was written, each row once, read in place. */
function assertEveryValue(text: string, v3: Values = V3, v2: Values = V2): void {
  const doc = openDocument(text);
  const r = doc.model().reports[0]!;
  const t3 = r.tables.applications!;
  const keys3 = applicationRows('2021').filter((d) => d.values);
  assert.deepEqual(
    t3.rows.map((x) => x.key),
    keys3.map((d) => d.key),
    'table 三 has each row once, in order',
  );
  for (const d of keys3) {
    const row = t3.rows.find((x) => x.key === d.key)!;
    assert.ok(!row.displaced, `${d.key} is read in place`);
    const want = (v3[d.key] ?? Array(7).fill('0')).map(num);
    assert.deepEqual(
      row.cells.map((c) => c.value),
      want,
      `table 三 ${d.key}`,
    );
  }
  const defs2 = activeTable('2021').captions.flatMap((c) => c.rows);
  const t2 = r.tables.active!;
  assert.deepEqual(
    t2.rows.map((x) => x.key),
    defs2.map((d) => d.key),
  );
  for (const d of defs2) {
    const row = t2.rows.find((x) => x.key === d.key)!;
    assert.deepEqual(
      row.cells.map((c) => c.value),
      (v2[d.key] ?? Array(d.values).fill('0')).map(num),
      `table 二 ${d.key}`,
    );
  }
  assert.deepEqual(
    r.tables.review!.rows[0]!.cells.map((c) => c.value),
    Array(15).fill(0),
  );
}

const codes = (text: string) =>
  openDocument(text)
    .findings(0)
    .map((f) => f.code)
    .filter((c) => c !== 'report.title-missing');

function swap(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `lacks ${from}`);
  return text.replace(from, to);
}

/** Puts `header` before every line of table 三 that starts with a row label (`prefix` before it). */
function headerBeforeEveryRow(text: string, header: string, prefix: string): string {
  const labels = applicationRows('2021').filter((d) => d.values);
  return text
    .split('\n')
    .map((l) => (labels.some((d) => l.startsWith(prefix + d.label)) ? `${header}\n${l}` : l))
    .join('\n');
}

test('the reports built here read exactly and have no finding', () => {
  for (const layout of ['markdown', 'pipe', 'tab', 'cell-per-line'] as const) {
    const t = build(layout);
    assertEveryValue(t);
    assert.deepEqual(codes(t), [], layout);
  }
});

test('Markdown: a header repeated before every row (类别 | 数据1 … | 总计) yields no value', () => {
  const head = '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n|---|---|---|---|---|---|---|---|';
  const t = headerBeforeEveryRow(build('markdown'), head, '| ');
  assert.equal(t.split(head).length - 1, 25);
  assertEveryValue(t);
  assert.deepEqual(codes(t), []);
});

test('tab rows: a header repeated before every row yields no value', () => {
  const head = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'].join('\t');
  const t = headerBeforeEveryRow(build('tab'), head, '');
  assertEveryValue(t);
  assert.deepEqual(codes(t), []);
});

test('a mid-table header whose words contain row keywords yields no row', () => {
  const md = '| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 无法提供 | 总计 |';
  const m = swap(build('markdown'), '| （三）不予公开 |', `${md}\n| （三）不予公开 |`);
  assertEveryValue(m);
  assert.deepEqual(codes(m), []);
  const tab = md.slice(2, -2).split(' | ').join('\t');
  const t = swap(build('tab'), '（三）不予公开', `${tab}\n（三）不予公开`);
  assertEveryValue(t);
  assert.deepEqual(codes(t), []);
});

test('a number glued to letters (数据1, 指2019年, 如-8) is not a value of the row before it', () => {
  const note = '| 说明：数据1指2019年起的件数，如-8表示减少 |  |  |  |  |  |  |  |';
  const m = swap(build('markdown'), '| （三）不予公开 |', `${note}\n| （三）不予公开 |`);
  assertEveryValue(m);
  assert.deepEqual(codes(m), []);
  // One cell per line: the note is a line of its own among the values.
  const c = swap(build('cell-per-line'), '（三）不予公开\n', '（三）不予公开\n说明：数据1指2019年，如-8表示减少\n');
  assertEveryValue(c);
  assert.deepEqual(codes(c), []);
});

const BLANKS: Values = {
  ...V3,
  // One value after six empty lines: its 总计.
  'denied.prohibitedByLaw': ['', '', '', '', '', '', '0'],
  // A row of empty lines.
  'denied.stateSecret': ['', '', '', '', '', '', ''],
  // Empty lines among values.
  'unable.needsCreation': ['', '0', '', '0', '0', '', '0'],
  // A value, then empty lines.
  'notProcessed.repeated': ['0', '', '', '', '', '', ''],
};

test('one cell per line: empty lines are empty cells', () => {
  const t = build('cell-per-line', BLANKS);
  assertEveryValue(t, BLANKS);
  const doc = openDocument(t);
  const fs = doc.findings(0);
  // The blank cells are reported as blank (however many findings that rule gives), nothing else.
  assert.ok(fs.some((f) => f.code === 'table.cell-blank'));
  assert.deepEqual([...new Set(codes(t))], ['table.cell-blank']);
  // The normalized export: an all-blank row is seven nulls, never [].
  const n = normalizeReport(doc.model().reports[0]!, lineIndex(t)) as unknown as {
    applications: { denied: { stateSecret: unknown; prohibitedByLaw: unknown } };
  };
  assert.deepEqual(n.applications.denied.stateSecret, Array(7).fill(null));
  assert.deepEqual(n.applications.denied.prohibitedByLaw, [null, null, null, null, null, null, 0]);
});

test('one cell per line with a blank line between rows: the separator is not a cell', () => {
  const t0 = build('cell-per-line', BLANKS);
  // A blank line after each row's last cell, before the next label.
  const labels = applicationRows('2021').filter((d) => d.values && d.key !== 'newReceived');
  const t = t0
    .split('\n')
    .map((l) => (labels.some((d) => l === d.label) ? `\n${l}` : l))
    .join('\n');
  assertEveryValue(t, BLANKS);
  assert.deepEqual([...new Set(codes(t))], ['table.cell-blank']);
});

test('one cell per line, double spaced (a blank line after every cell): blank lines are separators', () => {
  const t = build('cell-per-line').replace(/\n(\d+)\n/g, '\n\n$1\n\n');
  assertEveryValue(t);
  assert.deepEqual(codes(t), []);
});

test('double spaced, a value standing before its label: the empty line after the label is no blank cell', () => {
  const v2 = { ...V2, licensing: ['9'] };
  const t0 = build('cell-per-line', V3, v2).replace(/\n(\d+)\n/g, '\n\n$1\n\n');
  // The converter put 行政许可's value above its label.
  const t = swap(t0, '行政许可\n\n9\n', '9\n\n行政许可\n');
  const r = openDocument(t).model().reports[0]!;
  const licensing = r.tables.active!.rows.find((x) => x.key === 'licensing')!;
  assert.deepEqual(
    licensing.cells.map((c) => c.kind),
    ['number'],
  );
  assert.ok(!codes(t).includes('table.cell-blank'));
});

test('one cell per line: a mid-table header of row keywords yields no row', () => {
  const head = ['项目', '本年新收件数', '上年结转件数', '予以公开', '部分公开', '无法提供', '总计'].join('\n');
  const t = swap(build('cell-per-line'), '（三）不予公开\n', `${head}\n（三）不予公开\n`);
  assertEveryValue(t);
  assert.deepEqual(codes(t), []);
});

test('one cell per line: a label broken over two lines, then empty lines for its blank cells', () => {
  const v3 = { ...V3, partiallyGranted: ['', '', '', '', '', '', '0'], granted: withTotal([3, 1, 0, 0, 0, 0]) };
  const t0 = build('cell-per-line', v3);
  const label = applicationRows('2021').find((d) => d.key === 'partiallyGranted')!.label;
  const cut = label.indexOf('，') + 1;
  const t = swap(t0, `${label}\n`, `${label.slice(0, cut)}\n${label.slice(cut)}\n`);
  assertEveryValue(t, v3);
  assert.deepEqual([...new Set(codes(t))], ['table.cell-blank']);
});

test('one cell per line: empty lines among table 四’s values are its blank cells', () => {
  const review = ['1', '0', '', '0', '1', '', '', '', '', '', '0', '0', '0', '0', '0'];
  const t0 = build('cell-per-line');
  const t = swap(t0, renderReview(undefined, 'cell-per-line'), renderReview(review, 'cell-per-line'));
  const r = openDocument(t).model().reports[0]!;
  assert.deepEqual(
    r.tables.review!.rows[0]!.cells.map((c) => c.value),
    review.map(num),
  );
  assert.deepEqual([...new Set(codes(t))], ['table.cell-blank']);
});

test('one cell per line and spaced columns: a header repeated before every row yields no value', () => {
  const words = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
  const c = headerBeforeEveryRow(build('cell-per-line', BLANKS), words.join('\n'), '');
  assertEveryValue(c, BLANKS);
  assert.deepEqual([...new Set(codes(c))], ['table.cell-blank']);
  const s = headerBeforeEveryRow(build('tab'), words.join('   '), '').replace(/\t/g, '   ');
  assertEveryValue(s);
  assert.deepEqual(codes(s), []);
});
