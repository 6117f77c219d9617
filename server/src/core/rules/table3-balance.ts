/**
 * table3.balance — the rule printed in table 三's corner: in each column, 一 + 二 = （七）总计 + 四
 * (第一项加第二项之和，等于第三项加第四项之和). Range: the （七）总计 cell of the column.
 * Fix data: the value of （七）总计 that would balance.
 */
import type { Finding } from './findings';
import { APPLICANT_COLUMNS } from '../template';
import { evaluate, type ValuedTerm } from '../template/arithmetic';
import { finding, fmt, type Rule } from './rule';

export const table3Balance: Rule = {
  code: 'table3.balance',
  check({ report }) {
    const t = report.tables.applications;
    const out: Finding[] = [];
    for (const e of t ? evaluate(t, report.format, { only: ['balance'] }) : []) {
      // Not evaluated where a row is missing or a value unknown, nor where all four cells are unwritten.
      const terms = [...e.left.terms, ...e.right.terms];
      if (e.holds !== false || !terms.some((x) => x.cell?.kind === 'number')) continue;
      const [total, fwd] = e.right.terms as [ValuedTerm, ValuedTerm];
      const cell = (total.cell!.kind === 'number' ? total : fwd).cell!;
      const expected = e.left.sum! - fwd.value!;
      const args = { left: fmt(e.left.sum!), right: fmt(e.right.sum!), column: APPLICANT_COLUMNS[e.column]! };
      out.push(finding('table3.balance', cell.range, 'table3.balance', args, { expected, replacement: fmt(expected), rowKey: total.key }));
    }
    return out;
  },
};
