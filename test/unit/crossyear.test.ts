// Cross-year checks by organ identity (issue 14, item 3): one organ written with or without its city,
// 人民政府 or 政府, 区 or 县 is one organ; crossyear.carry-over, crossyear.current-documents and
// crossyear.copied-text on pairs of reports built here; the corpus's 洪泽 2023 and 2024 pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument, reportsOf } from '../../server/src/core/rules/check';
import { renderSkeleton } from '../../server/src/core/features/render';
import { localize } from '../../server/src/core/i18n';
import { organIdentity, sameOrgan } from '../../server/src/core/crossyear/identity';
import { jaccard, proseSketches, sketch } from '../../server/src/core/crossyear/shingles';
import type { ReportRef } from '../../server/src/core/rules/rule';
import { byPrefix, readCorpus } from './helpers';

test('one organ however written; two organs never one', () => {
  const same = [
    ['淮安市洪泽区人民政府', '洪泽区人民政府'],
    ['洪泽区人民政府', '洪泽区政府'],
    ['洪泽县人民政府', '淮安市洪泽区人民政府'],
    ['江苏省淮安市洪泽区人民政府', '淮安市洪泽区政府'],
    ['重庆市长寿区万顺镇人民政府', '万顺镇人民政府'],
    ['宿迁市', '宿迁市人民政府'],
    ['铜川市耀州区审计局', '耀州区审计局'],
  ];
  for (const [a, b] of same) assert.ok(sameOrgan(a!, b!) && sameOrgan(b!, a!), `${a} ≡ ${b}`);
  const other = [
    ['淮安市人民政府', '淮安市洪泽区人民政府'],
    ['淮安市人民政府', '淮安市淮安区人民政府'],
    ['南京市鼓楼区人民政府', '福州市鼓楼区人民政府'],
    ['洪泽区人民政府', '洪泽区审计局'],
    ['洪泽区人民政府', '洪泽区人民政府办公室'],
    ['淮安市市场监督管理局', '市场监督管理局'],
  ];
  for (const [a, b] of other) assert.ok(!sameOrgan(a!, b!) && !sameOrgan(b!, a!), `${a} ≢ ${b}`);
  assert.equal(organIdentity('淮安市洪泽区人民政府').key, organIdentity('洪泽县政府').key);
});

const refsOf = (text: string, source: string): ReportRef[] =>
  parse(text).reports.map((report) => ({
    source,
    organ: report.organ,
    year: report.year,
    report,
    prose: proseSketches(analysisText(text).text, report),
  }));

const findings = (text: string, others: ReportRef[], code: string) =>
  checkDocument(analysisText(text).text, text, parse(text), { others })
    .filter((f) => f.code === code)
    .map((f) => [text.slice(f.range.start, f.range.end), localize(f.message)]);

test('the corpus’s 洪泽 2023 (洪泽区人民政府) and 2024 (淮安市洪泽区人民政府) are paired', () => {
  const y2023 = refsOf(readCorpus(byPrefix('real-008')), 'real-008.txt');
  const y2024 = parse(readCorpus(byPrefix('real-010'))).reports[0]!;
  assert.equal(y2024.organ, '淮安市洪泽区人民政府');
  const found = reportsOf(y2023, y2024.organ!, 2023);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.organ, '洪泽区人民政府');
  // 淮安市's own report is another organ.
  const city = refsOf(readCorpus(byPrefix('real-011')), 'real-011.txt');
  assert.equal(reportsOf(city, y2024.organ!, 2024).length, 0);
});

const CARRIED_OVER = '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
const FORWARD = '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';

test('crossyear.carry-over pairs 洪泽区人民政府 2023 with 淮安市洪泽区人民政府 2024', () => {
  const prev = renderSkeleton('2021', 'pipe', '洪泽区人民政府', 2023).replace(
    FORWARD,
    '四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
  );
  assert.ok(prev.includes('| 3 |'));
  const cur = renderSkeleton('2021', 'pipe', '淮安市洪泽区人民政府', 2024);
  assert.ok(cur.includes(CARRIED_OVER));
  const fired = findings(cur, refsOf(prev, 'prev.txt'), 'crossyear.carry-over');
  assert.equal(fired.length, 2);
  assert.match(fired[0]![1]!, /上年结转0与2023年报告的“结转下年度继续办理”3不一致（自然人列，prev.txt）/);
  // Another district of the same name elsewhere is another organ.
  const elsewhere = cur.replace('淮安市洪泽区', '南京市洪泽区');
  const other = refsOf(prev.replace('洪泽区人民政府2023', '福州市洪泽区人民政府2023'), 'prev.txt');
  assert.deepEqual(findings(elsewhere, other, 'crossyear.carry-over'), []);
});

const DOCS = '行政规范性文件 | 0 | 0 | 0 |';

test('crossyear.current-documents: 现行有效 = last year’s + 本年制发 − 本年废止', () => {
  const prev = renderSkeleton('2021', 'pipe', '青石镇人民政府', 2023).replace(DOCS, '行政规范性文件 | 4 | 1 | 12 |');
  const make = (row: string) =>
    renderSkeleton('2021', 'pipe', '青石镇政府', 2024).replace(DOCS, `行政规范性文件 | ${row} |`);
  const refs = refsOf(prev, 'a/2023.txt');
  const wrong = make('5 | 2 | 14');
  const fired = findings(wrong, refs, 'crossyear.current-documents');
  assert.deepEqual(fired, [
    ['14', '行政规范性文件现行有效件数14与2023年报告的现行有效件数12＋本年制发5－本年废止2＝15不一致（a/2023.txt）'],
  ]);
  assert.deepEqual(findings(make('5 | 2 | 15'), refs, 'crossyear.current-documents'), []);
  // Two years apart, or a 2019-format report last year: nothing.
  assert.deepEqual(findings(wrong.replace('2024年', '2025年'), refs, 'crossyear.current-documents'), []);
  const old = renderSkeleton('2019', 'pipe', '青石镇人民政府', 2023);
  assert.deepEqual(findings(wrong, refsOf(old, 'old.txt'), 'crossyear.current-documents'), []);
});

const S5 = '五、存在的主要问题及改进情况';
const PROSE = [
  '一是政策解读形式较为单一，图解、视频等解读方式运用不多；二是依申请公开答复的规范性有待加强，',
  '个别答复文书表述不够准确。下一步，我镇将进一步丰富政策解读形式，加强答复文书审核，',
  '组织工作人员参加业务培训，切实提升政府信息公开工作质量和水平。',
].join('');
const NEW_PROSE = [
  '今年主要问题在于网站栏目更新偶有滞后，部分基层公开事项目录尚未细化到村居层面。',
  '明年计划建立栏目更新提醒制度，每月通报各站所信息发布数量，并编制村居公开事项标准目录，',
  '同时邀请群众代表参与评议，把意见落实情况纳入年度考核。',
].join('');
const withFive = (organ: string, year: number, five: string) =>
  renderSkeleton('2021', 'pipe', organ, year).replace(`${S5}\n`, `${S5}\n${five}\n`);

test('crossyear.copied-text names the share of a section repeated from last year', () => {
  const refs = refsOf(withFive('青石镇人民政府', 2023, PROSE), '2023.txt');
  // The same text, the year changed: a copy.
  const copy = withFive('青石镇人民政府', 2024, PROSE.replace('今年', '本年'));
  const fired = findings(copy, refs, 'crossyear.copied-text');
  assert.equal(fired.length, 1);
  assert.equal(fired[0]![0], S5);
  assert.match(fired[0]![1]!, /^本部分文字与2023年报告的同一部分约100%相同/);
  // A few words changed: still most of it (one phrase of 118 characters: 87%).
  const edited = withFive('青石镇政府', 2024, PROSE.replace('图解、视频等', '图表等'));
  const share = Number(/约(\d+)%/.exec(findings(edited, refs, 'crossyear.copied-text')[0]![1]!)![1]);
  assert.ok(share >= 80 && share < 100, String(share));
  // New text, another organ, or a short fixed line: nothing.
  assert.deepEqual(findings(withFive('青石镇人民政府', 2024, NEW_PROSE), refs, 'crossyear.copied-text'), []);
  assert.deepEqual(findings(withFive('白石镇人民政府', 2024, PROSE), refs, 'crossyear.copied-text'), []);
  const short = refsOf(withFive('青石镇人民政府', 2023, '无。'), '2023.txt');
  assert.deepEqual(findings(withFive('青石镇人民政府', 2024, '无。'), short, 'crossyear.copied-text'), []);
});

test('sketches of long texts estimate the share; the work is linear', () => {
  let a = '';
  for (let i = 0; i < 4000; i++) a += String.fromCharCode(0x4e00 + ((i * 7919) % 5000));
  const b = a.slice(0, 3000) + a.slice(3000).split('').reverse().join('');
  const x = { section: 5, ...sketch(a) };
  const y = { section: 5, ...sketch(b) };
  assert.equal(jaccard(x, x), 1);
  const j = jaccard(x, y);
  assert.ok(j > 0.45 && j < 0.8, String(j));
  const big = a.repeat(250); // a million characters
  const t = Date.now();
  sketch(big);
  assert.ok(Date.now() - t < 5000);
});

test('a sketch is the K smallest distinct shingle hashes and their count (against a plain Set)', async () => {
  const { K, SHINGLE } = await import('../../server/src/core/crossyear/shingles');
  const reference = (key: string) => {
    const seen = new Set<number>();
    for (let i = 0; i + SHINGLE <= key.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + SHINGLE; j++) {
        const c = key.charCodeAt(j);
        h = Math.imul(h ^ (c >= 48 && c <= 57 ? 48 : c), 0x01000193) >>> 0;
      }
      seen.add(h);
    }
    const all = [...seen].sort((a, b) => a - b);
    return { size: all.length, hashes: all.slice(0, K) };
  };
  let seed = 3;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  for (const len of [0, 5, 6, 7, 40, 300, 2000]) {
    // few distinct characters: many repeated shingles
    const key = Array.from({ length: len }, () => '政府信息公开12'[rand(rand(2) ? 3 : 8)]).join('');
    const s = sketch(key);
    const r = reference(key);
    assert.equal(s.size, r.size, `size at ${len}`);
    assert.deepEqual([...s.hashes], r.hashes, `hashes at ${len}`);
  }
});
