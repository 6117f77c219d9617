/**
 * table3.balance — the rule printed in table 三's corner: in each column, 一 + 二 = （七）总计 + 四
 * (第一项加第二项之和，等于第三项加第四项之和). Any of the four cells may be the wrong one: the
 * message says the difference, the range is on （七）总计 (四 when （七） is not written) and the
 * other three cells are related information. Fix: one candidate per cell, the value that alone
 * balances the column (with the row's 总计 when the cell is an applicant column's); features/fixes.ts
 * offers only those after which every rule holds, so none when no single cell does.
 */
import type { Report } from '../model';
import { APPLICANT_COLUMNS } from '../template';
import { APPLICANT_TOTAL, evaluate, type ValuedTerm } from '../template/arithmetic';
import type { Related } from './findings';
import { fmt, found, type Edit, type FixCandidate, type Found, type Rule } from './rule';

/** One of the four cells and the value that alone would balance its column. */
type Candidate = { start: number; end: number; key: string; column: number; value: number; label: string };
/** The value of （七）总计 that balances (the inlay hints and the preview show it too), and the four cells. */
type Data = { expected: number; replacement: string; rowKey: string; cells: Candidate[] };

export const table3Balance: Rule<'table3.balance', Data> = {
  code: 'table3.balance',
  severity: 'error',
  figures: ['applications'],
  description: {
    'zh-CN': '某列中 一 + 二 ≠ （七）总计 + 四（表角注明的勾稽关系）',
    en: "一 + 二 ≠ （七）总计 + 四 in a column (the corner note's rule)",
  },
  messages: {
    'table3.balance': {
      'zh-CN':
        '第一项加第二项之和{left} ≠ 第三项加第四项之和{right}，相差{diff}（{column}列）：四个单元格中任一个都可能有误',
      en: 'Items 一 + 二 = {left} ≠ items 三 + 四 = {right}, {diff} apart ({column} column): any of the four cells may be wrong',
    },
    'table3.balance.related': {
      'zh-CN': '参与本列勾稽关系：“{row}”为{value}（{column}列）',
      en: 'Part of the column’s balance: “{row}” is {value} ({column} column)',
    },
    'table3.balance.fix': { 'zh-CN': '将“{row}”改为 {value}', en: 'Set “{row}” to {value}' },
  },
  check({ report }) {
    const t = report.tables.applications;
    const out: Found<Data>[] = [];
    for (const e of t ? evaluate(t, report.format, { only: ['balance'], failing: true }) : []) {
      // Not evaluated where a row is missing or a value unknown, nor where all four cells are unwritten.
      const terms = [...e.left.terms, ...e.right.terms];
      if (e.holds !== false || !terms.some((x) => x.cell?.kind === 'number')) continue;
      const [total, fwd] = e.right.terms as [ValuedTerm, ValuedTerm];
      const primary = total.cell!.kind === 'number' ? total : fwd;
      const diff = e.left.sum! - e.right.sum!;
      const expected = e.left.sum! - fwd.value!;
      const column = APPLICANT_COLUMNS[e.column]!;
      const args = { left: fmt(e.left.sum!), right: fmt(e.right.sum!), column, diff: fmt(Math.abs(diff)) };
      // Each cell's value that alone would balance: a left cell less the difference, a right one plus it.
      const cells: Candidate[] = terms.map((x) => ({
        start: x.cell!.range.start,
        end: x.cell!.range.end,
        key: x.key,
        column: x.column,
        value: e.left.terms.includes(x) ? x.value! - diff : x.value! + diff,
        label: x.row!.label,
      }));
      const related: Related[] = terms
        .filter((x) => x !== primary)
        .map((x) => ({
          range: { ...x.cell!.range },
          message: { id: 'table3.balance.related', args: { row: x.row!.label, value: fmt(x.value!), column } },
        }));
      const data = { expected, replacement: fmt(expected), rowKey: total.key, cells };
      out.push({ ...found(primary.cell!.range, 'table3.balance', args, data), related });
    }
    return out;
  },
  safeFix: false,
  fix(f, { report }) {
    const out: FixCandidate[] = [];
    for (const c of f.data?.cells ?? []) if (c.value >= 0) out.push(setValue(report, c));
    return out;
  },
};

/** One cell set to `c.value`; an applicant column's cell moves its row's 总计 with it. */
function setValue(report: Report, c: Candidate): FixCandidate {
  const edits: Edit[] = [{ start: c.start, end: c.end, newText: fmt(c.value) }];
  const row = report.tables.applications?.rows.find((r) => r.key === c.key);
  const cur = row?.cells[c.column];
  const total = row?.cells[APPLICANT_TOTAL];
  if (c.column < APPLICANT_TOTAL && cur?.kind === 'number' && total?.kind === 'number')
    edits.push({
      start: total.range.start,
      end: total.range.end,
      newText: fmt(total.value! + c.value - cur.value!),
    });
  return { title: { id: 'table3.balance.fix', args: { row: c.label, value: fmt(c.value) } }, edits };
}
