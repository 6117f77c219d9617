import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noConstraint, reviewBlocks, rowTotal, splitCandidates } from '../../server/src/core/parse/split';
import { parse } from '../../server/src/core/parse';
import { byPrefix, readCorpus } from './helpers';

const cases: {
  tokens: string[];
  n: number;
  rule: 'row' | 'review' | 'none';
  expect: number[][];
  signed?: boolean[];
}[] = [
  { tokens: ['230', '000023'], n: 7, rule: 'row', expect: [[23, 0, 0, 0, 0, 0, 23]] },
  { tokens: ['7000007'], n: 7, rule: 'row', expect: [[7, 0, 0, 0, 0, 0, 7]] },
  { tokens: ['0', '0', '0', '0', '0', '00'], n: 7, rule: 'row', expect: [[0, 0, 0, 0, 0, 0, 0]] },
  { tokens: ['23', '0', '00', '0', '023'], n: 7, rule: 'row', expect: [[23, 0, 0, 0, 0, 0, 23]] },
  { tokens: ['10203120001200000'], n: 15, rule: 'review', expect: [[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]] },
  { tokens: ['000'], n: 3, rule: 'none', expect: [[0, 0, 0]] },
  {
    tokens: ['35-15'],
    n: 2,
    rule: 'none',
    signed: [false, true],
    expect: [
      [35, -15],
      [3, 5],
    ].slice(0, 1),
  },
];

for (const c of cases) {
  test(`split ${c.tokens.join(' ')} into ${c.n}`, () => {
    const rule = c.rule === 'row' ? rowTotal : c.rule === 'review' ? reviewBlocks : noConstraint;
    const got = splitCandidates(c.tokens, c.n, rule, { signed: c.signed });
    if (c.tokens[0] === '35-15') assert.ok(got.some((g) => g.join() === '35,-15'));
    else assert.deepEqual(got, c.expect);
  });
}

test('ambiguous splits list every candidate; impossible ones list none', () => {
  const got = splitCandidates(['898989'], 3, noConstraint);
  assert.ok(got.length > 1);
  assert.ok(got.some((g) => g.join() === '89,89,89'));
  assert.deepEqual(splitCandidates(['12'], 3, noConstraint), []);
  assert.deepEqual(
    splitCandidates(['1000001'], 7, (c) => rowTotal(c) && c[0] === 9),
    [],
  );
});

test('leading zeros never start a number; a minus only where allowed', () => {
  for (const g of splitCandidates(['1005'], 2, noConstraint)) for (const v of g) assert.ok(!/^0\d/.test(String(v)));
  assert.ok(splitCandidates(['3-5'], 2, noConstraint).every((g) => g.every((v) => v >= 0)));
});

test('pathological input stays bounded', () => {
  const got = splitCandidates(['1'.repeat(60)], 30, noConstraint, { maxCandidates: 5 });
  assert.ok(got.length <= 5);
});

test('no part of a split is past 2^53 (it would be a rounded value)', () => {
  assert.deepEqual(splitCandidates(['99999999999999999999'], 1, noConstraint), []);
  assert.deepEqual(splitCandidates(['12345678901234567'], 1, noConstraint), []);
  assert.deepEqual(splitCandidates(['9007199254740991'], 1, noConstraint), [[9007199254740991]]);
  // 20 digits into 2 cells: only splits whose both parts are exact.
  const got = splitCandidates(['11111111111111111111'], 2, noConstraint, { maxCandidates: 100 });
  assert.ok(got.length > 0);
  for (const g of got) for (const v of g) assert.ok(Number.isSafeInteger(v), String(v));
});

// The split chooser (parse/tables/applications.ts) asks the format's arithmetic which combination of
// candidate splits satisfies every column equation of table 三.
const S000 = readCorpus(byPrefix('000'));
const GRANTED = '(一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const withRows = (rows: Record<string, string>): string => {
  let text = S000;
  for (const [from, to] of Object.entries(rows)) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
  }
  return text;
};
const granted = (text: string) => parse(text).reports[0]!.tables.applications!.rows.find((r) => r.key === 'granted')!;

test('run-together digits with two readings: the column totals choose one (split "table")', () => {
  // 110000011 reads 1|10|0|0|0|0|11 or 11|0|0|0|0|0|11; only the first adds up down the columns.
  const text = withRows({
    [GRANTED]: '(一)予以公开 110000011',
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |':
      '一、本年新收政府信息公开申请数量 | 2 | 10 | 0 | 0 | 0 | 0 | 12 |',
    '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |': '(七)总计 | 2 | 10 | 0 | 0 | 0 | 0 | 12 |',
  });
  const row = granted(text);
  assert.equal(row.split?.how, 'table');
  assert.deepEqual(
    row.cells.map((c) => c.value),
    [1, 10, 0, 0, 0, 0, 11],
  );
  // Totals that fit neither reading leave the row unknown.
  const none = granted(text.replace('(七)总计 | 2 | 10 |', '(七)总计 | 3 | 10 |'));
  assert.equal(none.split?.how, 'ambiguous');
  assert.ok(none.cells.every((c) => c.kind === 'unknown'));
});

test('the chooser counts a 2021 report’s one-row （六）其他处理 in the outcome total, as the rules do', () => {
  const other = /\(六\)其他处理 \| 1\.申请人无正当理由[^\n]*\n[^\n]*\n3\.其他 [^\n]*\n/;
  assert.match(S000, other);
  const text = withRows({
    [GRANTED]: '(一)予以公开 110000011',
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |':
      '一、本年新收政府信息公开申请数量 | 3 | 10 | 0 | 0 | 0 | 0 | 13 |',
    '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |': '(七)总计 | 3 | 10 | 0 | 0 | 0 | 0 | 13 |',
  }).replace(other, '(六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n');
  const r = parse(text).reports[0]!;
  assert.ok(r.tables.applications!.rows.some((x) => x.key === 'other'));
  const row = granted(text);
  assert.equal(row.split?.how, 'table');
  assert.deepEqual(
    row.cells.map((c) => c.value),
    [1, 10, 0, 0, 0, 0, 11],
  );
});
