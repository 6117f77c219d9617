/**
 * table3.row-total — in a row of table 三, 总计 ≠ 自然人 + 商业企业 + 科研机构 + 社会公益组织 +
 * 法律服务机构 + 其他. Blank cells count as 0 here (they are reported on their own); a blank or
 * unknown 总计 is not evaluated. Range: the 总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { evaluate } from '../template/arithmetic';
import { finding, fmt, type Rule } from './rule';

export const table3RowTotal: Rule = {
  code: 'table3.row-total',
  check({ report }) {
    const out: Finding[] = [];
    const t = report.tables.applications;
    for (const e of t ? evaluate(t, report.format, { only: ['row-total'] }) : []) {
      const cell = e.left.terms[0]!.cell!;
      // A blank or unknown 总计 is not evaluated, nor a row whose parts are all blank.
      if (cell.kind !== 'number' || e.holds !== false || e.right.terms.every((p) => p.cell!.kind === 'blank')) continue;
      const [total, sum] = [e.left.sum!, e.right.sum!];
      const data = { expected: sum, replacement: fmt(sum), rowKey: e.row!.key };
      out.push(finding('table3.row-total', cell.range, 'table3.row-total', { row: e.row!.label, total: fmt(total), sum: fmt(sum) }, data));
    }
    return out;
  },
};
