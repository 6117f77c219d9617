// Quick fixes: applied to the finding they target, the finding disappears and none appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { changesDigits, checkPiece, fixAll, fixesFor } from '../../server/src/core/features/fixes';
import { applyEdits } from '../../server/src/core/features/format';
import { renderTable } from '../../server/src/core/features/render';
import { localize } from '../../server/src/core/i18n';
import type { Code } from '../../server/src/core/rules/findings';
import { RULE_LIST, ruleOf } from '../../server/src/core/rules';
import { openDocument } from '../../server/src/core';
import { byPrefix, corpusFiles, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const S002 = readCorpus(byPrefix('002'));
const S003 = readCorpus(byPrefix('003'));

const all = (t: string) =>
  checkDocument(analysisText(t).text, t, parse(t))
    .map((f) => `${f.code} ${localize(f.message)}`)
    .sort();

const S5 = '五、存在的主要问题及改进情况';
const S6 = '六、其他需要报告的事项';
const FEE_ROW = '1. 信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n';

/** A defect made by replacing `from` with `to` in `base`, the fix titled `title`, and the text it
 *  writes: `base` again, or — `writes` — the broken text with `writes[0]` turned into `writes[1]`. */
interface Case {
  code: Code;
  base: string;
  from: string;
  to: string;
  title: RegExp;
  writes?: [string, string];
}

const CASES: Case[] = [
  {
    code: 'section.missing',
    base: S000,
    from: `${S5}\n`,
    to: '',
    title: /插入“五、存在的主要问题及改进情况”/,
    writes: [S6, `${S5}\n${S6}`],
  },
  {
    code: 'section.missing',
    base: S002,
    from: S002.slice(S002.indexOf('### 三、收到和处理'), S002.indexOf('#### 四、')),
    to: '',
    title: /插入“三、收到和处理政府信息公开申请情况”/,
    writes: [
      '#### 四、',
      `三、收到和处理政府信息公开申请情况\n${renderTable('applications', '2021', 'tab')}\n#### 四、`,
    ],
  },
  {
    code: 'section.numbering',
    base: S000,
    from: '二、主动公开政府信息情况',
    to: '二.主动公开政府信息情况',
    title: /改为“二、”/,
  },
  {
    code: 'section.numbering',
    base: S000,
    from: '(三)政府信息管理',
    to: '()政府信息管理',
    title: /改为“（三）”/,
    writes: ['()政府信息管理', '（三）政府信息管理'],
  },
  { code: 'section.title', base: S000, from: S5, to: '五、存在问题及改进情况', title: /规范标题/ },
  {
    code: 'table.row-unknown',
    base: S000,
    from: '2.其他法律行政法规禁止公开',
    to: '2.其他法律行政止公开',
    title: /改为“2.其他法律行政法规禁止公开”/,
  },
  {
    code: 'table.row-missing',
    base: S002,
    from: '\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n',
    to: '',
    title: /插入“2.重复申请”一行/,
    writes: [FEE_ROW, `${FEE_ROW}2.重复申请\t0\t0\t0\t0\t0\t0\t0\n`],
  },
  {
    code: 'table.row-missing',
    base: S000,
    from: '行政强制 | 19 | ||\n',
    to: '',
    title: /插入“行政强制”一行/,
    writes: ['行政处罚 | 161 | ||\n', '行政处罚 | 161 | ||\n行政强制 | 0 |\n'],
  },
  {
    code: 'table3.row-total',
    base: S000,
    from: '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
    to: '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 2',
    title: /改为计算值 1/,
  },
  {
    code: 'table3.outcome-total',
    base: S000,
    from: '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
    to: '(七)总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
    title: /改为计算值 1/,
  },
  {
    code: 'table4.total',
    base: S000,
    from: '\n0 | 0 | 0 | 0 | 0 | 0 |',
    to: '\n0 | 0 | 0 | 0 | 7 | 0 |',
    title: /改为计算值 0/,
  },
  {
    code: 'narrative.mismatch',
    base: S000,
    from: '共收到依申请公开1件',
    to: '共收到依申请公开3件',
    title: /改为表格中的 1/,
  },
  {
    code: 'section6.fee-missing',
    base: S000,
    from: '本年度无收取信息处理费情况。',
    to: '',
    title: /信息处理费/,
    writes: [`${S6}\n`, `${S6}\n本年度未收取信息处理费。\n`],
  },
  {
    code: 'text.pinyin-annotation',
    base: S000,
    from: '一、总体情况\n',
    to: '一、总体情况\n文號(hào)\n',
    title: /删除/,
    writes: ['文號(hào)', '文號'],
  },
];

for (const c of CASES) {
  test(`quick fix for ${c.code}: ${c.title.source}`, () => {
    const text = c.base.replace(c.from, c.to);
    assert.notEqual(text, c.base);
    const { report, findings: found, pinyin } = checkPiece(text);
    const findings = found!;
    const targets = findings.filter((f) => f.code === c.code);
    assert.ok(targets.length >= 1, `no ${c.code} finding`);
    const fixes = fixesFor(text, report!, findings, pinyin, targets);
    const fix = fixes.find((f) => c.title.test(localize(f.title)));
    assert.ok(fix, `offered: ${fixes.map((f) => localize(f.title)).join(' / ')}`);
    // The text written, whole.
    const written = applyEdits(text, fix.edits);
    if (c.writes) {
      assert.ok(text.includes(c.writes[0]), `the broken text lacks ${JSON.stringify(c.writes[0])}`);
      assert.equal(written, text.replace(c.writes[0], c.writes[1]));
    } else assert.equal(written, c.base);
    // Checked independently on the whole document: the target gone, nothing new.
    const before = all(text);
    const after = all(written);
    const target = `${fix.finding.code} ${localize(fix.finding.message)}`;
    assert.equal(after.filter((x) => x === target).length, before.filter((x) => x === target).length - 1);
    for (const a of new Set(after))
      assert.ok(after.filter((x) => x === a).length <= before.filter((x) => x === a).length, `new finding: ${a}`);
  });
}

test('a fix that would add a finding is not offered (balance: changing （七）总计 breaks the outcome total)', () => {
  const text = S000.replace(
    '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  );
  const { report, findings: found, pinyin } = checkPiece(text);
  const findings = found!;
  const targets = findings.filter((f) => f.code === 'table3.balance');
  assert.equal(targets.length, 2);
  // Each of the column's cells is a candidate; （七）总计's is never offered: it breaks the outcome total.
  const total = report!.tables.applications!.rows.find((r) => r.key === 'totalProcessed')!;
  const inTotal = (e: { start: number }) => total.cells.some((c) => c.range.start === e.start);
  for (const fix of fixesFor(text, report!, findings, pinyin, targets)) assert.ok(!fix.edits.some(inTotal));
});

test('fix all: seed 003 loses its pinyin and its numbering defects in one go, its values untouched', () => {
  const { report, findings: found, pinyin } = checkPiece(S003);
  const findings = found!;
  const edits = fixAll(S003, report!, findings, pinyin)!;
  const fixed = applyEdits(S003, edits);
  assert.deepEqual(
    all(fixed).filter((x) => !x.startsWith('report.title-missing')),
    [],
  );
  // No pinyin left in the report (the web-page chrome before its title is not part of it).
  assert.ok(
    !/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(fixed.slice(fixed.indexOf('雙鴨山市2024年政府信息公開工作年度報告\n'))),
  );
  const v = (t: string) =>
    JSON.stringify(parse(t).reports[0]!.tables.applications!.rows.map((r) => r.cells.map((c) => c.value)));
  assert.equal(v(fixed), v(S003));
});

test('fix all: its edits come sorted and never overlap (one pass over sorted edits)', () => {
  const text = S003;
  const { report, findings: found, pinyin } = checkPiece(text);
  const findings = found!;
  const edits = fixAll(text, report!, findings, pinyin)!;
  // The edits are sorted and do not overlap.
  for (let i = 1; i < edits.length; i++)
    assert.ok(
      edits[i - 1]!.end <= edits[i]!.start &&
        !(edits[i - 1]!.start === edits[i]!.start && edits[i]!.start === edits[i]!.end),
      JSON.stringify([edits[i - 1], edits[i]]),
    );
});

const THOUSANDS =
  'fix all: a report with thousands of findings is fixed in bounded time (no pairwise overlap scan, no re-read per fix)';
test(THOUSANDS, () => {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(`文號(hào)第${i}号(hào)`);
  const text = S000.replace('一、总体情况\n', `一、总体情况\n${lines.join('\n')}\n`);
  const { report, findings: found, pinyin } = checkPiece(text);
  const findings = found!;
  assert.ok(findings.filter((f) => f.code === 'text.pinyin-annotation').length >= 1);
  const started = Date.now();
  const edits = fixAll(text, report!, findings, pinyin)!;
  const ms = Date.now() - started;
  assert.ok(ms < 5000, `fix all took ${ms} ms`);
  const fixed = applyEdits(text, edits);
  assert.ok(!fixed.includes('(hào)'), 'pinyin left');
  assert.equal(all(fixed).filter((x) => x.startsWith('text.pinyin')).length, 0);
});

// Fix-all runs on save: it applies only the fixes a rule declares safe (labels, numbering, headers,
// pinyin, inserted sections), and never one that changes a digit of the text.

const digitRuns = (t: string): string => (t.match(/[0-9０-９]+/g) ?? []).join(',');

/** Fix-all over a whole document, report by report, as the language server does it. */
function fixAllOver(text: string): string {
  const d = openDocument(text);
  const edits = [];
  for (let i = 0; i < d.count; i++) for (const e of d.fixAll(i) ?? []) edits.push(e);
  return applyEdits(text, edits);
}

test('every rule with a fix says whether fix-all may apply it; figures are never safe', () => {
  for (const r of RULE_LIST) {
    if (!r.fix) assert.equal(r.safeFix, undefined, `${r.code} has no fix but declares safeFix`);
    else assert.equal(typeof r.safeFix, 'boolean', `${r.code} does not declare safeFix`);
  }
  const figures = [
    'table3.row-total',
    'table3.outcome-total',
    'table3.balance',
    'table4.total',
    'narrative.mismatch',
    'crossyear.carry-over',
    'table.row-missing',
  ];
  for (const code of figures) assert.equal(ruleOf(code)?.safeFix, false, code);
});

for (const name of corpusFiles())
  test(`fix-all over ${name} changes no digit`, () => {
    const text = readCorpus(name);
    assert.equal(digitRuns(fixAllOver(text)), digitRuns(text));
  });

test('fix-all leaves a wrong total to the quick fix, and fixes the numbering next to it', () => {
  const text = S000.replace(
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 2',
  ).replace('二、主动公开政府信息情况', '二.主动公开政府信息情况');
  const { report, findings: found, pinyin } = checkPiece(text);
  const findings = found!;
  const total = findings.filter((f) => f.code === 'table3.row-total');
  assert.equal(total.length, 1);
  // The quick fix is still offered to the user.
  assert.equal(fixesFor(text, report!, findings, pinyin, total).length, 1);
  const fixed = applyEdits(text, fixAll(text, report!, findings, pinyin)!);
  assert.equal(fixed, text.replace('二.主动公开政府信息情况', '二、主动公开政府信息情况'));
});

test('fix-all inserts a missing heading but not a section whose table it would fill with zeros', () => {
  const two = S000.slice(S000.indexOf('二、主动公开政府信息情况'), S000.indexOf('三、收到和处理'));
  const text = S000.replace(two, '').replace(`${S5}\n`, '');
  const { report, findings: found, pinyin } = checkPiece(text);
  const findings = found!;
  assert.deepEqual(
    findings.filter((f) => f.code === 'section.missing').map((f) => localize(f.message)),
    ['缺少“二、主动公开政府信息情况”部分', `缺少“${S5}”部分`],
  );
  // Each is a quick fix the user may choose …
  for (const f of findings.filter((x) => x.code === 'section.missing'))
    assert.equal(fixesFor(text, report!, findings, pinyin, [f]).length, 1, localize(f.message));
  // … but on save only the heading goes in: the table of 二 would write figures the author never gave.
  const fixed = applyEdits(text, fixAll(text, report!, findings, pinyin)!);
  assert.equal(fixed, text.replace(S6, `${S5}\n${S6}`));
});

test('a digit run counts as changed when an edit joins, splits or rewrites it', () => {
  const del = (t: string, s: number, e: number, n = '') => changesDigits(t, [{ start: s, end: e, newText: n }]);
  assert.equal(del('第1(hào)2件', 2, 7), true); // 1 and 2 become 12
  assert.equal(del('第1號(hào)件', 3, 8), false);
  assert.equal(del('共12件', 1, 3, '１２'), true); // full-width digits are digits too
  assert.equal(del('二.主动公开', 1, 2, '、'), false);
  assert.equal(del('收到3件', 2, 2, '0'), true); // 3 becomes 03
});
