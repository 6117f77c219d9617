/**
 * TRANSITIONAL: what the registry needs of the four total rules (severity, description, messages,
 * fix) while their check bodies move onto template/arithmetic.ts. Each part moves into its rule's
 * file, and this file goes, once that move has landed.
 */
import type { Report } from '../model';
import { table3Balance } from './table3-balance';
import { table3OutcomeTotal } from './table3-outcome-total';
import { table3RowTotal } from './table3-row-total';
import { table4Total } from './table4-total';
import { replaceWith, type Edit, type FixCandidate, type Found, type Rule, type RuleDef } from './rule';
import type { Finding, Severity } from './findings';
import type { Localized } from './rule';

/** The computed value (also shown by the inlay hints and the preview). */
type Data = { expected: number; replacement: string; rowKey?: string };

const FIX_TITLE: Localized = { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' };

function wrap<const C extends string>(
  code: C,
  legacy: Rule,
  severity: Severity,
  description: Localized,
  messages: Record<string, Localized>,
  fix: (f: Finding<Data>, report: Report) => FixCandidate[],
): RuleDef<C, Data> {
  return { code, severity, description, messages, check: (ctx) => legacy.check(ctx) as Found<Data>[], fix: (f, ctx) => fix(f, ctx.report) };
}

/** The computed value; for a cell of an applicant column, the row's 总计 moves with it, so that the
 *  row still adds up. */
function totalWithRow(code: string) {
  return (f: Finding<Data>, report: Report): FixCandidate[] => {
    const d = f.data;
    if (!d) return [];
    const edits: Edit[] = [{ start: f.range.start, end: f.range.end, newText: d.replacement }];
    const row = report.tables.applications?.rows.find((r) => r.cells.some((c) => c.range.start === f.range.start));
    const col = row?.cells.findIndex((c) => c.range.start === f.range.start) ?? -1;
    const cur = row?.cells[col];
    const total = row?.cells[6];
    if (row && col >= 0 && col < 6 && cur?.kind === 'number' && total?.kind === 'number' && total.value !== null && cur.value !== null) {
      edits.push({ start: total.range.start, end: total.range.end, newText: String(total.value + d.expected - cur.value) });
    }
    return [{ title: { id: `${code}.fix`, args: { value: d.replacement } }, edits }];
  };
}

const plainTotal = (code: string) => (f: Finding<Data>) => (f.data ? replaceWith(f, f.data.replacement, `${code}.fix`, { value: f.data.replacement }) : []);

export const table3RowTotalRule = wrap(
  'table3.row-total',
  table3RowTotal,
  'error',
  { 'zh-CN': '某行的总计 ≠ 六类申请人之和', en: '总计 ≠ the sum of the six applicant columns in a row' },
  {
    'table3.row-total': { 'zh-CN': '“{row}”的总计为{total}，各申请人之和为{sum}', en: '“{row}”: 总计 is {total}, the applicants add up to {sum}' },
    'table3.row-total.fix': FIX_TITLE,
  },
  plainTotal('table3.row-total'),
);

export const table3OutcomeTotalRule = wrap(
  'table3.outcome-total',
  table3OutcomeTotal,
  'error',
  { 'zh-CN': '某列的（七）总计 ≠ 各项办理结果之和', en: '（七）总计 ≠ the sum of the outcome rows in a column' },
  {
    'table3.outcome-total': {
      'zh-CN': '（七）总计{total} ≠ 各项办理结果之和{sum}（{column}列）',
      en: '（七）总计 {total} ≠ the outcome rows’ sum {sum} ({column} column)',
    },
    'table3.outcome-total.fix': FIX_TITLE,
  },
  totalWithRow('table3.outcome-total'),
);

export const table3BalanceRule = wrap(
  'table3.balance',
  table3Balance,
  'error',
  { 'zh-CN': '某列中 一 + 二 ≠ （七）总计 + 四（表角注明的勾稽关系）', en: '一 + 二 ≠ （七）总计 + 四 in a column (the corner note’s rule)' },
  {
    'table3.balance': {
      'zh-CN': '第一项加第二项之和{left} ≠ 第三项加第四项之和{right}（{column}列）',
      en: 'Items 一 + 二 = {left} ≠ items 三 + 四 = {right} ({column} column)',
    },
    'table3.balance.fix': FIX_TITLE,
  },
  totalWithRow('table3.balance'),
);

export const table4TotalRule = wrap(
  'table4.total',
  table4Total,
  'error',
  { 'zh-CN': '表四某一栏的总计 ≠ 其四项结果之和', en: 'a block’s 总计 ≠ the sum of its four results' },
  {
    'table4.total': {
      'zh-CN': '{block}的总计为{total}，结果维持、结果纠正、其他结果、尚未审结之和为{sum}',
      en: '{block}: 总计 is {total}, its four results add up to {sum}',
    },
    'table4.total.fix': FIX_TITLE,
  },
  plainTotal('table4.total'),
);
