import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noConstraint, reviewBlocks, rowTotal, splitCandidates } from '../../server/src/core/parse/split';

const cases: { tokens: string[]; n: number; rule: 'row' | 'review' | 'none'; expect: number[][]; signed?: boolean[] }[] = [
  { tokens: ['230', '000023'], n: 7, rule: 'row', expect: [[23, 0, 0, 0, 0, 0, 23]] },
  { tokens: ['7000007'], n: 7, rule: 'row', expect: [[7, 0, 0, 0, 0, 0, 7]] },
  { tokens: ['0', '0', '0', '0', '0', '00'], n: 7, rule: 'row', expect: [[0, 0, 0, 0, 0, 0, 0]] },
  { tokens: ['23', '0', '00', '0', '023'], n: 7, rule: 'row', expect: [[23, 0, 0, 0, 0, 0, 23]] },
  { tokens: ['10203120001200000'], n: 15, rule: 'review', expect: [[1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]] },
  { tokens: ['000'], n: 3, rule: 'none', expect: [[0, 0, 0]] },
  { tokens: ['35-15'], n: 2, rule: 'none', signed: [false, true], expect: [[35, -15], [3, 5]].slice(0, 1) },
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
  assert.deepEqual(splitCandidates(['1000001'], 7, (c) => rowTotal(c) && c[0] === 9), []);
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
