/**
 * table.cell-invalid — a cell is not a number of the right kind: a negative count, a decimal count
 * (only amounts in 万元/元 may have decimals, only 本年增/减 may be negative); or not a number at all
 * (model: a 'text' cell): a word in a separated cell (`abc`, `NaN`, `½`, `①`, `٣`), more digits
 * than can be read exactly (past 2^53: the value is never rounded), a count written with a money
 * unit (`1万`: 10,000 is not guessed), an amount in 元 where the column is in 万元.
 * Range: the cell.
 */
import type { Finding } from './findings';
import { activeTable } from '../template';
import { finding, type Rule } from './rule';

export const tableCellInvalid: Rule = {
  code: 'table.cell-invalid',
  check({ report }) {
    const out: Finding[] = [];
    const { active, applications, review } = report.tables;
    const defs = activeTable(report.format).captions.flatMap((c) => c.rows);
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const kinds = t === active ? defs.find((d) => d.key === row.key)?.valueKind : undefined;
        row.cells.forEach((c, i) => {
          if (c.kind === 'text') {
            out.push(finding('table.cell-invalid', c.range, `table.cell-invalid.${c.invalid ?? 'word'}`, { value: c.raw }));
            return;
          }
          if (c.kind !== 'number' || c.value === null) return;
          const kind = kinds?.[i] ?? 'count';
          if (kind !== 'signed' && c.value < 0) out.push(finding('table.cell-invalid', c.range, 'table.cell-invalid.negative', { value: c.raw }));
          else if (kind !== 'amount' && !Number.isInteger(c.value)) out.push(finding('table.cell-invalid', c.range, 'table.cell-invalid.decimal', { value: c.raw }));
        });
      }
    }
    return out;
  },
};
