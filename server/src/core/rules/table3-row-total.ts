/**
 * table3.row-total — in a row of table 三, 总计 ≠ 自然人 + 商业企业 + 科研机构 + 社会公益组织 +
 * 法律服务机构 + 其他. Blank cells count as 0 here (they are reported on their own); a blank or
 * unknown 总计 is not evaluated. Range: the 总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { finding, fmt, num, written, type Rule } from './rule';

export const table3RowTotal: Rule = {
  code: 'table3.row-total',
  check({ report }) {
    const out: Finding[] = [];
    for (const row of report.tables.applications?.rows ?? []) {
      if (row.cells.length !== 7 || !written(row, 6)) continue;
      const parts = [0, 1, 2, 3, 4, 5].map((c) => num(row, c));
      if (parts.some((v) => v === null)) continue;
      if (row.cells.slice(0, 6).every((c) => c.kind === 'blank')) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      const total = num(row, 6)!;
      if (sum !== total) out.push(finding('table3.row-total', row.cells[6]!.range, 'table3.row-total', { row: row.label, total: fmt(total), sum: fmt(sum) }, { expected: sum, replacement: fmt(sum), rowKey: row.key }));
    }
    return out;
  },
};
