/**
 * table4.total — in a block of table 四 (行政复议, 直接起诉, 复议后起诉), 总计 ≠ 结果维持 + 结果纠正 +
 * 其他结果 + 尚未审结. Range: the 总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { REVIEW_BLOCKS } from '../template';
import { evaluate } from '../template/arithmetic';
import { finding, fmt, type Rule } from './rule';

export const table4Total: Rule = {
  code: 'table4.total',
  check({ report }) {
    const out: Finding[] = [];
    const t = report.tables.review;
    for (const e of t ? evaluate(t, report.format, { only: ['review-block'] }) : []) {
      const cell = e.left.terms[0]!.cell!;
      if (cell.kind !== 'number' || e.holds !== false) continue;
      const [total, sum] = [e.left.sum!, e.right.sum!];
      const args = { block: REVIEW_BLOCKS[e.block!]!.title, total: fmt(total), sum: fmt(sum) };
      out.push(finding('table4.total', cell.range, 'table4.total', args, { expected: sum, replacement: fmt(sum) }));
    }
    return out;
  },
};
