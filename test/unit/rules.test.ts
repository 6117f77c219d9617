// Every rule, firing and silent: small edits of real reports (data), and the expected count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { CODES, type Code, type Finding } from '../../server/src/core/rules/findings';
import type { Range } from '../../server/src/core/model';
import { localize, MESSAGE_IDS } from '../../server/src/core/i18n';
import type { ReportRef } from '../../server/src/core/rules/rule';
import { byPrefix, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const S002 = readCorpus(byPrefix('002'));

function findings(text: string, others: ReportRef[] = []): Finding[] {
  const m = parse(text);
  return checkDocument(analysisText(text).text, text, m, { others });
}

function edit(text: string, pairs: [string, string][]): string {
  let t = text;
  for (const [a, b] of pairs) {
    assert.ok(t.includes(a), `fixture lacks ${JSON.stringify(a)}`);
    t = t.replace(a, b);
  }
  return t;
}

interface Case {
  code: Code;
  name: string;
  base: string;
  /** Edits of the base; ⟦ ⟧ in the new text mark the range of each finding of `code` expected
   *  (the marks are removed before the text is read; no marks: no finding of `code`). */
  edits: [string, string][];
}

/** `marked` without its ⟦ ⟧ marks, and the ranges they enclosed (offsets in the text without them). */
function unmark(marked: string): { text: string; ranges: Range[] } {
  const parts: string[] = [];
  const ranges: Range[] = [];
  let at = 0;
  let length = 0;
  for (let open = marked.indexOf('⟦'); open >= 0; open = marked.indexOf('⟦', at)) {
    const close = marked.indexOf('⟧', open);
    assert.ok(close > open, `unclosed ⟦ at ${open}`);
    parts.push(marked.slice(at, open), marked.slice(open + 1, close));
    const start = length + open - at;
    ranges.push({ start, end: start + close - open - 1 });
    length = start + close - open - 1;
    at = close + 1;
  }
  parts.push(marked.slice(at));
  const text = parts.join('');
  assert.ok(!text.includes('⟧'), 'a ⟧ without its ⟦');
  return { text, ranges };
}

const byStart = (a: Range, b: Range) => a.start - b.start || a.end - b.end;
const rangesOf = (fs: Finding[]) => fs.map((f) => ({ start: f.range.start, end: f.range.end })).sort(byStart);

const REVIEW_ROW = '\n0 | 0 | 0 | 0 | 0 | 0 |';
const TOTAL_ROW = '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
const TOTAL_MARKED = '(七)总计 | ⟦1⟧ | 0 | 0 | 0 | 0 | 0 | ⟦1⟧ |';
const S6 = '六、其他需要报告的事项';
const S5 = '五、存在的主要问题及改进情况';

const CASES: Case[] = [
  {
    code: 'section.missing',
    name: 'section 五 removed',
    base: S000,
    edits: [
      [`${S5}\n`, ''],
      [S6, `⟦${S6}⟧`],
    ],
  },
  {
    code: 'section.order',
    name: '五 and 六 swapped',
    base: S000,
    edits: [
      [S5, '@@'],
      [S6, `⟦${S5}⟧`],
      ['@@', S6],
    ],
  },
  { code: 'section.duplicate', name: '五 twice', base: S000, edits: [[S6, `⟦${S5}⟧`]] },
  {
    code: 'section.numbering',
    name: '二. for 二、',
    base: S000,
    edits: [['二、主动公开政府信息情况', '⟦二.⟧主动公开政府信息情况']],
  },
  {
    code: 'section.numbering',
    name: '三、 numbering 二',
    base: S000,
    edits: [['二、主动公开政府信息情况', '⟦三、⟧主动公开政府信息情况']],
  },
  { code: 'section.title', name: 'known variant of 五', base: S000, edits: [[S5, '⟦五、存在问题及改进情况⟧']] },
  {
    code: 'overview.topic-missing',
    name: 'no word of 平台',
    base: S000.replace(/平台/g, '渠道'),
    edits: [['一、总体情况\n', '⟦一、总体情况⟧\n']],
  },
  {
    code: 'report.title-missing',
    name: 'title removed',
    base: S002,
    edits: [
      ['# 克井镇人民政府 2024 年政府信息公开工作年度报告', ''],
      ['## 一、总体情况', '## ⟦一、总体情况⟧'],
    ],
  },
  {
    code: 'table.missing',
    name: 'table 四 removed',
    base: S000,
    edits: [
      [S000.slice(S000.indexOf('行政复议 | 行政诉讼'), S000.indexOf('五、存在')), ''],
      ['四、政府信息公开行政复议、行政诉讼情况', '⟦四、政府信息公开行政复议、行政诉讼情况⟧'],
    ],
  },
  {
    code: 'table.row-missing',
    name: '2.重复申请 removed (range: the row before)',
    base: S002,
    edits: [
      ['\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n', ''],
      ['1. 信访举报投诉类申请\t', '⟦1. 信访举报投诉类申请⟧\t'],
    ],
  },
  {
    code: 'table.row-unknown',
    name: 'typo in a label',
    base: S000,
    edits: [['2.其他法律行政法规禁止公开', '⟦2.其他法律行政止公开⟧']],
  },
  {
    code: 'table.row-unknown',
    name: '2019 label in a 2021 report',
    base: S000,
    edits: [['行政规范性文件 |', '⟦规范性文件⟧ |']],
  },
  {
    code: 'table.cell-count',
    name: 'a row with six values',
    base: S002,
    edits: [['2. 重复申请\t0\t0\t0\t0\t0\t0\t0', '⟦2. 重复申请⟧\t0\t0\t0\t0\t0\t0']],
  },
  {
    code: 'table.unreadable',
    name: 'run-together digits with several splits (a doubt of the reader, not a wrong count)',
    base: S000,
    edits: [['行政规范性文件 | 0 | 0 | 1 |', '行政规范性文件 | ⟦1234⟧ |']],
  },
  { code: 'table.cell-invalid', name: 'negative count', base: S000, edits: [['行政处罚 | 161', '行政处罚 | ⟦-161⟧']] },
  { code: 'table.cell-invalid', name: 'decimal count', base: S000, edits: [['行政处罚 | 161', '行政处罚 | ⟦16.1⟧']] },
  {
    code: 'table.cell-blank',
    name: 'blank cell (range: the row label)',
    base: S000,
    edits: [['行政强制 | 19 |', '⟦行政强制⟧ |  |']],
  },
  {
    code: 'table3.balance',
    name: '结转下年度 1 without a source (range: the （七）总计 cells)',
    base: S000,
    edits: [
      ['四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'],
      [TOTAL_ROW, TOTAL_MARKED],
    ],
  },
  {
    code: 'table3.outcome-total',
    name: 'an outcome row that （七） misses',
    base: S000,
    edits: [
      ['(一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '(一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1'],
      [TOTAL_ROW, TOTAL_MARKED],
    ],
  },
  {
    code: 'table3.row-total',
    name: '总计 of a row',
    base: S000,
    edits: [
      [
        '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
        '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | ⟦2⟧',
      ],
    ],
  },
  { code: 'table4.total', name: 'a review total', base: S000, edits: [[REVIEW_ROW, '\n1 | 0 | 0 | 0 | ⟦0⟧ | 0 |']] },
  {
    code: 'narrative.mismatch',
    name: 'prose 3, table 1',
    base: S000,
    edits: [['共收到依申请公开1件', '共收到依申请公开⟦3⟧件']],
  },
  {
    code: 'narrative.mismatch',
    name: 'a wider scope, a breakdown and 备案 are not compared',
    base: S000,
    edits: [['共收到依申请公开1件', '共收到依申请公开1件，其中办结7件，全区共收到申请500件，收到备案申请9件']],
  },
  {
    code: 'section6.fee-missing',
    name: 'no word on the fee',
    base: S000,
    edits: [
      ['本年度无收取信息处理费情况。', ''],
      [S6, `⟦${S6}⟧`],
    ],
  },
  {
    code: 'text.pinyin-annotation',
    name: 'pinyin after characters (one finding per report, range: its first annotation)',
    base: S000,
    edits: [['一、总体情况\n', '一、总体情况\n文號⟦(hào)⟧與編碼(mǎ)\n後(hòu)來\n']],
  },
  {
    code: 'text.placeholder',
    name: 'a template placeholder left in the text (（机关名称）, ××), not an address’s xx (zfxxgk)',
    base: S000,
    edits: [['於潜镇人民政府党政综合办公室联系', '⟦（机关名称）⟧联系（网址 www.hz.gov.cn/zfxxgk，第⟦××⟧号）']],
  },
];

for (const c of CASES) {
  test(`${c.code} fires: ${c.name}`, () => {
    const { text, ranges } = unmark(edit(c.base, c.edits));
    const got = findings(text).filter((f) => f.code === c.code);
    assert.deepEqual(rangesOf(got), ranges.sort(byStart), JSON.stringify(got.map((f) => localize(f.message))));
  });
}

test('every rule is silent on the clean seeds', () => {
  for (const base of [S000, S002]) {
    const codes = findings(base).map((f) => f.code);
    assert.deepEqual(
      codes.filter((c) => c !== 'report.title-missing'),
      [],
    );
  }
});

test('every code has a case above, and every message id has both languages', () => {
  const covered = new Set(CASES.map((c) => c.code));
  covered.add('crossyear.carry-over');
  covered.add('crossyear.current-documents').add('crossyear.copied-text'); // crossyear.test.ts
  covered.add('report.not-found'); // the command line's, tested in cli.test.ts
  covered.add('report.truncated'); // cut copies, tested in trust.test.ts
  for (const c of ['section.empty', 'report.format-year', 'report.year-mismatch'] as const) covered.add(c); // newchecks
  assert.deepEqual(
    CODES.filter((c) => !covered.has(c)),
    [],
  );
  for (const id of MESSAGE_IDS) {
    const zh = localize({ id, args: {} }, 'zh-CN');
    const en = localize({ id, args: {} }, 'en');
    assert.ok(zh && en && zh !== en, id);
  }
});

test('crossyear.carry-over compares with last year’s report of the same organ', () => {
  const prev = S002.replace(
    '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0',
    '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2',
  ).replace('二、上年结转政府信息公开申请数量\t\t0', '二、上年结转政府信息公开申请数量\t\t0');
  const prevModel = parse(prev);
  const { text: cur, ranges } = unmark(
    edit(S002, [
      ['2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告'],
      [
        '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
        '二、上年结转政府信息公开申请数量\t\t⟦0⟧\t0\t0\t0\t0\t0\t⟦0⟧',
      ],
    ]),
  );
  const refs: ReportRef[] = prevModel.reports.map((report) => ({
    source: 'prev.txt',
    organ: report.organ,
    year: report.year,
    report,
  }));
  const fired = findings(cur, refs).filter((f) => f.code === 'crossyear.carry-over');
  assert.equal(fired.length, 2);
  assert.deepEqual(rangesOf(fired), ranges);
  assert.match(localize(fired[0]!.message), /上年结转0与2024年报告的“结转下年度继续办理”2不一致（自然人列，prev.txt）/);
  // Same organ, two years back, or another organ: nothing.
  const other = cur.replace('克井镇', '某某镇');
  assert.equal(findings(other, refs).filter((f) => f.code === 'crossyear.carry-over').length, 0);
});

test('ranges point at the smallest text that shows the problem', () => {
  // The （七）总计 cell of the 自然人 column.
  const { text, ranges } = unmark(
    edit(S000, [
      ['四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |'],
      [TOTAL_ROW, '(七)总计 | ⟦1⟧ | 0 | 0 | 0 | 0 | 0 | 1 |'],
    ]),
  );
  const f = findings(text).find((x) => x.code === 'table3.balance')!;
  assert.deepEqual(f.range, ranges[0]);
  assert.equal(f.data?.expected, 0);
  const numbering = unmark(edit(S000, [['二、主动公开政府信息情况', '⟦二.⟧主动公开政府信息情况']]));
  const h = findings(numbering.text).find((x) => x.code === 'section.numbering')!;
  assert.deepEqual(h.range, numbering.ranges[0]);
});
