/**
 * table3.outcome-total — in a column of table 三, （七）总计 ≠ （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 +
 * Σ（五）1–5 + Σ（六）1–3 (2019: （六） as one row). Evaluated only where every outcome row is
 * there and known; blank cells count as 0, but a column blank on every outcome row is skipped. Range: the （七）总计 cell. Fix data: the expected value.
 */
import type { Finding } from './findings';
import { APPLICANT_COLUMNS } from '../template';
import { evaluate } from '../template/arithmetic';
import { finding, fmt, type Rule } from './rule';

export const table3OutcomeTotal: Rule = {
  code: 'table3.outcome-total',
  check({ report }) {
    const t = report.tables.applications;
    const out: Finding[] = [];
    for (const e of t ? evaluate(t, report.format, { only: ['outcome-total'] }) : []) {
      const total = e.left.terms[0]!;
      // Only a written （七）总计 can be wrong; a column left blank on every outcome row was not
      // filled in (reported as blank), not summed.
      if (total.cell?.kind !== 'number' || e.holds !== false || e.right.terms.every((p) => p.cell!.kind === 'blank')) continue;
      const [v, sum] = [e.left.sum!, e.right.sum!];
      const args = { column: APPLICANT_COLUMNS[e.column]!, total: fmt(v), sum: fmt(sum) };
      const data = { expected: sum, replacement: fmt(sum), rowKey: total.key };
      out.push(finding('table3.outcome-total', total.cell.range, 'table3.outcome-total', args, data));
    }
    return out;
  },
};
