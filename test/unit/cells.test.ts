// What a cell holds when it is not a plain count (issue 8, item 6): a word in a separated cell stays
// in its column as an invalid cell (table.cell-invalid) and no total rule reads that column; numbers
// past 2^53 are never rounded into a value; a count written with 万 is not a count; `007` in a
// separated cell is 7. Each case is a small edit of a real report (corpus 000: pipe rows), checked
// on every cell of the row and on every finding the edit adds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { localize } from '../../server/src/core/i18n';
import type { Report, Table } from '../../server/src/core/model';
import { byPrefix, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const NEW = '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
const PUNISH = '行政处罚 | 161 |';
const FEES = '行政事业性收费 | 0 |';
const REVIEW = '\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';

interface Read {
  text: string;
  report: Report;
  /** Findings the edit added to those of the unedited report: `code @ "text at the range"`. */
  added: string[];
  messages: string[];
}

function key(text: string, f: { code: string; range: { start: number; end: number } }): string {
  return `${f.code} @ ${JSON.stringify(text.slice(f.range.start, f.range.end))}`;
}

function findingsOf(text: string) {
  const m = parse(text);
  return { model: m, findings: checkDocument(analysisText(text).text, text, m, {}) };
}

function read(from: string | RegExp, to: string, seed = S000): Read {
  assert.ok(typeof from === 'string' ? seed.includes(from) : from.test(seed), String(from));
  const text = seed.replace(from, to);
  const { model, findings } = findingsOf(text);
  assert.equal(model.reports.length, 1);
  const base = findingsOf(seed).findings.map((f) => key(seed, f));
  const added: string[] = [];
  const messages: string[] = [];
  for (const f of findings) {
    const k = key(text, f);
    const i = base.indexOf(k);
    if (i >= 0) base.splice(i, 1);
    else {
      added.push(k);
      messages.push(localize(f.message, 'zh-CN'));
    }
  }
  assert.deepEqual(base, [], 'a finding of the unedited report went away');
  return { text, report: model.reports[0]!, added, messages };
}

/** Each cell of a row as `kind value raw`, and what its range covers. */
function cells(r: Read, table: Table | null, rowKey: string): string[] {
  const row = table?.rows.find((x) => x.key === rowKey);
  assert.ok(row, rowKey);
  return row.cells.map((c) => `${c.kind} ${c.value} ${JSON.stringify(r.text.slice(c.range.start, c.range.end))}`);
}

const n = (v: number) => `number ${v} ${JSON.stringify(String(v))}`;
const bad = (s: string) => `text null ${JSON.stringify(s)}`;

for (const word of ['abc', 'Infinity', 'NaN', '½', '①', '٣', '三']) {
  test(`a word in a pipe row of table 三 stays in its column as an invalid cell: ${word}`, () => {
    const r = read(NEW, `一、本年新收政府信息公开申请数量 | 1 | ${word} | 0 | 0 | 0 | 0 | 1 |`);
    assert.deepEqual(cells(r, r.report.tables.applications, 'newReceived'), [
      n(1),
      bad(word),
      n(0),
      n(0),
      n(0),
      n(0),
      n(1),
    ]);
    // One finding, on the cell; no total is evaluated in its column, the row total is not evaluated.
    assert.deepEqual(r.added, [`table.cell-invalid @ ${JSON.stringify(word)}`]);
    assert.match(r.messages[0]!, new RegExp(`“${word}”不是数字`));
  });
}

test('a word in the first value column keeps the other cells in theirs', () => {
  const r = read(NEW, '一、本年新收政府信息公开申请数量 | abc | 0 | 0 | 0 | 0 | 0 | 1 |');
  assert.deepEqual(cells(r, r.report.tables.applications, 'newReceived'), [
    bad('abc'),
    n(0),
    n(0),
    n(0),
    n(0),
    n(0),
    n(1),
  ]);
  assert.deepEqual(r.added, ['table.cell-invalid @ "abc"']);
});

test('a word in the total column: no total rule reads the column', () => {
  const r = read(NEW, '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | abc |');
  assert.deepEqual(cells(r, r.report.tables.applications, 'newReceived'), [
    n(1),
    n(0),
    n(0),
    n(0),
    n(0),
    n(0),
    bad('abc'),
  ]);
  // The narrative's 收到…1件 is compared with 总计, which is not known: nothing said.
  assert.deepEqual(r.added, ['table.cell-invalid @ "abc"']);
});

test('a word in table 二 and in table 四 stays in its column', () => {
  const a = read(PUNISH, '行政处罚 | abc |');
  assert.deepEqual(cells(a, a.report.tables.active, 'punishment'), [bad('abc')]);
  assert.deepEqual(a.added, ['table.cell-invalid @ "abc"']);
  const b = read(REVIEW, '\n0 | 0 | abc | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  const row = b.report.tables.review!.rows[0]!;
  assert.deepEqual(
    row.cells.map((c) => `${c.kind} ${c.value}`),
    ['number 0', 'number 0', 'text null', ...Array(12).fill('number 0')],
  );
  assert.deepEqual(b.added, ['table.cell-invalid @ "abc"']);
});

test('a note after a complete row is not a cell', () => {
  const r = read(NEW, `${NEW}（以上为本机关全年受理数据）`);
  assert.deepEqual(cells(r, r.report.tables.applications, 'newReceived'), [n(1), n(0), n(0), n(0), n(0), n(0), n(1)]);
  assert.deepEqual(r.added, []);
});

test('numbers past 2^53 are invalid cells, never rounded values', () => {
  for (const big of ['99999999999999999999', '12345678901234567', '9007199254740993']) {
    const a = read(PUNISH, `行政处罚 | ${big} |`);
    assert.deepEqual(cells(a, a.report.tables.active, 'punishment'), [bad(big)]);
    assert.deepEqual(a.added, [`table.cell-invalid @ ${JSON.stringify(big)}`]);
    assert.match(a.messages[0]!, /位数过多/);
    const b = read(NEW, `一、本年新收政府信息公开申请数量 | 1 | ${big} | 0 | 0 | 0 | 0 | ${big} |`);
    assert.deepEqual(cells(b, b.report.tables.applications, 'newReceived'), [
      n(1),
      bad(big),
      n(0),
      n(0),
      n(0),
      n(0),
      bad(big),
    ]);
    assert.deepEqual(b.added, [
      `table.cell-invalid @ ${JSON.stringify(big)}`,
      `table.cell-invalid @ ${JSON.stringify(big)}`,
    ]);
  }
  // The largest exact integer is kept, exactly.
  const c = read(PUNISH, '行政处罚 | 9007199254740991 |');
  assert.deepEqual(cells(c, c.report.tables.active, 'punishment'), [n(9007199254740991)]);
});

test('a count written with 万 is not a count; an amount in 万元 may repeat its unit', () => {
  for (const w of ['1万', '1.5万', '2万元']) {
    const a = read(PUNISH, `行政处罚 | ${w} |`);
    assert.deepEqual(cells(a, a.report.tables.active, 'punishment'), [bad(w)]);
    assert.deepEqual(a.added, [`table.cell-invalid @ ${JSON.stringify(w)}`]);
    assert.match(a.messages[0]!, /万/);
    const b = read(NEW, `一、本年新收政府信息公开申请数量 | ${w} | 0 | 0 | 0 | 0 | 0 | 1 |`);
    assert.deepEqual(cells(b, b.report.tables.applications, 'newReceived'), [
      bad(w),
      n(0),
      n(0),
      n(0),
      n(0),
      n(0),
      n(1),
    ]);
    assert.deepEqual(b.added, [`table.cell-invalid @ ${JSON.stringify(w)}`]);
  }
  // The fee row's column is 本年收费金额（单位：万元）: `1万` there is 1 万元, as `1万元` is.
  for (const w of ['1万', '1万元', '0.5万']) {
    const f = read(FEES, `行政事业性收费 | ${w} |`);
    const cell = f.report.tables.active!.rows.find((x) => x.key === 'fees')!.cells[0]!;
    assert.equal(cell.kind, 'number');
    assert.equal(cell.value, parseFloat(w));
    assert.deepEqual(f.added, []);
  }
});

test('leading zeros in a separated cell are read as the number', () => {
  const a = read(PUNISH, '行政处罚 | 007 |');
  const cell = a.report.tables.active!.rows.find((x) => x.key === 'punishment')!.cells[0]!;
  assert.deepEqual([cell.kind, cell.value, a.text.slice(cell.range.start, cell.range.end)], ['number', 7, '007']);
  assert.deepEqual(a.added, []);
  const b = read(NEW, '一、本年新收政府信息公开申请数量 | 001 | 0 | 0 | 00 | 0 | 0 | 01 |');
  const row = b.report.tables.applications!.rows.find((x) => x.key === 'newReceived')!;
  assert.deepEqual(
    row.cells.map((c) => [c.kind, c.value]),
    [
      ['number', 1],
      ['number', 0],
      ['number', 0],
      ['number', 0],
      ['number', 0],
      ['number', 0],
      ['number', 1],
    ],
  );
  assert.equal(row.split, undefined);
  assert.deepEqual(b.added, []);
});

test('run-together digits in one separated cell are still split', () => {
  // `1000001` for seven cells: one cell holding the whole row, split under the row total.
  const r = read(`${NEW} ||`, '一、本年新收政府信息公开申请数量 | 1000001 |');
  const row = r.report.tables.applications!.rows.find((x) => x.key === 'newReceived')!;
  assert.deepEqual(
    row.cells.map((c) => c.value),
    [1, 0, 0, 0, 0, 0, 1],
  );
  assert.equal(row.split?.how, 'unique');
});

test('an amount in 元 where the column is in 万元 is not read as 万元', () => {
  const f = read(FEES, '行政事业性收费 | 500元 |');
  assert.deepEqual(cells(f, f.report.tables.active, 'fees'), [bad('500元')]);
  assert.deepEqual(f.added, ['table.cell-invalid @ "500元"']);
  assert.match(f.messages[0]!, /万元/);
  // A count in 元 is not a count either.
  const a = read(PUNISH, '行政处罚 | 5元 |');
  assert.deepEqual(cells(a, a.report.tables.active, 'punishment'), [bad('5元')]);
});

test('an invalid total of table 四 is not compared with the prose', () => {
  const text = '\n0 | 0 | 0 | 0 | abc | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  const r = read(REVIEW, text);
  assert.deepEqual(r.added, ['table.cell-invalid @ "abc"']);
  const withProse = S000.replace(REVIEW, text).replace(
    '未发生因政府信息公开申请行政复议、提起行政诉讼的情况',
    '因政府信息公开申请行政复议3件',
  );
  const { findings } = findingsOf(withProse);
  assert.deepEqual(
    findings.filter((f) => f.code === 'narrative.mismatch').map((f) => key(withProse, f)),
    [],
  );
});

test('in a PDF copy aligned with spaces, too many digits are an invalid cell, not a rounded value', () => {
  const seed = readCorpus(byPrefix('real-008'));
  const r = read(/行政处罚(?<sp>\s+)4119/, '行政处罚$<sp>99999999999999999999', seed);
  assert.deepEqual(cells(r, r.report.tables.active, 'punishment'), [bad('99999999999999999999')]);
  assert.deepEqual(r.added, ['table.cell-invalid @ "99999999999999999999"']);
  const w = read(/行政处罚(?<sp>\s+)4119/, '行政处罚$<sp>1万', seed);
  assert.deepEqual(cells(w, w.report.tables.active, 'punishment'), [bad('1万')]);
  assert.deepEqual(w.added, ['table.cell-invalid @ "1万"']);
});
