// Issue 10 item 5: a report whose sections have no 一、…六、 headings (tables right after the
// preamble) is still a report. Its tables are found by table 二's caption (or its title on a line of
// its own), table 三's corner note and table 四's header; every missing heading is one
// section.missing, and a table that was found is no table.missing. Prose that only mentions those
// words makes no table, and a report that has its headings reads as before (the corpus goldens).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { lineIndex, normalizeReport } from '../../server/src/core/export';
import { renderActive, renderApplications, renderReview, type TextLayout } from '../../server/src/core/features/render';
import { DocumentAnalysis } from '../../server/src/core/document/analysis';
import { openDocument } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/features/format';
import { localize } from '../../server/src/core/i18n';

const Z = [0, 0, 0, 0, 0, 0, 0];
/** Table 二 of our own (2021 format). */
const ACTIVE: Record<string, number[]> = {
  regulations: [0, 0, 2],
  normativeDocuments: [3, 1, 12],
  licensing: [15],
  punishment: [27],
  coercion: [4],
  fees: [1.5],
};
/** Table 三: each row's 总计 is its sum, （七） the outcomes' sum, 一 + 二 = （七） + 四. */
const APPS: Record<string, number[]> = {
  newReceived: [5, 1, 0, 0, 0, 1, 7],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [3, 1, 0, 0, 0, 0, 4],
  partiallyGranted: [1, 0, 0, 0, 0, 0, 1],
  'denied.thirdPartyRights': [1, 0, 0, 0, 0, 0, 1],
  'unable.notHeld': [0, 0, 0, 0, 0, 1, 1],
  totalProcessed: [5, 1, 0, 0, 0, 1, 7],
  carriedForward: [1, 0, 0, 0, 0, 0, 1],
};
const REVIEW = [1, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0];

const TITLE = '青石县林业局2023年政府信息公开工作年度报告';
const PREAMBLE =
  '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n' +
  '2023年，我局认真落实政务公开各项要求，全年主动公开信息86条。\n';

const str = (v: Record<string, number[]>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x.map(String)]));
const tables = (layout: TextLayout) =>
  [
    renderActive('2021', str(ACTIVE), layout),
    renderApplications('2021', str(APPS), layout),
    renderReview(REVIEW.map(String), layout),
  ].join('\n');

/** Our tables in a layout of the renderer, or `space`: a PDF copy's cells apart by spaces. */
function headingless(layout: TextLayout | 'space'): string {
  const t = layout === 'space' ? tables('tab').replace(/\t/g, '  ') : tables(layout);
  return `${TITLE}\n\n${PREAMBLE}${t}\n下一步，我局将进一步提高信息发布质量。\n`;
}

/** Every finding: code, the text of its range, its message (zh-CN). */
function findings(text: string): [string, string, string][] {
  return checkDocument(analysisText(text).text, text, parse(text)).map((f) => [
    f.code,
    text.slice(f.range.start, f.range.end),
    localize(f.message),
  ]);
}

/** The tables the reader found, as the normalized JSON has them (template order, every row). */
function expectedTables() {
  const apps: Record<string, unknown> = {};
  for (const k of [
    'newReceived',
    'carriedOver',
    'granted',
    'partiallyGranted',
    'denied.stateSecret',
    'denied.prohibitedByLaw',
    'denied.threeSecurities',
    'denied.thirdPartyRights',
    'denied.internalAffairs',
    'denied.processInformation',
    'denied.enforcementFiles',
    'denied.inquiryMatters',
    'unable.notHeld',
    'unable.needsCreation',
    'unable.stillUnclear',
    'notProcessed.petition',
    'notProcessed.repeated',
    'notProcessed.publications',
    'notProcessed.excessive',
    'notProcessed.confirmation',
    'other.noCorrection',
    'other.unpaidFee',
    'other.other',
    'totalProcessed',
    'carriedForward',
  ]) {
    const [a, b] = k.split('.');
    const v = APPS[k] ?? Z;
    if (b) ((apps[a!] ??= {}) as Record<string, number[]>)[b] = v;
    else apps[a!] = v;
  }
  return {
    active: ACTIVE,
    applications: apps,
    review: {
      reconsideration: REVIEW.slice(0, 5),
      litigationDirect: REVIEW.slice(5, 10),
      litigationAfterReconsideration: REVIEW.slice(10, 15),
    },
  };
}

function readTables(text: string) {
  const reports = parse(text).reports;
  assert.equal(reports.length, 1);
  const n = normalizeReport(reports[0]!, lineIndex(text));
  return { n, report: reports[0]! };
}

const CAPTION_ONE = '第二十条第（一）项';
const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const missing = (section: string, at: string): [string, string, string] => [
  'section.missing',
  at,
  `缺少“${section}”部分`,
];

for (const layout of ['pipe', 'tab', 'markdown', 'cell-per-line', 'space'] as const) {
  test(`no headings at all (${layout}): the three tables, every value, six section.missing`, () => {
    const text = headingless(layout);
    const { n, report } = readTables(text);
    assert.equal(n.title, TITLE);
    assert.equal(n.year, 2023);
    assert.equal(n.format, '2021');
    assert.deepEqual(n.sections, []);
    const e = expectedTables();
    assert.deepEqual(n.active, e.active);
    assert.deepEqual(n.applications, e.applications);
    assert.deepEqual(n.review, e.review);
    // Each table is read from its own lines: from its first line to the next table's.
    const t = report.tables;
    assert.equal(text.slice(t.active!.range.start).split('\n')[0]!.includes('第二十条'), true);
    assert.ok(t.active!.range.end <= t.applications!.range.start);
    assert.ok(t.applications!.range.end <= t.review!.range.start);
    const first = (s: number) => text.slice(s).split('\n')[0]!.trim();
    const a = first(t.active!.range.start);
    const b = first(t.applications!.range.start);
    const c = first(t.review!.range.start);
    assert.deepEqual(findings(text), [
      missing('一、总体情况', a),
      missing('二、主动公开政府信息情况', a),
      missing('三、收到和处理政府信息公开申请情况', b),
      missing('四、政府信息公开行政复议、行政诉讼情况', c),
      missing('五、存在的主要问题及改进情况', c),
      missing('六、其他需要报告的事项', c),
    ]);
  });
}

test('二 has its heading, 三 and 四 none: 二 ends where 三 begins, every value, two section.missing', () => {
  const text =
    `${TITLE}\n${PREAMBLE}一、总体情况\n全年主动公开信息86条。\n二、主动公开政府信息情况\n${tables('tab')}\n` +
    '五、存在的主要问题及改进情况\n信息发布不够及时。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
  const { n, report } = readTables(text);
  const e = expectedTables();
  assert.deepEqual(n.active, e.active);
  assert.deepEqual(n.applications, e.applications);
  assert.deepEqual(n.review, e.review);
  assert.equal(report.tables.active!.range.end, report.tables.applications!.range.start);
  const first = (s: number) => text.slice(s).split('\n')[0]!.trim();
  const f = findings(text).filter((x) => x[0] === 'section.missing' || x[0] === 'table.missing');
  assert.deepEqual(f, [
    missing('三、收到和处理政府信息公开申请情况', first(report.tables.applications!.range.start)),
    missing('四、政府信息公开行政复议、行政诉讼情况', first(report.tables.review!.range.start)),
  ]);
});

test('tables after 一 with no headings of their own, 五 and 六 present: three section.missing', () => {
  const text =
    `${TITLE}\n${PREAMBLE}一、总体情况\n（一）主动公开\n全年主动公开信息86条。\n${tables('pipe')}\n` +
    '五、存在的主要问题及改进情况\n信息发布不够及时。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
  const { n, report } = readTables(text);
  const e = expectedTables();
  assert.deepEqual(n.active, e.active);
  assert.deepEqual(n.applications, e.applications);
  assert.deepEqual(n.review, e.review);
  assert.deepEqual(
    n.sections.map((s) => s.number),
    [1, 5, 6],
  );
  const first = (s: number) => text.slice(s).split('\n')[0]!.trim();
  const f = findings(text).filter((x) => x[0] !== 'overview.topic-missing');
  assert.deepEqual(f, [
    missing('二、主动公开政府信息情况', first(report.tables.active!.range.start)),
    missing('三、收到和处理政府信息公开申请情况', first(report.tables.applications!.range.start)),
    missing('四、政府信息公开行政复议、行政诉讼情况', first(report.tables.review!.range.start)),
  ]);
  // The fix inserts the heading alone before the table it found (never a second table).
  const doc = openDocument(text);
  const target = doc.findings(0).find((x) => x.code === 'section.missing' && localize(x.message).includes('二、'))!;
  const fixes = doc.quickFixes(0, target);
  assert.equal(fixes.length, 1);
  const fixed = applyEdits(text, fixes[0]!.edits);
  assert.ok(fixed.includes(`二、主动公开政府信息情况\n${CAPTION_ONE}`));
  assert.equal(fixed.length, text.length + '二、主动公开政府信息情况\n'.length);
});

test('a caption line that is table 二’s title, a corner note alone, a one-line header of table 四', () => {
  const t2 = renderActive('2021', str(ACTIVE), 'pipe').replace(`${CAPTION_ONE}\n`, '主动公开政府信息情况\n');
  const t3 = renderApplications('2021', str(APPS), 'pipe').replace(`${CORNER} | 申请人情况 |`, CORNER);
  const t4 = renderReview(REVIEW.map(String), 'pipe').replace('行政复议 | 行政诉讼 |\n', '');
  const text = `${TITLE}\n${PREAMBLE}${t2}\n${t3}\n${t4}\n`;
  const { n } = readTables(text);
  const e = expectedTables();
  assert.deepEqual(n.active, e.active);
  assert.deepEqual(n.applications, e.applications);
  assert.deepEqual(n.review, e.review);
  assert.equal(findings(text).filter((f) => f[0] === 'table.missing').length, 0);
});

test('prose that mentions captions, the corner note and table 四’s words makes no table', () => {
  const prose =
    `${TITLE}\n` +
    '根据第二十条第（一）项的规定，本年制发规章0件，规范性文件3件。\n' +
    '第二十条第（一）项规定的信息已全部公开，共12件。\n' +
    '申请人情况：自然人申请5件，法人或其他组织申请2件，总计7件。\n' +
    '本列数据的勾稽关系为第一项加第二项之和，等于第三项加第四项之和，经核对无误。\n' +
    '行政复议、行政诉讼情况：本年度行政复议1件，行政诉讼2件。\n';
  assert.deepEqual(parse(prose).reports, []);
  // The same prose in front of headingless tables changes none of their values.
  const text = prose + tables('tab');
  const { n } = readTables(text);
  const e = expectedTables();
  assert.deepEqual(n.active, e.active);
  assert.deepEqual(n.applications, e.applications);
  assert.deepEqual(n.review, e.review);
});

test('a lone table without a title is no report (a fragment, not a report without headings)', () => {
  assert.deepEqual(parse(renderApplications('2021', str(APPS), 'pipe')).reports, []);
});

test('editing a cell of a table that has no heading gives what a fresh read gives', () => {
  const text = `${TITLE}\n${PREAMBLE}一、总体情况\n全年主动公开信息86条。\n${tables('pipe')}\n五、存在的主要问题及改进情况\n无。\n`;
  const a = new DocumentAnalysis(text);
  a.allFindings();
  const at = text.indexOf('行政许可 | 15') + '行政许可 | '.length;
  a.edit(at, at + 2, '16');
  const fresh = parse(a.text);
  assert.deepEqual(JSON.parse(JSON.stringify(a.model().reports)), JSON.parse(JSON.stringify(fresh.reports)));
  assert.equal(normalizeReport(fresh.reports[0]!, lineIndex(a.text)).active!.licensing![0], 16);
  // A caption typed into 一's prose line makes a table only where a whole read does.
  const p = a.text.indexOf('全年主动公开');
  a.edit(p, p, '第二十条第（一）项\n');
  const again = parse(a.text);
  assert.deepEqual(JSON.parse(JSON.stringify(a.model().reports)), JSON.parse(JSON.stringify(again.reports)));
});

test('the editor takes a report without headings for a report (auto detection), prose not', () => {
  assert.equal(openDocument(headingless('tab')).looksLikeReport(), true);
  assert.equal(openDocument(`${TITLE}\n${PREAMBLE}申请人情况：自然人申请5件。\n`).looksLikeReport(), false);
});

test('a table 四 whose values the reader cannot place is found as under its heading (cells unknown)', () => {
  // Values among the header words (a scrambled PDF copy) whose block totals do not add up.
  const words = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const scrambled = words.map((w, i) => `${w}\n${i + 1}`).join('\n') + '\n' + [9, 9, 9, 9, 9, 9, 9, 9].join('\n');
  const t2 = renderActive('2021', str(ACTIVE), 'cell-per-line');
  const t3 = renderApplications('2021', str(APPS), 'cell-per-line');
  const cells = (text: string) => readTables(text).report.tables.review?.rows[0]!.cells.map((c) => c.kind) ?? null;
  const headed = cells(
    `${TITLE}\n${PREAMBLE}一、总体情况\n全年主动公开信息86条。\n二、主动公开政府信息情况\n${t2}\n` +
      `三、收到和处理政府信息公开申请情况\n${t3}\n四、政府信息公开行政复议、行政诉讼情况\n${scrambled}\n`,
  );
  assert.deepEqual(headed, Array(15).fill('unknown'));
  assert.deepEqual(cells(`${TITLE}\n${PREAMBLE}${t2}\n${t3}\n${scrambled}\n`), headed);
});

test('many lines that look like a table’s first line but begin none: read within a bound', () => {
  const text = `${TITLE}\n` + '申请人情况\n\n第二十条第（一）项\n行政复议 行政诉讼\n'.repeat(30000);
  const t0 = performance.now();
  assert.deepEqual(parse(text).reports, []);
  assert.ok(performance.now() - t0 < 6000, `${Math.round(performance.now() - t0)} ms`);
});

test('prose broken over lines after the last table (no sentence end on its first line) is not read into it', () => {
  const tail = '2024 年，我局政府信息公开工作取得一定成绩，但对照上\n级要求，仍存在一些不足。\n';
  const text = `${TITLE}\n${PREAMBLE}${tables('tab').replace(/\t/g, '  ')}\n${tail}`;
  const { n, report } = readTables(text);
  assert.deepEqual(n.review, expectedTables().review);
  assert.deepEqual(report.notes, []);
  const f = findings(text);
  assert.deepEqual(
    f.map((x) => x[0]),
    Array(6).fill('section.missing'),
  );
});
