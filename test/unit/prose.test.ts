// Reading the prose (issue 10, item 7): each figure a sentence states is bound to its own cell —
// an outcome breakdown to its rows, never to （七）总计; 现行有效 in either word order; sections 五
// and 六 read too; an unknown cell or an ambiguous clause says nothing. The report is built here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { localize } from '../../server/src/core/i18n';
import { proseRanges, readProse } from '../../server/src/core/parse/prose';
import { APPLICATIONS_2021 } from '../../server/src/core/template';

/** Table 三's 总计 column (everything in 自然人 too); a row absent here is all zeros. */
const T3: Record<string, number | null> = {
  newReceived: 10,
  carriedOver: 2,
  granted: 4,
  partiallyGranted: 1,
  'denied.stateSecret': 1,
  'denied.thirdPartyRights': 1,
  'unable.notHeld': 2,
  'notProcessed.repeated': 1,
  'other.noCorrection': 1,
  totalProcessed: 11,
  carriedForward: 1,
};

function table3(over: Record<string, string> = {}): string {
  return APPLICATIONS_2021.map((d) => {
    if (d.values === 0) return `| ${d.label} | | | | | | | |`;
    const v = T3[d.key] ?? 0;
    return over[d.key] ?? `| ${d.label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v} |`;
  }).join('\n');
}

interface Parts {
  one?: string;
  five?: string;
  six?: string;
  t3?: Record<string, string>;
  review?: string;
}

function report(p: Parts = {}): string {
  return [
    '某县档案馆2024年政府信息公开工作年度报告',
    '一、总体情况',
    p.one ?? '本馆依法做好政府信息公开工作。',
    '二、主动公开政府信息情况',
    '| 第二十条第（一）项 | | | |',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 3 |',
    '| 行政规范性文件 | 2 | 1 | 9 |',
    '| 第二十条第（五）项 | | | |',
    '| 信息内容 | 本年处理决定数量 | | |',
    '| 行政许可 | 0 | | |',
    '| 第二十条第（六）项 | | | |',
    '| 信息内容 | 本年处理决定数量 | | |',
    '| 行政处罚 | 0 | | |',
    '| 行政强制 | 0 | | |',
    '| 第二十条第（八）项 | | | |',
    '| 信息内容 | 本年收费金额（单位：万元） | | |',
    '| 行政事业性收费 | 0 | | |',
    '三、收到和处理政府信息公开申请情况',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |',
    '| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
    table3(p.t3),
    '四、政府信息公开行政复议、行政诉讼情况',
    '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
    '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |' +
      ' 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
    p.review ?? '| 1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |',
    '五、存在的主要问题及改进情况',
    p.five ?? '队伍建设仍需加强。',
    '六、其他需要报告的事项',
    p.six ?? '本年度未收取信息处理费。',
    '',
  ].join('\n');
}

/** Every figure bound: topic (row for 现行有效), value, and the figure's own text at its range. */
function claims(text: string): string[] {
  const r = parse(text).reports[0]!;
  const at = analysisText(text).text;
  return readProse(at, proseRanges(r), r.year).map(
    (c) => `${c.topic.key}${c.row ? '/' + c.row : ''}=${c.value}@${text.slice(c.range.start, c.range.end)}`,
  );
}

/** The narrative findings: the figure's text and the message. */
function mismatches(text: string): string[] {
  const findings = checkDocument(analysisText(text).text, text, parse(text), {});
  return findings
    .filter((f) => f.code === 'narrative.mismatch')
    .map((f) => `${text.slice(f.range.start, f.range.end)}: ${localize(f.message)}`);
}

const BREAKDOWN =
  '本年度共收到政府信息公开申请10件，上年结转2件。同意公开答复4件，部分公开答复1件，不予公开答复2件，' +
  '无法提供答复2件，不予处理1件，其他处理1件，转下一年度办理答复的有1件。';

test('the report built here reads cleanly and its tables are what the prose is compared with', () => {
  const text = report();
  const r = parse(text).reports[0]!;
  assert.equal(r.format, '2021');
  assert.equal(r.year, 2024);
  assert.equal(r.tables.applications?.rows.find((x) => x.key === 'totalProcessed')?.cells[6]?.value, 11);
  assert.deepEqual(mismatches(text), []);
});

test('an outcome breakdown binds each figure to its own row, never to （七）总计', () => {
  const text = report({ one: BREAKDOWN });
  assert.deepEqual(claims(text), [
    'received=10@10',
    'carriedOver=2@2',
    'granted=4@4',
    'partiallyGranted=1@1',
    'denied=2@2',
    'unable=2@2',
    'notProcessed=1@1',
    'other=1@1',
    'carriedForward=1@1',
  ]);
  assert.deepEqual(mismatches(text), []);
  const wrong = report({ one: BREAKDOWN.replace('不予公开答复2件', '不予公开答复3件') });
  assert.deepEqual(mismatches(wrong), ['3: 正文写3件，表格中“（三）不予公开”为2']);
  const forward = report({ one: BREAKDOWN.replace('答复的有1件', '答复的有5件') });
  assert.deepEqual(mismatches(forward), ['5: 正文写5件，表格中“结转下年度继续办理”为1']);
});

test('现行有效 is read in either word order, with its subject carried within the sentence', () => {
  const text = report({
    one: '现行有效规范性文件9件。规范性文件现行有效8件。规章现行有效3件。本年制发规范性文件2件，废止1件，现行有效7件。',
  });
  assert.deepEqual(claims(text), [
    'activeDocuments/normativeDocuments=9@9',
    'activeDocuments/normativeDocuments=8@8',
    'activeDocuments/regulations=3@3',
    'activeDocuments/normativeDocuments=7@7',
  ]);
  assert.deepEqual(mismatches(text), [
    '8: 正文写8件，表格中“行政规范性文件·现行有效件数”为9',
    '7: 正文写7件，表格中“行政规范性文件·现行有效件数”为9',
  ]);
  // Two subjects, one figure: nothing.
  assert.deepEqual(claims(report({ one: '规章和规范性文件现行有效12件。' })), []);
});

test('sections 五 and 六 are read too', () => {
  const text = report({
    five: '本年度发生因政府信息公开申请行政复议2件，行政诉讼1件。',
    six: '本年度共收到政府信息公开申请11件。',
  });
  assert.deepEqual(claims(text), ['reconsideration=2@2', 'litigation=1@1', 'received=11@11']);
  assert.deepEqual(mismatches(text), ['2: 正文写2件，表格中“行政复议总计”为1', '11: 正文写11件，表格中“本年新收”为10']);
});

test('a figure whose cell is not known (blank, unknown) is not compared', () => {
  const blank = { partiallyGranted: '| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | |' };
  const one = '部分公开答复5件。';
  assert.deepEqual(claims(report({ one, t3: blank })), ['partiallyGranted=5@5']);
  assert.deepEqual(mismatches(report({ one, t3: blank })), []);
  assert.deepEqual(mismatches(report({ one })), ['5: 正文写5件，表格中“（二）部分公开”为1']);
  // An item of （三） left blank: the group's total is not known.
  const item = { 'denied.stateSecret': '| 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | |' };
  assert.deepEqual(mismatches(report({ one: '不予公开7件。', t3: item })), []);
  // A row the reader could not place with certainty (fewer or more cells than the table's columns).
  const short = { partiallyGranted: '| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 1 |' };
  assert.deepEqual(mismatches(report({ one, t3: short })), []);
  const long = { partiallyGranted: '| （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 9 |' };
  assert.deepEqual(mismatches(report({ one, t3: long })), []);
  // Table 四: a blank total whose results are blank too says nothing; with its results written, their sum.
  const five = '因政府信息公开申请行政复议3件。';
  const review = (block: string) => `| ${block} | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |`;
  assert.deepEqual(mismatches(report({ five, review: review(' |  |  |  | ') })), []);
  assert.deepEqual(mismatches(report({ five, review: review('1 | 1 | 0 | 0 | ') })), [
    '3: 正文写3件，表格中“行政复议总计”为2',
  ]);
});

test('an ambiguous clause says nothing', () => {
  const cases = [
    '共收到政府信息公开申请3至5件。', // a range
    '共收到政府信息公开申请数量同比增长3件。', // a change
    '2023年共收到政府信息公开申请7件。', // another year
    '去年共收到政府信息公开申请7件。', // last year
    '政府信息公开申请办结率100%，办结11件，共收到申请7件和依申请8件。', // a share, and two figures in one clause
    '予以公开及部分公开7件。', // one figure, two rows
    '共收到政府信息公开申请7件，另收到政府信息公开申请8件。', // one row, two figures
    '依据第3条共收到政府信息公开申请10件。', // an ordinal is not a figure: 10 alone is
  ];
  assert.deepEqual(
    cases.map((one) => claims(report({ one }))),
    [[], [], [], [], ['processed=11@11'], [], [], ['received=10@10']],
  );
  for (const one of cases) assert.deepEqual(mismatches(report({ one })), [], one);
});

test('figures about other matters (licences, working days, reconsideration of other cases) are not the tables', () => {
  const cases = [
    '全年受理行政许可申请1200件。',
    '自收到申请之日起15个工作日内予以答复。',
    '全年办理行政复议案件12件，行政诉讼案件3件。',
    '全年办结各类事项300件。',
    '收到的申请中有3件属于重复申请。',
  ];
  assert.deepEqual(
    cases.map((one) => claims(report({ one }))),
    cases.map(() => []),
  );
  for (const one of cases) assert.deepEqual(mismatches(report({ one })), [], one);
  // The same figures said of disclosure are read.
  assert.deepEqual(claims(report({ one: '全年办理政府信息公开行政复议案件12件。' })), ['reconsideration=12@12']);
});

test('a long sentence of figures is read within a generous bound (no hang)', () => {
  const one = Array.from(
    { length: 4000 },
    (_, i) => `规范性文件现行有效${i}件,收到政府信息公开申请${i}件,不予公开${i}件,`,
  ).join('');
  const start = Date.now();
  const found = claims(report({ one }));
  assert.ok(Date.now() - start < 5000, `${Date.now() - start} ms`);
  // One topic, different figures in one sentence: it says nothing.
  assert.equal(found.length, 0);
});
