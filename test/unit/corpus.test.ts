// Properties of the parse on the real corpus that the fixtures alone do not show.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { lineIndex, normalizeReport, type NormalizedReport } from '../../server/src/core/export';
import { byPrefix, corpusFiles, readCorpus } from './helpers';

const norm = (prefix: string): NormalizedReport[] => {
  const text = readCorpus(byPrefix(prefix));
  const li = lineIndex(text);
  return parse(text).reports.map((r) => normalizeReport(r, li));
};

/** Every non-null value of `a` equals the value at the same place in `b`. */
function knownValuesAgree(a: unknown, b: unknown, path = ''): string[] {
  if (a === null) return [];
  if (Array.isArray(a))
    return a.flatMap((x, i) => knownValuesAgree(x, (b as unknown[] | undefined)?.[i], `${path}[${i}]`));
  if (typeof a === 'object')
    return Object.entries(a as object).flatMap(([k, v]) =>
      knownValuesAgree(v, (b as Record<string, unknown> | undefined)?.[k], `${path}.${k}`),
    );
  return a === b ? [] : [`${path}: ${String(a)} ≠ ${String(b)}`];
}

test('every corpus file parses without throwing, and every cell range holds its digits', () => {
  for (const name of corpusFiles()) {
    const text = readCorpus(name);
    const model = parse(text);
    assert.equal((model as { error?: string }).error, undefined, name);
    for (const r of model.reports)
      for (const t of Object.values(r.tables))
        for (const row of t?.rows ?? [])
          for (const c of row.cells) {
            assert.ok(
              c.range.start >= 0 && c.range.end <= text.length && c.range.start <= c.range.end,
              `${name}: range`,
            );
            if (c.kind === 'number' && !model.html)
              assert.equal(
                text.slice(c.range.start, c.range.end).replace(/[,，元万]/g, ''),
                c.raw,
                `${name}: ${row.key}`,
              );
          }
  }
});

test('the same report in two layouts agrees wherever both are known (PDF layout vs one cell per line, HTML vs tab rows)', () => {
  for (const [a, b] of [
    ['real-009', 'real-008'],
    ['real-012', 'real-011'],
    ['real-029', 'real-015'],
    ['real-014', 'real-011'],
  ] as const) {
    const ra = norm(a)[0]!;
    const rb = norm(b)[0]!;
    assert.deepEqual(knownValuesAgree(ra.applications, rb.applications), [], `${a} vs ${b}`);
    assert.deepEqual(knownValuesAgree(ra.active, rb.active), [], `${a} vs ${b}`);
    assert.deepEqual(knownValuesAgree(ra.review, rb.review), [], `${a} vs ${b}`);
  }
  // The scrambled one-cell-per-line copy of 011 is recovered completely for table 三.
  assert.deepEqual(norm('real-012')[0]!.applications, norm('real-011')[0]!.applications);
});

test('run-together digits: the unique split is used and said so; ambiguous ones stay unknown with candidates', () => {
  const text = readCorpus(byPrefix('real-003'));
  const r = parse(text).reports[0]!;
  const newReceived = r.tables.applications!.rows.find((x) => x.key === 'newReceived')!;
  assert.equal(newReceived.split?.how, 'unique');
  assert.deepEqual(
    newReceived.cells.map((c) => c.value),
    [64, 0, 0, 2, 0, 4, 70],
  );
  assert.deepEqual(
    r.tables.review!.rows[0]!.cells.map((c) => c.value),
    [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
  );
  const docs = r.tables.active!.rows.find((x) => x.key === 'normativeDocuments')!;
  assert.equal(docs.split?.how, 'ambiguous');
  assert.ok(docs.split!.candidates.some((c) => c.join() === '69,36,65'));
  assert.ok(docs.cells.every((c) => c.kind === 'unknown' && c.value === null));
});

test('2019 signed change is split with the minus sign on 本年增/减 only', () => {
  const r = norm('real-002')[0]!;
  assert.deepEqual(r.active!.fees, [35, -15]);
});

test('the real defects of the corpus survive parsing (they are for the checks to find)', () => {
  // real/002: outcome rows sum to 27 but （七）总计 is 21.
  const a = norm('real-002')[0]!.applications as Record<string, any>;
  const outcome = [
    a.granted,
    a.partiallyGranted,
    ...Object.values(a.denied),
    ...Object.values(a.unable),
    ...Object.values(a.notProcessed),
    a.other,
  ];
  assert.equal(
    outcome.reduce((s: number, r: number[]) => s + r[6]!, 0),
    27,
  );
  assert.equal(a.totalProcessed[6], 21);
  // real/008: table 四 totals left at 0.
  assert.deepEqual(norm('real-008')[0]!.review!.reconsideration, [10, 1, 0, 0, 0]);
});

test('formats: 2019 reports read as 2019, 2021 reports using a 2019 label stay 2021', () => {
  for (const p of ['real-001', 'real-002', 'real-015', 'real-016', 'real-029'])
    assert.equal(norm(p)[0]!.format, '2019', p);
  for (const p of ['000', 'real-003', 'real-008', 'real-020']) assert.equal(norm(p)[0]!.format, '2021', p);
  const text = readCorpus(byPrefix('real-020'));
  const row = parse(text).reports[0]!.tables.active!.rows.find((r) => r.key === 'normativeDocuments')!;
  assert.equal(row.match, 'variant');
});

test('excerpts yield the rows visible in them', () => {
  assert.deepEqual(norm('real-017')[0]!.applications!.newReceived, [58, 7, 0, 0, 1, 0, 66]);
  assert.deepEqual((norm('real-017')[0]!.applications!.denied as any).enforcementFiles, [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(norm('real-018')[0]!.applications!.newReceived, [3, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(norm('real-019')[0]!.applications!.newReceived, [null, null, null, null, null, null, 0]);
  assert.deepEqual(norm('real-019')[0]!.active!.regulations, [null, null, null]);
  assert.deepEqual(norm('real-016')[0]!.active!.normativeDocuments, [2, 2, 2]);
  assert.deepEqual(norm('real-020')[0]!.active!.normativeDocuments, [0, 0, 0]);
  assert.deepEqual(norm('real-021')[0]!.review!.litigationDirect, [0, 0, 0, 0, 0]);
  assert.deepEqual(norm('real-022')[0]!.review!.reconsideration, [0, 0, 0, 0, 0]);
  assert.deepEqual(norm('real-028')[0]!.review!.litigationAfterReconsideration, [21, 1, 7, 9, 38]);
  assert.deepEqual(norm('real-028')[0]!.active!.normativeDocuments, [61, 59, 422]);
  assert.deepEqual(norm('real-028')[0]!.applications!.newReceived, [3746, 63, 0, 0, 19, 2, 3830]);
  assert.deepEqual(
    norm('real-025')[0]!.sections.map((s) => s.number),
    [1, 2],
  );
  assert.deepEqual(
    norm('real-022')[0]!.sections.map((s) => s.number),
    [4, 5],
  );
  // Not a current-format report (2009, 一、概述): no report is invented.
  assert.equal(norm('real-024').length, 0);
});

test('section headers: lost numerals, typos and variants are read; a sub-heading is not a section', () => {
  const s001 = parse(readCorpus(byPrefix('001'))).reports[0]!;
  const two = s001.sections.find((s) => s.number === 2)!;
  assert.equal(two.numeral, '二');
  const text = readCorpus(byPrefix('001'));
  assert.ok(text.slice(two.headerRange.start, two.headerRange.end).startsWith('二、'));
  const r004 = parse(readCorpus(byPrefix('real-004'))).reports[0]!;
  assert.equal(r004.sections.find((s) => s.number === 4)!.titleMatch, 'variant');
  const r025 = parse(readCorpus(byPrefix('real-025'))).reports[0]!;
  assert.equal(r025.sections.find((s) => s.number === 2)!.numeral, '');
});

test('Traditional script with pinyin annotations reads like Simplified, at the original offsets', () => {
  const text = readCorpus(byPrefix('003'));
  const m = parse(text);
  assert.equal(m.traditional, true);
  assert.ok(m.pinyin.length > 50);
  const r = m.reports[0]!;
  assert.equal(r.organ, '双鸭山市');
  const row = r.tables.applications!.rows.find((x) => x.key === 'totalProcessed')!;
  assert.ok(text.slice(row.labelRange.start, row.labelRange.end).startsWith('(七)總計'));
});
