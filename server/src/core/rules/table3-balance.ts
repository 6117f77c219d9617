/**
 * table3.balance — the rule printed in table 三's corner: in each column, 一 + 二 = （七）总计 + 四
 * (第一项加第二项之和，等于第三项加第四项之和). Range: the （七）总计 cell of the column.
 * Fix data: the value of （七）总计 that would balance.
 */
import type { Finding } from './findings';
import { APPLICANT_COLUMNS } from '../template';
import { finding, fmt, num, rowOf, written, type Rule } from './rule';

export const table3Balance: Rule = {
  code: 'table3.balance',
  check({ report }) {
    const t = report.tables.applications;
    const [a, b, total, fwd] = ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map((k) => rowOf(t, k));
    if (!a || !b || !total || !fwd) return [];
    const out: Finding[] = [];
    for (let c = 0; c < 7; c++) {
      if (![a, b, total, fwd].some((r) => written(r, c))) continue;
      const va = num(a, c);
      const vb = num(b, c);
      const vt = num(total, c);
      const vf = num(fwd, c);
      if (va === null || vb === null || vt === null || vf === null) continue;
      if (va + vb === vt + vf) continue;
      const cell = (written(total, c) ? total : fwd).cells[c]!;
      out.push(
        finding('table3.balance', cell.range, 'table3.balance', { left: fmt(va + vb), right: fmt(vt + vf), column: APPLICANT_COLUMNS[c]! }, { expected: va + vb - vf, replacement: fmt(va + vb - vf), rowKey: 'totalProcessed' }),
      );
    }
    return out;
  },
};
