/**
 * table3.balance — the rule printed in table 三's corner: in each column, 一 + 二 = （七）总计 + 四
 * (第一项加第二项之和，等于第三项加第四项之和). Range: the （七）总计 cell of the column.
 * Fix: the value of （七）总计 that would balance
 * (with the row's 总计 when the cell is an applicant column's).
 */
import { APPLICANT_COLUMNS } from '../template';
import { evaluate, type ValuedTerm } from '../template/arithmetic';
import { fmt, found, setCell, type Found, type Rule } from './rule';

/** The value of （七）总计 that balances (the inlay hints and the preview show it too). */
type Data = { expected: number; replacement: string; rowKey: string };

export const table3Balance: Rule<'table3.balance', Data> = {
  code: 'table3.balance',
  severity: 'error',
  description: {
    'zh-CN': '某列中 一 + 二 ≠ （七）总计 + 四（表角注明的勾稽关系）',
    en: "一 + 二 ≠ （七）总计 + 四 in a column (the corner note's rule)",
  },
  messages: {
    'table3.balance': {
      'zh-CN': '第一项加第二项之和{left} ≠ 第三项加第四项之和{right}（{column}列）',
      en: 'Items 一 + 二 = {left} ≠ items 三 + 四 = {right} ({column} column)',
    },
    'table3.balance.fix': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  },
  check({ report }) {
    const t = report.tables.applications;
    const out: Found<Data>[] = [];
    for (const e of t ? evaluate(t, report.format, { only: ['balance'] }) : []) {
      // Not evaluated where a row is missing or a value unknown, nor where all four cells are unwritten.
      const terms = [...e.left.terms, ...e.right.terms];
      if (e.holds !== false || !terms.some((x) => x.cell?.kind === 'number')) continue;
      const [total, fwd] = e.right.terms as [ValuedTerm, ValuedTerm];
      const cell = (total.cell!.kind === 'number' ? total : fwd).cell!;
      const expected = e.left.sum! - fwd.value!;
      const args = { left: fmt(e.left.sum!), right: fmt(e.right.sum!), column: APPLICANT_COLUMNS[e.column]! };
      out.push(found(cell.range, 'table3.balance', args, { expected, replacement: fmt(expected), rowKey: total.key }));
    }
    return out;
  },
  safeFix: false,
  fix(f, { report }) {
    return setCell(f, report, 'table3.balance.fix');
  },
};
