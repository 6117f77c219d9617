/** Cells of a row: a token's cell, a row's value tokens made into exactly its cells (splitting
 *  run-together digits, split.ts), a slot made into the model's row. */
import { compact } from '../../text/normalize';
import type { Cell, Row, SplitInfo, Table } from '../../model';
import { noConstraint, splitCandidates, type Constraint } from '../split';
import type { Token } from '../tokenize';
import type { RowDef } from '../../template';
import { MONEY_UNITS, NUMERALS, YUAN } from '../../template/vocabulary';
import { mapped } from '../arrays';

export interface Slot {
  def: RowDef | null;
  label: Token;
  match: Row['match'];
  values: Token[];
  /** Values given from the orphan pool. */
  displaced?: boolean;
  cells?: Cell[];
  split?: SplitInfo;
  /** Its cells are its first values, one token each, and were read whatever the values (no split,
   *  no sum of the table consulted): a figure typed in one of those numbers changes that cell alone
   *  (stream.ts `patchedTable`). Cleared by whatever reads values to place or keep cells. */
  direct?: boolean;
}

export const NUMBERING = new RegExp(`^(?:\\(?[${NUMERALS}]{1,2}[)、.]|\\d{1,2}[.、])`);

type ValueKind = NonNullable<RowDef['valueKind']>[number];

/** Units of money: a count never carries one. In a column in 万元 (2021 table 二's fees) `1万` is
 *  1 万元, as `1万元` is, and `500元` is not 500; an amount column that names no unit (2019's
 *  采购总金额) takes the number as written, whatever its unit. */
const MONEY = new Set<string>(MONEY_UNITS);

/** The cell a token makes in a column of `kind`. A number that cannot be read as written is never
 *  given a value: too many digits, a count in 万, a separated cell that is not one number are
 *  invalid ('text'); digits elsewhere that would have to be split are unknown. */
function cellOf(t: Token, kind: ValueKind = 'count', wan = false): Cell {
  const range = { start: t.start, end: t.end };
  if (t.kind === 'num') {
    const raw = t.text + (t.unit ?? '');
    if (t.large) return { kind: 'text', value: null, raw, range, invalid: 'digits' };
    if (t.unit && MONEY.has(t.unit) && kind !== 'amount')
      return { kind: 'text', value: null, raw, range, invalid: 'unit' };
    if (t.unit === YUAN && wan) return { kind: 'text', value: null, raw, range, invalid: 'yuan' };
    if (!Number.isNaN(t.value)) return { kind: 'number', value: t.value!, raw: t.text, range };
    if (t.cell && t.padded !== undefined) return { kind: 'number', value: t.padded, raw: t.text, range };
    if (t.cell) return { kind: 'text', value: null, raw, range, invalid: 'word' };
    return { kind: 'unknown', value: null, raw, range };
  }
  if (t.kind === 'text') return { kind: 'text', value: null, raw: t.text, range, invalid: 'word' };
  if (t.kind === 'na') return { kind: 'na', value: null, raw: t.text, range };
  return { kind: 'blank', value: null, raw: '', range };
}

export const isValue = (t: Token) => t.kind === 'num' || t.kind === 'blank' || t.kind === 'na';
/** Fields a row may have beyond its columns: empty ones, and words (notes, spanned label columns). */
export const isLoose = (t: Token) => t.kind === 'blank' || t.kind === 'text';

/** Turns a row's value tokens into exactly `n` cells, splitting run-together digits if needed. */
export function fillCells(
  slot: Slot,
  n: number,
  constraint: Constraint,
  kinds: RowDef['valueKind'],
  decimals: boolean,
  wan = false,
): void {
  const vals = slot.values;
  const cellsOf = (ts: Token[]) => mapped(ts.slice(0, n), (t, i) => cellOf(t, kinds?.[i], wan));
  // A row of separated cells, one per column: each cell holds one value, there is nothing to split.
  if (vals.length === n && vals.every((t) => t.cell)) {
    slot.cells = cellsOf(vals);
    slot.direct = true;
    return;
  }
  // Digits too long to be exact are split only where the row lacks values (run together);
  // otherwise they are an invalid cell of their own. Only a row short of values is asked whether
  // its digits run together.
  const needsSplit =
    vals.some((t) => t.kind === 'num' && Number.isNaN(t.value) && !(t.large && vals.length >= n)) ||
    (vals.length > 0 &&
      vals.length < n &&
      vals.every((t) => t.kind === 'num' && /^-?[\d.]+$/.test(t.text)) &&
      vals.some((t) => t.text.replace(/^-/, '').length > 1));
  if (!needsSplit && vals.length >= n) {
    // Whether a row of n values or more needs a split depends on no plain number's digits.
    slot.cells = cellsOf(vals);
    slot.direct = true;
    return;
  }
  if (!needsSplit || vals.some((t) => t.kind !== 'num')) {
    // Too few values and nothing to split: the cells that are there, in order.
    slot.cells = cellsOf(vals);
    return;
  }
  const digits = vals.map((t) => t.text);
  const signed = kinds?.map((k) => k === 'signed');
  const unconstrained = constraint === noConstraint;
  let cands = splitCandidates(digits, n, constraint, {
    signed,
    decimals,
    ...(unconstrained ? { maxCandidates: 20, maxSteps: 2000 } : {}),
  });
  const range = { start: vals[0]!.start, end: vals[vals.length - 1]!.end };
  const raw = digits.join(' ');
  let how: SplitInfo['how'];
  // The likeliest readings first: parts of similar length (`89 | 89 | 89` before `8 | 9 | 8989`).
  const spread = (c: number[]) => {
    const l = c.map((v) => String(v).length);
    return l.reduce((a, b) => Math.max(a, b), 0) - l.reduce((a, b) => Math.min(a, b), Infinity);
  };
  cands.sort((a, b) => spread(a) - spread(b));
  if (cands.length === 1) how = 'unique';
  else if (cands.length === 0) {
    how = 'none';
    cands = splitCandidates(digits, n, noConstraint, { signed, decimals, maxCandidates: 10 });
  } else how = 'ambiguous';
  slot.split = { how, candidates: cands, raw, range };
  slot.cells = splitCells(slot, n, how === 'unique' ? cands[0]! : null);
}

export function splitCells(slot: Slot, n: number, values: number[] | null): Cell[] {
  const range = slot.split!.range;
  const cells: Cell[] = [];
  if (values) {
    // Locate each part inside the written digits so that every cell has its own range.
    let ti = 0;
    let pos = 0;
    for (const v of values) {
      const tok = slot.values[ti]!;
      const s = String(v);
      const start = tok.start + pos;
      cells.push({ kind: 'number', value: v, raw: s, range: { start, end: start + s.length } });
      pos += s.length;
      if (pos >= tok.text.length) {
        ti++;
        pos = 0;
      }
    }
    return cells;
  }
  for (let i = 0; i < n; i++) cells.push({ kind: 'unknown', value: null, raw: slot.split!.raw, range: { ...range } });
  return cells;
}

export const toRow = (s: Slot): Row => toRowAs(s, s.def?.key ?? '', s.label.text.replace(/\s+/g, ''));

/** The row of a slot under the key and label given (table 四's one row). Every row of the model is
 *  made by this one literal, so that rows share one shape (arrays.ts). */
export function toRowAs(s: Slot, key: string, label: string): Row {
  return {
    key,
    label,
    labelRange: { start: s.label.start, end: s.label.end },
    numbering: s.label.hit?.numbering ?? NUMBERING.exec(compact(s.label.text).text)?.[0] ?? '',
    cells: s.cells ?? [],
    match: s.match,
    ...(s.split ? { split: s.split } : {}),
    ...(s.displaced ? { displaced: true } : {}),
  };
}

export function tokensLayout(layout: Table['layout'], tokens: Token[]): Table['layout'] {
  if (
    layout !== 'run-together' &&
    tokens.some((t) => t.kind === 'num' && Number.isNaN(t.value)) &&
    tokens.filter((t) => t.kind === 'num').length < 20
  )
    return 'run-together';
  return layout;
}
