/**
 * table3.outcome-total — in a column of table 三, （七）总计 ≠ （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 +
 * Σ（五）1–5 + Σ（六）1–3 (2019: （六） as one row). Evaluated only where every outcome row is
 * there and known; blank cells count as 0, but a column blank on every outcome row is skipped.
 * Range: the （七）总计 cell. Fix: the computed value (with the row's 总计 when the cell is an
 * applicant column's).
 */
import { APPLICANT_COLUMNS } from '../template';
import { evaluate } from '../template/arithmetic';
import { fmt, found, setCell, type Found, type Rule } from './rule';

/** The computed value (the inlay hints and the preview show it too). */
type Data = { expected: number; replacement: string; rowKey: string };

export const table3OutcomeTotal: Rule<'table3.outcome-total', Data> = {
  code: 'table3.outcome-total',
  severity: 'error',
  figures: ['applications'],
  description: {
    'zh-CN': '某列的（七）总计 ≠ 各项办理结果之和',
    en: '（七）总计 ≠ the sum of the outcome rows in a column',
  },
  messages: {
    'table3.outcome-total': {
      'zh-CN': '（七）总计{total} ≠ 各项办理结果之和{sum}（{column}列）',
      en: '（七）总计 {total} ≠ the outcome rows’ sum {sum} ({column} column)',
    },
    'table3.outcome-total.fix': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  },
  check({ report }) {
    const t = report.tables.applications;
    const out: Found<Data>[] = [];
    for (const e of t ? evaluate(t, report.format, { only: ['outcome-total'], failing: true }) : []) {
      const total = e.left.terms[0]!;
      // Only a written （七）总计 can be wrong; a column left blank on every outcome row was not
      // filled in (reported as blank), not summed.
      if (total.cell?.kind !== 'number' || e.holds !== false || e.right.terms.every((p) => p.cell!.kind === 'blank'))
        continue;
      const [v, sum] = [e.left.sum!, e.right.sum!];
      const args = { column: APPLICANT_COLUMNS[e.column]!, total: fmt(v), sum: fmt(sum) };
      const data = { expected: sum, replacement: fmt(sum), rowKey: total.key };
      out.push(found(total.cell.range, 'table3.outcome-total', args, data));
    }
    return out;
  },
  safeFix: false,
  fix(f, { report }) {
    return setCell(f, report, 'table3.outcome-total.fix');
  },
};
