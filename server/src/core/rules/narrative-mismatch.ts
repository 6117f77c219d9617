/**
 * narrative.mismatch — prose restates a table figure with a different number.
 *
 * Only sentences whose scope ties to one cell are checked: 收到/受理 … 申请 N 件 (本年新收, or 新收 +
 * 上年结转), 办结/答复 N 件 (（七）总计), 上年结转 N 件, 结转下年度 N 件, 行政复议 N 件 (复议总计),
 * 行政诉讼 N 件 (直接起诉总计 + 复议后起诉总计), 现行有效（行政）规范性文件 N 件 (2021 table 二).
 * Numbers after 其中 (a breakdown), sentences about 备案, single results (结果维持 5 件) and other
 * scopes are left alone; a sentence about a wider scope (全区, 全市, 各级…) is not reported when it
 * differs, since the table may be the office's own. Range: the number. Fix: the table's value.
 */
import { compact } from '../text/normalize';
import type { Report } from '../model';
import { APPLICANT_TOTAL, evaluate } from '../template/arithmetic';
import { fmt, found, num, replaceWith, rowOf, type Found, type Rule } from './rule';

interface Pattern {
  re: RegExp;
  /** Index of the number group. */
  group: number;
  scope: string;
  expected(r: Report): number[] | null;
  /** The gap between keyword and number must not contain these. */
  exclude?: RegExp;
  /** The text around must mention an application. */
  needsApplication?: boolean;
}

const total = (r: Report, key: string): number | null => num(rowOf(r.tables.applications, key), APPLICANT_TOTAL);

/** A block total of table 四 (template/arithmetic.ts): as written, or, left blank, the sum of its results. */
function reviewTotal(r: Report, block: number): number | null {
  const t = r.tables.review;
  const e = t && evaluate(t, r.format, { only: ['review-block'] }).find((x) => x.block === block);
  if (!e) return null;
  const cell = e.left.terms[0]!.cell!;
  if (cell.kind === 'number') return cell.value;
  // An unknown or invalid total is not known; only a blank one is the sum of its parts.
  if (cell.kind === 'unknown' || cell.kind === 'text') return null;
  return e.right.sum;
}

// A number starts only where a run of digits and commas starts: without the look-behinds an
// unanchored `\d[\d,]*件` re-read a long digit run from each of its digits (quadratic).
const N = '(?<!\\d)(?<!\\d,)(\\d[\\d,]*)';
const NOT_OTHER = /留言|咨询|来信|信件|建议|提案|投诉|举报|热线|信访|率/;

const PATTERNS: Pattern[] = [
  {
    re: new RegExp(`(?:收到|受理|接收|收悉)([^\\d。;]{0,20}?)(?:共计|共|合计|总计)?${N}(?:件|份|个)(申请)?`, 'gd'),
    group: 2,
    scope: '本年新收',
    needsApplication: true,
    exclude: /结转|办结|答复|复议|诉讼|[,]/,
    expected: (r) => {
      const a = total(r, 'newReceived');
      const b = total(r, 'carriedOver');
      return a === null ? null : b === null ? [a] : [a, a + b];
    },
  },
  {
    re: new RegExp(`(?:办结|答复|办理完毕)([^\\d。;]{0,15}?)(?:共计|共|合计)?${N}(?:件|份)`, 'gd'),
    group: 2,
    scope: '（七）总计',
    exclude: /[,]|结转|复议|诉讼/,
    expected: (r) => nz(total(r, 'totalProcessed')),
  },
  {
    re: new RegExp(`(?:上一?年度?结转|上年遗留)([^\\d。;,]{0,10}?)${N}(?:件|份)`, 'gd'),
    group: 2,
    scope: '上年结转',
    expected: (r) => nz(total(r, 'carriedOver')),
  },
  {
    re: new RegExp(
      `(?:结转(?:到|至)?下一?年度?|结转至(?:\\d{4}年度?)?|顺延(?:到|至)下一?年度?)([^\\d。;,]{0,8}?)${N}(?:件|份)`,
      'gd',
    ),
    group: 2,
    scope: '结转下年度继续办理',
    expected: (r) => nz(total(r, 'carriedForward')),
  },
  {
    re: new RegExp(`()${N}件(?:申请)?(?:将)?(?:结转|顺延)(?:到|至)?下一?年度`, 'gd'),
    group: 2,
    scope: '结转下年度继续办理',
    expected: (r) => nz(total(r, 'carriedForward')),
  },
  {
    re: new RegExp(`行政复议((?:案件|申请)?(?:共计|共)?)${N}(?:件|起)`, 'gd'),
    group: 2,
    scope: '行政复议总计',
    expected: (r) => nz(reviewTotal(r, 0)),
  },
  {
    re: new RegExp(`(?:行政诉讼|(?<!行政)诉讼)((?:案件)?(?:共计|共)?)${N}(?:件|起)`, 'gd'),
    group: 2,
    scope: '行政诉讼总计',
    expected: (r) => {
      const a = reviewTotal(r, 1);
      const b = reviewTotal(r, 2);
      return a === null || b === null ? null : [a + b];
    },
  },
  {
    re: new RegExp(`现行有效的?(?:行政)?规范性文件((?:共计|共)?)${N}件`, 'gd'),
    group: 2,
    scope: '现行有效件数',
    expected: (r) => (r.format === '2021' ? nz(num(rowOf(r.tables.active, 'normativeDocuments'), 2)) : null),
  },
];

function nz(v: number | null): number[] | null {
  return v === null ? null : [v];
}

const WIDER_SCOPE = /全区|全市|全县|全省|全镇|全乡|各级|各地|各部门|各单位|下属|所属|系统内/;

/** The table's value, written as the fix writes it. */
type Data = { replacement: string };

export const narrativeMismatch: Rule<'narrative.mismatch', Data> = {
  code: 'narrative.mismatch',
  severity: 'warning',
  description: {
    'zh-CN': '正文复述表格数字（新收、结转、办结、结转下年度、复议、诉讼、现行有效）时与表格不一致',
    en: 'the text restates a table figure (新收, 结转, 办结, 结转下年度, 复议, 诉讼, 现行有效) with a different number',
  },
  messages: {
    'narrative.mismatch': {
      'zh-CN': '正文写{value}件，表格中“{scope}”为{table}',
      en: 'The text says {value}; the table’s “{scope}” is {table}',
    },
    'narrative.mismatch.fix': { 'zh-CN': '改为表格中的 {value}', en: 'Use the table’s {value}' },
  },
  check({ report, text, options }) {
    if (!options.narrativeChecks) return [];
    const s1 = report.sections.find((s) => s.number === 1);
    const s2 = report.sections.find((s) => s.number === 2);
    const end = s2 ? s2.headerRange.start : s1?.range.end;
    if (end === undefined) return [];
    const c = compact(text, report.range.start, end);
    const out: Found<Data>[] = [];
    const seen = new Set<number>();
    for (const sentence of c.text.matchAll(/[^。;!?！？]+/g)) {
      const sText = sentence[0];
      if (sText.includes('备案')) continue;
      const base = sentence.index!;
      const breakdown = sText.indexOf('其中');
      for (const p of PATTERNS) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(sText); m; m = p.re.exec(sText)) {
          const gap = m[1] ?? '';
          if (breakdown >= 0 && m.index > breakdown) continue;
          if (p.exclude && p.exclude.test(gap)) continue;
          if (NOT_OTHER.test(gap)) continue;
          if (p.needsApplication && !/申请/.test(gap + (m[3] ?? ''))) continue;
          const numStr = m[p.group]!;
          const at = base + m.indices![p.group]![0];
          if (seen.has(at)) continue;
          seen.add(at);
          const value = Number(numStr.replace(/,/g, ''));
          const expected = p.expected(report);
          if (!expected || expected.includes(value)) continue;
          if (WIDER_SCOPE.test(sText)) continue;
          const range = { start: c.map[at]!, end: c.map[at + numStr.length - 1]! + 1 };
          const table = fmt(expected[0]!);
          out.push(
            found(range, 'narrative.mismatch', { value: numStr, scope: p.scope, table }, { replacement: table }),
          );
        }
      }
    }
    return out;
  },
  safeFix: false,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'narrative.mismatch.fix', { value: f.data.replacement }) : [];
  },
};
