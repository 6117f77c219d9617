/**
 * table3.outcome-total — in a column of table 三, （七）总计 ≠ （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 +
 * Σ（五）1–5 + Σ（六）1–3 (2019: （六） as one row). Evaluated only where every outcome row is
 * there and known; blank cells count as 0, but a column blank on every outcome row is skipped. Range: the （七）总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { APPLICANT_COLUMNS, outcomeRowKeys } from '../template';
import { finding, fmt, num, rowOf, written, type Rule } from './rule';

export const table3OutcomeTotal: Rule = {
  code: 'table3.outcome-total',
  check({ report }) {
    const t = report.tables.applications;
    const total = rowOf(t, 'totalProcessed');
    if (!t || !total) return [];
    let keys = outcomeRowKeys(report.format);
    // A 2021 report printing （六） as one row: that row stands for its three items.
    if (report.format === '2021' && rowOf(t, 'other') && !keys.some((k) => k.startsWith('other.') && rowOf(t, k))) keys = [...keys.filter((k) => !k.startsWith('other.')), 'other'];
    const rows = keys.map((k) => rowOf(t, k));
    if (rows.some((r) => !r)) return [];
    const out: Finding[] = [];
    for (let c = 0; c < 7; c++) {
      if (!written(total, c)) continue;
      const vals = rows.map((r) => num(r, c));
      if (vals.some((v) => v === null)) continue;
      // A column left blank on every outcome row was not filled in (reported as blank), not summed.
      if (rows.every((r) => r!.cells[c]?.kind === 'blank')) continue;
      const sum = (vals as number[]).reduce((a, b) => a + b, 0);
      const v = num(total, c)!;
      if (sum !== v) out.push(finding('table3.outcome-total', total.cells[c]!.range, 'table3.outcome-total', { column: APPLICANT_COLUMNS[c]!, total: fmt(v), sum: fmt(sum) }, { expected: sum, replacement: fmt(sum), rowKey: 'totalProcessed' }));
    }
    return out;
  },
};
