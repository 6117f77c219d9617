// Labels with a province's filling notes in brackets (issue 10, item 6), and labels apart from their
// values in PDF→Markdown copies (item 4). Every report here is built from the template
// (features/render.ts) with figures of our own, and every value of its tables is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import type { Finding } from '../../server/src/core/rules/findings';
import { applicationRows } from '../../server/src/core/template';
import {
  renderActive,
  renderApplications,
  renderSkeleton,
  type TextLayout,
  type Values,
} from '../../server/src/core/features/render';

const ACTIVE: Values = {
  regulations: ['1', '2', '3'],
  normativeDocuments: ['4', '5', '6'],
  licensing: ['7'],
  punishment: ['8'],
  coercion: ['9'],
  fees: ['1.5'],
};

const r7 = (...v: number[]) => [...v, v.reduce((a, b) => a + b, 0)].map(String);

/** Table 三 of our own: 一 6 + 二 2 = （七） 7 + 四 1 in every column. */
const APPS: Values = {
  newReceived: r7(3, 1, 0, 1, 0, 1),
  carriedOver: r7(1, 0, 1, 0, 0, 0),
  granted: r7(2, 0, 0, 1, 0, 0),
  partiallyGranted: r7(1, 0, 0, 0, 0, 0),
  'denied.stateSecret': r7(0, 1, 0, 0, 0, 0),
  'denied.thirdPartyRights': r7(0, 0, 1, 0, 0, 0),
  'unable.notHeld': r7(1, 0, 0, 0, 0, 0),
  'notProcessed.repeated': r7(0, 0, 0, 0, 0, 1),
  totalProcessed: r7(4, 1, 1, 1, 0, 1),
  carriedForward: r7(0, 0, 0, 0, 0, 0),
};

function build(layout: TextLayout, edits: [string, string][] = [], apps: Values = APPS): string {
  let t = renderSkeleton('2021', layout, '某某县统计局', 2023);
  t = t.replace(renderActive('2021', {}, layout), renderActive('2021', ACTIVE, layout));
  t = t.replace(renderApplications('2021', {}, layout), renderApplications('2021', apps, layout));
  t = t.replace(
    '五、存在的主要问题及改进情况\n',
    '五、存在的主要问题及改进情况\n公开工作的培训不够，明年每季度组织一次。\n',
  );
  for (const [a, b] of edits) {
    assert.ok(t.includes(a), `lacks ${a}`);
    t = t.replace(a, b);
  }
  return t;
}

/** Every row of a table as [key, values], in the order read (a row read twice shows twice). */
function rows(text: string, table: 'active' | 'applications'): [string, (number | null)[]][] {
  const t = parse(text).reports[0]!.tables[table]!;
  return t.rows.map((r) => [r.key, r.cells.map((c) => (c.kind === 'number' ? c.value : null))]);
}

const expectedActive = (): [string, (number | null)[]][] => Object.entries(ACTIVE).map(([k, v]) => [k, v.map(Number)]);

function expectedApps(apps: Values = APPS): [string, (number | null)[]][] {
  return applicationRows('2021')
    .filter((d) => d.values)
    .map((d) => [d.key, (apps[d.key] ?? Array(7).fill('0')).map(Number)]);
}

function findings(text: string): Finding[] {
  return checkDocument(analysisText(text).text, text, parse(text)).filter((f) => f.code !== 'report.title-missing');
}

test('the reports built here read exactly and have no finding', () => {
  for (const layout of ['markdown', 'pipe', 'tab'] as const) {
    const t = build(layout);
    assert.deepEqual(rows(t, 'active'), expectedActive(), layout);
    assert.deepEqual(rows(t, 'applications'), expectedApps(), layout);
    assert.deepEqual(findings(t), [], layout);
  }
});

// ---------------------------------------------------------------------------------------------
// Item 6: labels with notes

const NOTES: [string, string][] = [
  ['规章 |', '规章（设区的市级以上人民政府填写，其他单位填0） |'],
  ['行政规范性文件 |', '行政规范性文件（含部门文件） |'],
  ['行政许可 |', '行政许可（不含行政处罚、行政强制） |'],
  ['行政处罚 |', '行政处罚（2023年度） |'],
  ['（三）不予公开', '（三）不予公开（说明：属于国家秘密的，填第1项）'],
  ['4.无正当理由大量反复申请', '4.无正当理由（经告知后仍）大量反复申请'],
  ['（七）总计', '（七）总计（不含四、结转下年度继续办理）'],
];

for (const layout of ['markdown', 'pipe'] as const) {
  test(`a bracketed note neither names another row nor hides its own (${layout})`, () => {
    const t = build(layout, NOTES);
    assert.deepEqual(rows(t, 'active'), expectedActive());
    assert.deepEqual(rows(t, 'applications'), expectedApps());
    assert.deepEqual(findings(t), []);
  });
}

test('a note in brackets keeps its label whole: the label range ends after the note', () => {
  const t = build('markdown', NOTES);
  const row = parse(t).reports[0]!.tables.active!.rows.find((r) => r.key === 'licensing')!;
  assert.equal(t.slice(row.labelRange.start, row.labelRange.end), '行政许可（不含行政处罚、行政强制）');
});

test('a numbering in brackets after a group label is the next row’s, not a note', () => {
  // Run together on one line per group: `三、本年度办理结果（一）予以公开 …`.
  const t = build('pipe', [['三、本年度办理结果\n（一）予以公开', '三、本年度办理结果（一）予以公开']]);
  const granted = parse(t).reports[0]!.tables.applications!.rows.find((r) => r.key === 'granted')!;
  assert.equal(granted.numbering, '(一)');
  assert.deepEqual(rows(t, 'applications'), expectedApps());
});

// ---------------------------------------------------------------------------------------------
// Item 4: labels and values apart

const cells = (v: string[]) => `| ${v.join(' | ')} |`;

/** Table 三 as a PDF→Markdown copy prints it: rows up to `lastLabelled` with their values; then the
 *  other labels alone, some broken over two lines; then the other rows' values without labels. */
function apart(lastLabelled: string, apps: Values = APPS, lose = new Set<string>()): string {
  const defs = applicationRows('2021');
  const at = defs.findIndex((d) => d.key === lastLabelled);
  const out: string[] = [cells(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'])];
  out.push(cells(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']));
  for (const d of defs.slice(0, at + 1)) out.push(cells(d.values ? [d.label, ...(apps[d.key] ?? zeros)] : [d.label]));
  for (const d of defs.slice(at + 1)) {
    if (lose.has(d.key)) continue;
    // Long labels break after ten characters, as a narrow PDF column breaks them.
    if (d.label.length > 12) out.push(cells([d.label.slice(0, 10)]), cells([d.label.slice(10)]));
    else out.push(cells([d.label]));
  }
  for (const d of defs.slice(at + 1)) if (d.values) out.push(cells(apps[d.key] ?? zeros));
  return out.join('\n');
}
const zeros = Array<string>(7).fill('0');

function withTable3(table: string): string {
  const t = build('markdown');
  const old = renderApplications('2021', APPS, 'markdown');
  assert.ok(t.includes(old));
  return t.replace(old, table);
}

test('label-less rows after a block of labels go to the rows after the last labelled one, as the sums confirm', () => {
  for (const last of ['carriedOver', 'partiallyGranted', 'notProcessed.confirmation']) {
    const t = withTable3(apart(last));
    assert.deepEqual(rows(t, 'applications'), expectedApps(), last);
    const rs = parse(t).reports[0]!.tables.applications!.rows;
    assert.ok(!rs.some((r) => r.displaced), `${last}: placed with certainty`);
    assert.deepEqual(findings(t), [], last);
  }
});

test('when the sums do not confirm the order, the label-less values stay unplaced and nothing is called wrong', () => {
  // （七）总计's 自然人 is 5 where the outcome rows add up to 4: read in template order the column
  // does not add up, so the reader cannot trust the order, and says only that.
  const wrong = { ...APPS, totalProcessed: r7(5, 1, 1, 1, 0, 1) };
  const t = withTable3(apart('carriedOver', wrong));
  const fs = findings(t);
  assert.deepEqual(
    fs.map((f) => [f.code, f.severity]),
    fs.map(() => ['table.unreadable', 'information']),
  );
  assert.ok(fs.length >= 1);
  const rs = parse(t).reports[0]!.tables.applications!.rows;
  for (const r of rs.filter((x) => !['newReceived', 'carriedOver'].includes(x.key)))
    assert.ok(r.cells.every((c) => c.kind !== 'number') || r.displaced, `${r.key} is not given values`);
});

test('a row whose label was lost (blank first cell) is placed by its neighbours', () => {
  const t0 = build('markdown');
  for (const key of ['granted', 'denied.thirdPartyRights', 'notProcessed.repeated']) {
    const d = applicationRows('2021').find((x) => x.key === key)!;
    const line = cells([d.label, ...APPS[key]!]);
    assert.ok(t0.includes(line));
    const t = t0.replace(line, cells(['', ...APPS[key]!]));
    assert.deepEqual(rows(t, 'applications'), expectedApps(), key);
    const row = parse(t).reports[0]!.tables.applications!.rows.find((r) => r.key === key)!;
    assert.ok(!row.displaced, key);
  }
});

test('a lost label in pipe and tab rows is placed by its neighbours too', () => {
  for (const layout of ['pipe', 'tab'] as const) {
    const t0 = build(layout);
    const d = applicationRows('2021').find((x) => x.key === 'denied.thirdPartyRights')!;
    const sep = layout === 'tab' ? '\t' : ' | ';
    const line = `${d.label}${sep}${APPS[d.key]!.join(sep)}`;
    assert.ok(t0.includes(line), layout);
    const t = t0.replace(line, `${layout === 'tab' ? '\t' : '| '}${APPS[d.key]!.join(sep)}`);
    assert.deepEqual(rows(t, 'applications'), expectedApps(), layout);
    assert.deepEqual(findings(t), [], layout);
  }
});

test('label-less rows fewer than the rows they would fill are not placed, and nothing is called wrong', () => {
  const full = apart('carriedOver');
  const lines = full.split('\n');
  const t = withTable3(lines.slice(0, -1).join('\n'));
  const fs = findings(t);
  assert.ok(fs.length >= 1);
  assert.deepEqual(
    fs.map((f) => [f.code, f.severity]).filter(([, s]) => s !== 'information'),
    [],
  );
});

test('a note broken over two lines names no other row, on either line', () => {
  const broken: Record<string, [string, string][]> = {
    markdown: [['| 行政许可 | 7 |', '| 行政许可（不含行政处罚、 |\n| 行政强制） | 7 |']],
    pipe: [['行政许可 | 7 |', '行政许可（不含行政处罚、\n行政强制） | 7 |']],
  };
  for (const [layout, edits] of Object.entries(broken)) {
    const t = build(layout as TextLayout, edits);
    assert.deepEqual(rows(t, 'active'), expectedActive(), layout);
    assert.deepEqual(findings(t), [], layout);
  }
});
