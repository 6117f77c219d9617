/**
 * table4.total — in a block of table 四 (行政复议, 直接起诉, 复议后起诉), 总计 ≠ 结果维持 + 结果纠正 +
 * 其他结果 + 尚未审结. Range: the 总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { REVIEW_BLOCKS } from '../template';
import { finding, fmt, num, written, type Rule } from './rule';

export const table4Total: Rule = {
  code: 'table4.total',
  check({ report }) {
    const row = report.tables.review?.rows[0];
    if (!row || row.cells.length !== 15) return [];
    const out: Finding[] = [];
    REVIEW_BLOCKS.forEach((b, i) => {
      const base = i * 5;
      if (!written(row, base + 4)) return;
      const parts = [0, 1, 2, 3].map((k) => num(row, base + k));
      if (parts.some((v) => v === null)) return;
      const sum = (parts as number[]).reduce((x, y) => x + y, 0);
      const total = num(row, base + 4)!;
      if (sum !== total) out.push(finding('table4.total', row.cells[base + 4]!.range, 'table4.total', { block: b.title, total: fmt(total), sum: fmt(sum) }, { expected: sum, replacement: fmt(sum) }));
    });
    return out;
  },
};
