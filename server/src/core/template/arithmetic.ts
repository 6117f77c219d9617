/**
 * The format's arithmetic as data: every equation the national format prints or implies, stated once,
 * and one evaluator. Table 三: each row's 总计 is the sum of the six applicant columns (row total);
 * in each column （七）总计 is the sum of the outcome rows (outcome total); in each column 一 + 二 =
 * （七）总计 + 四 (the corner balance). Table 四: in each of its blocks, 总计 is the sum of the four
 * results. Column counts and row lists come from the template (index.ts), never from numbers here.
 *
 * The evaluator returns, per equation and per column, both sides, whether every cell was known and
 * which cells take part; what to do with an equation that fails or is not known is the caller's
 * business (the split chooser, the four total rules, hover, the preview, the narrative rule).
 */
import type { Cell, Row, Table } from '../model';
import { APPLICANT_COLUMNS, applicationRows, REVIEW_BLOCKS, REVIEW_COLUMNS, type Format } from './index';

export type EquationId = 'row-total' | 'outcome-total' | 'balance' | 'review-block';

/** Table 三's columns: the six kinds of applicant, then their 总计. */
export const APPLICANT_WIDTH: number = APPLICANT_COLUMNS.length;
export const APPLICANT_TOTAL: number = APPLICANT_WIDTH - 1;
/** Table 四: one row of blocks (行政复议, 直接起诉, 复议后起诉), each of four results then its 总计. */
export const REVIEW_BLOCK_WIDTH: number = REVIEW_COLUMNS.length;
export const REVIEW_WIDTH: number = REVIEW_BLOCKS.length * REVIEW_BLOCK_WIDTH;
/** The key of table 四's one row. */
export const REVIEW_ROW = 'review';

/** （七）总计: in each column, the sum of the outcome rows of 三、本年度办理结果. */
export const OUTCOME_TOTAL = 'totalProcessed';
/** The corner note of table 三, per column: 第一项加第二项之和，等于第三项（（七）总计）加第四项之和. */
export const BALANCE = { left: ['newReceived', 'carriedOver'], right: [OUTCOME_TOTAL, 'carriedForward'] } as const;
/** The rows the balance names. */
export const BALANCE_ROWS: readonly string[] = [...BALANCE.left, ...BALANCE.right];

/** The group of rows （六）其他处理 and its 2019 form: one row with numbers, keyed as the group. */
const OTHER = 'other';

/** The outcome rows whose sum is （七）总计, in the template's order. With a table: a 2021 report
 *  that prints （六）其他处理 as one row with numbers (as 2019 does) and none of its items has that
 *  row stand for its items. */
export function outcomeRowKeys(format: Format, table?: Pick<Table, 'rows'> | null): readonly string[] {
  const o = outcomesOf(format);
  if (!table || !o.items.length) return o.keys;
  const has = (k: string) => table.rows.some((r) => r.key === k);
  return has(OTHER) && !o.items.some(has) ? o.grouped : o.keys;
}

/** outcomeRowKeys's lists of a format, made once: the rows, the items of （六）其他处理, and the rows
 *  with the group in place of its items. */
const OUTCOMES = new Map<Format, { keys: string[]; items: string[]; grouped: string[] }>();
function outcomesOf(format: Format): { keys: string[]; items: string[]; grouped: string[] } {
  let o = OUTCOMES.get(format);
  if (o) return o;
  const defs = applicationRows(format);
  const start = defs.findIndex((d) => d.key === '' && d.numbering === '三、');
  const end = defs.findIndex((d) => d.key === OUTCOME_TOTAL);
  const rows = defs.slice(start + 1, end).filter((d) => d.values > 0);
  o = {
    keys: rows.map((d) => d.key),
    items: rows.filter((d) => d.group === OTHER).map((d) => d.key),
    grouped: [...rows.filter((d) => d.group !== OTHER).map((d) => d.key), OTHER],
  };
  OUTCOMES.set(format, o);
  return o;
}

/** A cell that takes part in an equation: a row (null when the table lacks it) and a column. */
export interface Term {
  key: string;
  column: number;
  row: Row | null;
}

/** One equation in one column (or, for the row total, one row; for table 四, one block). */
export interface Equation {
  equation: EquationId;
  /** The column of table 三 (outcome total, balance), or the column of the total (row total, blocks). */
  column: number;
  /** Row total: the row. */
  row?: Row;
  /** Table 四: the block (index into REVIEW_BLOCKS). */
  block?: number;
  /** The total side (总计; 一 + 二 for the balance) and the parts (（七）总计 + 四 for the balance). */
  left: Term[];
  right: Term[];
}

export interface ValuedTerm extends Term {
  cell: Cell | null;
  value: number | null;
}

export interface Side {
  terms: ValuedTerm[];
  /** The sum, when every term is known. */
  sum: number | null;
}

export interface Evaluation extends Omit<Equation, 'left' | 'right'> {
  left: Side;
  right: Side;
  /** Every row is there and every cell's value known. */
  known: boolean;
  /** Whether both sides are equal; null when not known. */
  holds: boolean | null;
}

/** A cell's value in a sum. */
export type Valuation = (row: Row, column: number) => number | null;

/** A cell's value for arithmetic (as rules/rule.ts `num`): its number; 0 for a blank or n/a cell
 *  (reported on their own); null when the value is unknown or invalid, or the cell is absent. */
export const cellValue: Valuation = (row, c) => {
  const cell = row.cells[c];
  if (!cell) return null;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'blank' || cell.kind === 'na') return 0;
  return null;
};

/** Whether the reader placed a row's values with certainty: not recovered from a scrambled reading
 *  order (`displaced`: given in order to a label that had none), and as many as its table's columns
 *  (tables 三 and 四; a short row's values could stand in any column). A sum over a row that is not
 *  placed says nothing: in every equation its cells count as unknown, whatever the valuation. */
export function placed(row: Row): boolean {
  return !row.displaced && row.cells.length === (row.key === REVIEW_ROW ? REVIEW_WIDTH : APPLICANT_WIDTH);
}

/** Totals within one row, read from the template's columns: blocks of `width` cells whose last
 *  cell is the sum of the others. */
function rowBlocks(kind: Table['kind']): { width: number; blocks: number } | null {
  if (kind === 'applications') return { width: APPLICANT_WIDTH, blocks: 1 };
  if (kind === 'review') return { width: REVIEW_BLOCK_WIDTH, blocks: REVIEW_BLOCKS.length };
  return null;
}

function blockTerms(row: Row, base: number, width: number): { left: Term[]; right: Term[] } {
  const right: Term[] = [];
  for (let k = 0; k < width - 1; k++) right.push({ key: row.key, column: base + k, row });
  return { left: [{ key: row.key, column: base + width - 1, row }], right };
}

/** The total side of the outcome equation. */
const TOTAL: readonly string[] = [OUTCOME_TOTAL];

/** The equations of a table, with the cells each one takes part with (no values yet). With
 *  `differ`, only those whose two sums are known and differ under that valuation: the others are
 *  never built (what `evaluate` asks for the rules, after every keystroke). */
export function equations(
  table: Pick<Table, 'kind' | 'rows'>,
  format: Format,
  only?: readonly EquationId[],
  differ?: Valuation,
): Equation[] {
  const want = (id: EquationId) => !only || only.includes(id);
  const out: Equation[] = [];
  const shape = rowBlocks(table.kind);
  if (!shape) return out;
  const { width, blocks } = shape;
  /** A block of a row: whether its total and the sum of its parts are known and differ. */
  const blockDiffers = (row: Row, base: number) => {
    if (!differ) return true;
    if (!placed(row)) return false;
    const total = differ(row, base + width - 1);
    if (total === null) return false;
    let sum = 0;
    for (let k = 0; k < width - 1; k++) {
      const v = differ(row, base + k);
      if (v === null) return false;
      sum += v;
    }
    return sum !== total;
  };
  if (table.kind === 'review') {
    const row = table.rows[0];
    if (!want('review-block') || !row || row.cells.length !== width * blocks) return out;
    for (let b = 0; b < blocks; b++) {
      if (!blockDiffers(row, b * width)) continue;
      const { left, right } = blockTerms(row, b * width, width);
      out.push({ equation: 'review-block', column: b * width + width - 1, block: b, left, right });
    }
    return out;
  }
  if (want('row-total'))
    for (const row of table.rows)
      if (row.cells.length === width && blockDiffers(row, 0)) {
        const { left, right } = blockTerms(row, 0, width);
        out.push({ equation: 'row-total', column: width - 1, row, left, right });
      }
  if (!want('outcome-total') && !want('balance')) return out;
  const first = new Map<string, Row>();
  for (const r of table.rows) if (!first.has(r.key)) first.set(r.key, r);
  const term = (key: string, column: number): Term => ({ key, column, row: first.get(key) ?? null });
  /** The sum of the rows' cells in column c; null when one is unknown. */
  const sum = (keys: readonly string[], c: number): number | null => {
    let n = 0;
    for (const k of keys) {
      const row = first.get(k);
      const v = row && placed(row) ? differ!(row, c) : null;
      if (v === null) return null;
      n += v;
    }
    return n;
  };
  const differs = (left: readonly string[], right: readonly string[], c: number) => {
    if (!differ) return true;
    const l = sum(left, c);
    const r = l === null ? null : sum(right, c);
    return r !== null && l !== r;
  };
  const outcomes = want('outcome-total') ? outcomeRowKeys(format, table) : [];
  for (let c = 0; c < width; c++) {
    if (want('outcome-total') && differs(TOTAL, outcomes, c))
      out.push({
        equation: 'outcome-total',
        column: c,
        left: [term(OUTCOME_TOTAL, c)],
        right: outcomes.map((k) => term(k, c)),
      });
    if (want('balance') && differs(BALANCE.left, BALANCE.right, c))
      out.push({
        equation: 'balance',
        column: c,
        left: BALANCE.left.map((k) => term(k, c)),
        right: BALANCE.right.map((k) => term(k, c)),
      });
  }
  return out;
}

function side(terms: Term[], value: Valuation): Side {
  let sum: number | null = 0;
  const valued: ValuedTerm[] = [];
  for (const t of terms) {
    const v = t.row && placed(t.row) ? value(t.row, t.column) : null;
    valued.push({ key: t.key, column: t.column, row: t.row, cell: t.row?.cells[t.column] ?? null, value: v });
    sum = sum === null || v === null ? null : sum + v;
  }
  return { terms: valued, sum };
}

const hasBlank = (s: Side) => s.terms.some((t) => t.cell?.kind === 'blank');

/** Whether an equation that fails with its blank cells read as 0 fails whatever counts they hold:
 *  blanks only add, so the side with blanks must already be the larger one (or none is blank). */
function mustFail(left: Side, right: Side): boolean {
  const l = left.sum!;
  const r = right.sum!;
  if (hasBlank(left) && hasBlank(right)) return false;
  if (hasBlank(left)) return l > r;
  if (hasBlank(right)) return r > l;
  return true;
}

/** Values the equations: both sides, whether every cell was known, whether they are equal. */
export function valueEquation(e: Equation, value: Valuation = cellValue): Evaluation {
  const left = side(e.left, value);
  const right = side(e.right, value);
  let known = left.sum !== null && right.sum !== null;
  let holds = known ? left.sum === right.sum : null;
  // A blank cell is not 0 (table.cell-blank says so): it stands for a count the report did not
  // give. An equation with blank cells fails only when no count in them could make it hold.
  if (holds === false && value === cellValue && !mustFail(left, right)) {
    known = false;
    holds = null;
  }
  const out: Evaluation = {
    equation: e.equation,
    column: e.column,
    left,
    right,
    known,
    holds,
  };
  if (e.row) out.row = e.row;
  if (e.block !== undefined) out.block = e.block;
  return out;
}

export interface EvaluateOptions {
  only?: readonly EquationId[];
  value?: Valuation;
  /** Only the equations that fail (`holds === false`), the others not valued at all: what the
   *  rules report. An equation is valued in full only when both its sums are known and differ. */
  failing?: boolean;
}

/** Every equation of a table, valued (by default with `cellValue`). */
export function evaluate(table: Pick<Table, 'kind' | 'rows'>, format: Format, o: EvaluateOptions = {}): Evaluation[] {
  if (!o.failing) return equations(table, format, o.only).map((e) => valueEquation(e, o.value));
  // Only the equations whose sums are known and differ are built, then valued in full.
  const value = o.value ?? cellValue;
  const out: Evaluation[] = [];
  for (const e of equations(table, format, o.only, value)) {
    const v = valueEquation(e, value);
    if (v.holds === false) out.push(v);
  }
  return out;
}

/** Whether no equation that can be evaluated fails (the split chooser's question). */
export function noneFails(eqs: readonly Equation[], value: Valuation): boolean {
  for (const e of eqs) {
    let l = 0;
    let r = 0;
    let known = true;
    for (const t of e.left) {
      const v = t.row ? value(t.row, t.column) : null;
      if (v === null) known = false;
      else l += v;
    }
    for (const t of e.right) {
      const v = t.row ? value(t.row, t.column) : null;
      if (v === null) known = false;
      else r += v;
    }
    if (known && l !== r) return false;
  }
  return true;
}

/** The row totals of a row's values (a candidate split): in each block of the table's row, the last
 *  value is the sum of the others. */
export function rowTotalsHold(kind: 'applications' | 'review', values: readonly number[]): boolean {
  const { width } = rowBlocks(kind)!;
  for (let b = 0; b + width - 1 < values.length; b += width) {
    let s = 0;
    for (let k = 0; k < width - 1; k++) s += values[b + k]!;
    if (s !== values[b + width - 1]!) return false;
  }
  return true;
}
