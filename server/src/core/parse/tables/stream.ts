/**
 * A table's tokens (tokenize.ts), kept so that the table can be read again without tokenizing its
 * text again: the full parse hands a table's tokens to its second reading (another format), and the
 * editor keeps the tokens of the tables being edited (document/analysis.ts), so that a figure typed
 * inside a number changes one token (`patchNumber`) and the table is read again from its tokens,
 * or, where its reading depended on no value, only that number's cell is made again (`patchedTable`).
 */
import { table2Matcher, table3Matcher, table4Matcher } from '../labels';
import { PAGE_NUMBER, tokenize, type StreamResult, type Token } from '../tokenize';
import type { Cell, ParseNote, Table } from '../../model';
import type { Slot } from './cells';
import { REVIEW_WIDTH } from '../../template/arithmetic';
import type { TableKind } from '../../template';
import { lineEndAt, lineStartAt } from '../../text/lines';

/** The tokens of text[start, end) read as a table of `kind`. */
export function tokensOf(kind: TableKind, text: string, start: number, end: number): StreamResult {
  if (kind === 'active') return tokenize(text, start, end, table2Matcher());
  if (kind === 'applications') return tokenize(text, start, end, table3Matcher());
  return tokenize(text, start, end, table4Matcher(), REVIEW_WIDTH);
}

/** Moves every offset at or after `from` by `delta`, in place (an edit before or after the table). */
export function shiftTokens(stream: StreamResult, from: number, delta: number): void {
  if (!delta) return;
  const at = (x: number) => (x >= from ? x + delta : x);
  for (const t of stream.tokens) {
    t.start = at(t.start);
    t.end = at(t.end);
    if (t.hit) {
      t.hit.start = at(t.hit.start);
      t.hit.end = at(t.hit.end);
      t.hit.labelStart = at(t.hit.labelStart);
    }
  }
}

/** Digits a token reads as one exact value, as written (no sign, no leading zero, no separator). */
const PLAIN = /^(?:0|[1-9]\d{0,14})$/;

/**
 * The tokens after text[s, e) of the table was replaced by `inserted` characters (`text`: the
 * analysis text after the edit), when the edit only changed the digits of a number standing alone
 * in its cell: the number was, and is, plain digits (PLAIN) with only spaces between it and its
 * cell's separators (`|`, a tab, or in space-aligned lines the words around it), on a line that
 * does not become a page number. Tokenizing the new text then gives the same tokens but that one
 * (its text, value and end) and the offsets after it: that is what the stream becomes, and that
 * token is returned. Anything else returns null and leaves the stream as it was (the caller
 * tokenizes again).
 */
export function patchNumber(stream: StreamResult, text: string, s: number, e: number, inserted: number): Token | null {
  const delta = inserted - (e - s);
  const tokens = stream.tokens;
  let k = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'num' && t.start <= s && e <= t.end) k = i;
  }
  if (k < 0) return null;
  const t = tokens[k]!;
  if (t.unit || t.large || t.padded !== undefined || t.end - t.start !== t.text.length || !PLAIN.test(t.text))
    return null;
  if (t.value !== Number(t.text)) return null;
  const end = t.end + delta;
  const digits = text.slice(t.start, end);
  if (!PLAIN.test(digits)) return null;
  const ls = lineStartAt(text, t.start);
  let le = lineEndAt(text, t.start);
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  const line = text.slice(ls, le);
  if (PAGE_NUMBER.test(line)) return null;
  // The cell's separator: the line's mode as tokenize.ts splitLine decides it.
  const sep = line.includes('|') ? 124 : line.includes('\t') ? 9 : -1;
  let a = t.start;
  while (a > ls && text.charCodeAt(a - 1) === 32) a--;
  if (a > ls && (sep < 0 ? a === t.start : text.charCodeAt(a - 1) !== sep)) return null;
  let b = end;
  while (b < le && text.charCodeAt(b) === 32) b++;
  if (b < le && (sep < 0 ? b === end : text.charCodeAt(b) !== sep)) return null;
  // The token's end and everything after it move (no token overlaps it).
  shiftTokens(stream, t.end, delta);
  t.text = digits;
  t.value = Number(digits);
  return t;
}

/** Called by each table reader with the slots its table's rows were made from (its rows, in
 *  order), for `patchedTable`. A property of the stream, not a WeakMap beside it: with a WeakMap
 *  (whose entries the garbage collector traces apart), `check` and `tables` on 1,000 reports took
 *  ~13–15 % more CPU. */
export function keepSlots(stream: StreamResult, slots: readonly Slot[]): void {
  stream.slots = slots;
}

/**
 * The table after `patchNumber` changed token `t` of its stream, without reading it again: where
 * the table was last read from this stream, and `t` is one of the values of a row read whatever the
 * values (cells.ts `Slot.direct`: no split, no sum of the table asked where a row goes or whether
 * it stays), reading the table again would give the same table but for t's cell. That cell is made
 * anew (the table, its rows array and that row are copies; nothing of `table` changes). Null when
 * the table must be read again: t's cell is not a number, or a note of the reading covers t.
 */
export function patchedTable(
  stream: StreamResult,
  table: Table | null,
  notes: readonly ParseNote[],
  t: Token,
): Table | null {
  const slots = stream.slots;
  if (!table || !slots || slots.length !== table.rows.length) return null;
  for (const n of notes) if (n.range.start <= t.end && t.start <= n.range.end) return null;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const k = slot.values.indexOf(t);
    if (k < 0) continue;
    const row = table.rows[i]!;
    if (!slot.direct || k >= row.cells.length || row.cells[k]!.kind !== 'number') return null;
    const cell: Cell = { kind: 'number', value: t.value!, raw: t.text, range: { start: t.start, end: t.end } };
    const cells = row.cells.slice();
    cells[k] = cell;
    const rows = table.rows.slice();
    rows[i] = { ...row, cells };
    return { ...table, rows };
  }
  return null;
}
