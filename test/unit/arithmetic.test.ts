// The format's arithmetic (template/arithmetic.ts) on tables built by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cell, Row, Table } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import { checkDocument } from '../../server/src/core/rules/check';
import { analysisText } from '../../server/src/core/text/normalize';
import { byPrefix, corpusFiles, readCorpus } from './helpers';
import { applicationRows } from '../../server/src/core/template';
import {
  APPLICANT_WIDTH,
  equations,
  evaluate,
  noneFails,
  outcomeRowKeys,
  REVIEW_WIDTH,
  rowTotalsHold,
  cellValue,
} from '../../server/src/core/template/arithmetic';

type V = number | '' | '?' | '-';
let at = 0;
function cell(v: V): Cell {
  const range = { start: at, end: (at += 2) };
  if (v === '') return { kind: 'blank', value: null, raw: '', range };
  if (v === '?') return { kind: 'unknown', value: null, raw: '?', range };
  if (v === '-') return { kind: 'na', value: null, raw: '-', range };
  return { kind: 'number', value: v, raw: String(v), range };
}
function row(key: string, values: V[]): Row {
  const labelRange = { start: at, end: at };
  return { key, label: key, labelRange, numbering: '', cells: values.map(cell), match: 'exact' };
}
/** A row of table 三 whose 总计 is the sum of `parts` (six values), unless `total` is given. */
const t3 = (key: string, parts: V[], total?: V): Row =>
  row(key, [...parts, total ?? parts.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0)]);
const table = (kind: Table['kind'], rows: Row[]): Table => ({
  kind,
  rows,
  range: { start: 0, end: at },
  layout: 'pipe',
  headerWords: [],
});

/** A consistent 2021 table 三: one application granted in the first column, nothing else. */
function sound(): Row[] {
  return applicationRows('2021')
    .filter((d) => d.values)
    .map((d) =>
      t3(d.key, ['newReceived', 'granted', 'totalProcessed'].includes(d.key) ? [1, 0, 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0]),
    );
}

test('the widths come from the template: seven applicant columns, three blocks of five in table 四', () => {
  assert.equal(APPLICANT_WIDTH, 7);
  assert.equal(REVIEW_WIDTH, 15);
  assert.equal(outcomeRowKeys('2021').length, 21);
  assert.equal(outcomeRowKeys('2019').length, 19);
});

test('a sound table satisfies every equation, each known, per column', () => {
  const t = table('applications', sound());
  const all = evaluate(t, '2021');
  assert.equal(all.filter((e) => e.equation === 'row-total').length, t.rows.length);
  assert.equal(all.filter((e) => e.equation === 'outcome-total').length, 7);
  assert.equal(all.filter((e) => e.equation === 'balance').length, 7);
  assert.ok(all.every((e) => e.known && e.holds === true));
  const b0 = all.find((e) => e.equation === 'balance' && e.column === 0)!;
  assert.deepEqual([b0.left.sum, b0.right.sum], [1, 1]);
  assert.deepEqual(
    b0.right.terms.map((x) => [x.key, x.column, x.value]),
    [
      ['totalProcessed', 0, 1],
      ['carriedForward', 0, 0],
    ],
  );
  // The terms carry their cells, ranges included.
  assert.deepEqual(b0.left.terms[0]!.cell!.range, t.rows.find((r) => r.key === 'newReceived')!.cells[0]!.range);
});

test('a wrong total fails its equations; an unknown cell makes them unknown, never wrong', () => {
  const rows = sound();
  const i = rows.findIndex((r) => r.key === 'totalProcessed');
  rows[i] = t3('totalProcessed', [1, 0, 0, 0, 0, 0], 3);
  const all = evaluate(table('applications', rows), '2021');
  const rt = all.find((e) => e.equation === 'row-total' && e.row!.key === 'totalProcessed')!;
  assert.deepEqual([rt.left.sum, rt.right.sum, rt.holds], [3, 1, false]);
  const ot = all.find((e) => e.equation === 'outcome-total' && e.column === 6)!;
  assert.deepEqual([ot.left.sum, ot.right.sum, ot.holds], [3, 1, false]);

  const unknown = sound();
  unknown[unknown.findIndex((r) => r.key === 'denied.stateSecret')] = row('denied.stateSecret', [
    '?',
    0,
    0,
    0,
    0,
    0,
    0,
  ]);
  const u = evaluate(table('applications', unknown), '2021');
  const o0 = u.find((e) => e.equation === 'outcome-total' && e.column === 0)!;
  assert.equal(o0.known, false);
  assert.equal(o0.holds, null);
  assert.equal(o0.right.sum, null);
  assert.equal(u.find((e) => e.equation === 'outcome-total' && e.column === 1)!.holds, true);
  assert.equal(u.find((e) => e.equation === 'row-total' && e.row!.key === 'denied.stateSecret')!.known, false);
});

test('blank and n/a cells count as 0 (as rules/rule.ts num); a missing row leaves its equations unknown', () => {
  const r = row('x', ['', '-', 3, '?']);
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((c) => cellValue(r, c)),
    [0, 0, 3, null, null],
  );
  const rows = sound().filter((x) => x.key !== 'carriedOver');
  const bal = evaluate(table('applications', rows), '2021', { only: ['balance'] });
  assert.equal(bal.length, 7);
  assert.ok(bal.every((e) => !e.known && e.left.terms[1]!.row === null));
});

test('a 2021 table printing （六） as one row: that row stands for its three items (stated once)', () => {
  const rows = sound().filter((x) => !x.key.startsWith('other.'));
  rows.splice(rows.length - 2, 0, t3('other', [2, 0, 0, 0, 0, 0]));
  rows[rows.findIndex((x) => x.key === 'totalProcessed')] = t3('totalProcessed', [3, 0, 0, 0, 0, 0]);
  rows[rows.findIndex((x) => x.key === 'newReceived')] = t3('newReceived', [3, 0, 0, 0, 0, 0]);
  const t = table('applications', rows);
  assert.equal(outcomeRowKeys('2021', t).at(-1), 'other');
  assert.ok(!outcomeRowKeys('2021', t).some((k) => k.startsWith('other.')));
  assert.ok(evaluate(t, '2021').every((e) => e.holds === true));
});

test('table 四: one equation per block, at its 总计 column', () => {
  const t = table('review', [row('review', [1, 0, 0, 0, 1, 0, 2, 0, 0, 2, 0, 0, 0, 0, 5])]);
  const all = evaluate(t, '2021');
  assert.deepEqual(
    all.map((e) => [e.block, e.column, e.left.sum, e.right.sum, e.holds]),
    [
      [0, 4, 1, 1, true],
      [1, 9, 2, 2, true],
      [2, 14, 5, 0, false],
    ],
  );
  assert.deepEqual(evaluate(table('review', [row('review', [1, 0, 1])]), '2021'), []);
});

test('the split chooser’s questions: row totals of a candidate, and no evaluable equation failing', () => {
  assert.ok(rowTotalsHold('applications', [23, 0, 0, 0, 0, 0, 23]));
  assert.ok(!rowTotalsHold('applications', [23, 0, 0, 0, 0, 0, 2]));
  assert.ok(rowTotalsHold('review', [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]));
  assert.ok(!rowTotalsHold('review', [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 1]));
  const t = table('applications', sound());
  const eqs = equations(t, '2021', ['outcome-total', 'balance']);
  assert.ok(noneFails(eqs, cellValue));
  const total = t.rows.find((r) => r.key === 'totalProcessed')!;
  assert.ok(!noneFails(eqs, (r, c) => (r === total && c === 0 ? 2 : cellValue(r, c))));
  assert.ok(noneFails(eqs, (r, c) => (r === total && c === 0 ? null : cellValue(r, c))));
});

test('the narrative rule takes a table 四 block total from the arithmetic: as written, or the sum of a blank one', () => {
  const seed = readCorpus(byPrefix('000'));
  const REVIEW = '\n0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  const prose = '未发生因政府信息公开申请行政复议、提起行政诉讼的情况';
  const said = (row: string, n: number) => {
    const text = seed.replace(REVIEW, row).replace(prose, `因政府信息公开申请行政复议${n}件`);
    const findings = checkDocument(analysisText(text).text, text, parse(text), {});
    return findings.filter((f) => f.code === 'narrative.mismatch').map((f) => text.slice(f.range.start, f.range.end));
  };
  const written = '\n1 | 1 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  const blank = '\n1 | 1 | 0 | 0 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  assert.deepEqual(said(written, 2), []);
  assert.deepEqual(said(written, 3), ['3']);
  assert.deepEqual(said(blank, 2), []);
  assert.deepEqual(said(blank, 3), ['3']);
});

test('evaluate with `failing` gives exactly the failing evaluations, on every table of the corpus and with a cell changed', () => {
  let tables = 0;
  let failing = 0;
  for (const f of corpusFiles()) {
    for (const r of parse(readCorpus(f)).reports) {
      for (const t of [r.tables.applications, r.tables.review]) {
        if (!t) continue;
        // As read, then with each row's last cell one more (row totals, and the sums it enters, fail).
        const variants = [t, { ...t, rows: t.rows.map((x) => ({ ...x, cells: bumpLast(x.cells) })) }];
        for (const v of variants) {
          tables++;
          for (const only of [undefined, ['row-total'], ['outcome-total'], ['balance'], ['review-block']] as const) {
            const all = evaluate(v, r.format, { only }).filter((e) => e.holds === false);
            const some = evaluate(v, r.format, { only, failing: true });
            assert.deepEqual(some, all, `${f} ${only ?? 'all'}`);
            failing += some.length;
          }
        }
      }
    }
  }
  assert.ok(tables > 50 && failing > 100, `${tables} tables, ${failing} failing`);
});

function bumpLast(cells: Cell[]): Cell[] {
  const last = cells[cells.length - 1];
  if (last?.kind !== 'number') return cells;
  return [...cells.slice(0, -1), { ...last, value: last.value! + 1 }];
}
