/**
 * table3.row-total — in a row of table 三, 总计 ≠ 自然人 + 商业企业 + 科研机构 + 社会公益组织 +
 * 法律服务机构 + 其他. Blank cells count as 0 here (they are reported on their own); a blank or
 * unknown 总计 is not evaluated. Range: the 总计 cell. Fix: the computed value.
 */
import { evaluate } from '../template/arithmetic';
import { fmt, found, replaceWith, type Found, type Rule } from './rule';

/** The computed value (the inlay hints and the preview show it too). */
type Data = { expected: number; replacement: string; rowKey: string };

export const table3RowTotal: Rule<'table3.row-total', Data> = {
  code: 'table3.row-total',
  severity: 'error',
  figures: ['applications'],
  description: {
    'zh-CN': '某行的总计 ≠ 六类申请人之和',
    en: '总计 ≠ the sum of the six applicant columns in a row',
  },
  messages: {
    'table3.row-total': {
      'zh-CN': '“{row}”的总计为{total}，各申请人之和为{sum}',
      en: '“{row}”: 总计 is {total}, the applicants add up to {sum}',
    },
    'table3.row-total.fix': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  },
  check({ report }) {
    const out: Found<Data>[] = [];
    const t = report.tables.applications;
    for (const e of t ? evaluate(t, report.format, { only: ['row-total'], failing: true }) : []) {
      const cell = e.left.terms[0]!.cell!;
      // A blank or unknown 总计 is not evaluated, nor a row whose parts are all blank.
      if (cell.kind !== 'number' || e.holds !== false || e.right.terms.every((p) => p.cell!.kind === 'blank')) continue;
      const [total, sum] = [e.left.sum!, e.right.sum!];
      const data = { expected: sum, replacement: fmt(sum), rowKey: e.row!.key };
      out.push(found(cell.range, 'table3.row-total', { row: e.row!.label, total: fmt(total), sum: fmt(sum) }, data));
    }
    return out;
  },
  safeFix: false,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'table3.row-total.fix', { value: f.data.replacement }) : [];
  },
};
