/**
 * Labels and values apart (table 三 of PDF→Markdown copies): lines that hold a row's values and
 * nothing else, after a block of labels printed alone (often broken over lines), or where a row's
 * label cell came out blank. Such lines are placed in the template's order between the last row
 * before them that has its values and the next one: by position where a row with its values follows
 * (the neighbours fix them), and where none follows only when the table's column sums confirm it.
 * Otherwise the values stay unplaced (a parse note: the reader's doubt, never a defect).
 */
import type { Cell, Row } from '../../model';
import type { RowDef } from '../../template';
import { APPLICANT_WIDTH, evaluate } from '../../template/arithmetic';
import { token, type Token } from '../tokenize';
import type { AssignOptions } from './assign';
import { isValue, toRow, type Slot } from './cells';
import { mapped } from '../arrays';

export interface BareLine {
  tokens: Token[];
  /** The blank first cell where the row's label was lost. */
  lead?: Token;
  /** Every token of the line. */
  all: Token[];
}

/** Lines after a row label holding exactly `width` values and nothing else (a blank first cell, a
 *  lost label, and blank padding at the end aside). */
export function bareLines(tokens: Token[], width: number): { lines: BareLine[]; skip: Set<Token> } {
  const lines: BareLine[] = [];
  const skip = new Set<Token>();
  let labelSeen = false;
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j]!.line === tokens[i]!.line) j++;
    let a = i;
    let b = j;
    let values = labelSeen;
    for (let k = i; k < j && values; k++) values = isValue(tokens[k]!);
    if (values) {
      while (b - a > width && tokens[b - 1]!.kind === 'blank') b--;
      const lead = b - a > width && tokens[a]!.kind === 'blank' ? tokens[a++] : undefined;
      const own = tokens.slice(a, b);
      if (own.length === width && own.some((t) => t.kind === 'num')) {
        const all = tokens.slice(i, j);
        lines.push(lead ? { tokens: own, lead, all } : { tokens: own, all });
        for (let k = i; k < j; k++) skip.add(tokens[k]!);
      }
    }
    for (let k = i; k < j; k++)
      if (tokens[k]!.kind === 'label' && tokens[k]!.hit!.entry.kind === 'row') labelSeen = true;
    i = j;
  }
  return { lines, skip };
}

/** Rows placed from bare lines: whether the sums must confirm them, and how to undo them. */
export interface Placed {
  slots: Slot[];
  created: Set<Slot>;
  confirm: boolean;
  values: Token[];
}

export function unplaced(o: AssignOptions, values: Token[]): void {
  if (!values.length) return;
  o.notes.push({
    kind: 'unplaced-values',
    range: { start: values[0]!.start, end: values[values.length - 1]!.end },
    table: o.table,
    detail: values.map((t) => t.text).join(' '),
  });
}

/** Places the bare lines among `slots` (in place); returns what was placed and the lines that
 *  could not be. */
export function placeApart(
  slots: Slot[],
  lines: BareLine[],
  o: AssignOptions,
): { placed: Placed[]; failed: BareLine[] } {
  const out: Placed[] = [];
  const failed: BareLine[] = [];
  const valueDefs = o.defs.filter((d) => d.values);
  // Segments: consecutive lines with the same row label before them.
  const before = (l: BareLine) => {
    let n = 0;
    while (n < slots.length && slots[n]!.label.start < l.tokens[0]!.start) n++;
    return n;
  };
  const segments: { at: number; lines: BareLine[] }[] = [];
  for (const l of lines) {
    const at = before(l);
    const last = segments[segments.length - 1];
    if (last && last.at === at) last.lines.push(l);
    else segments.push({ at, lines: [l] });
  }
  // Later segments first, so that the slot indices of earlier ones stay right.
  for (let s = segments.length - 1; s >= 0; s--) {
    const seg = segments[s]!;
    const values = seg.lines.flatMap((l) => l.tokens);
    let k = seg.at - 1;
    while (k >= 0 && !slots[k]!.values.length) k--;
    const prev = slots[k];
    const next = slots[seg.at];
    const from = prev?.def ? valueDefs.indexOf(prev.def) : -1;
    const to = next ? (next.def && next.values.length ? valueDefs.indexOf(next.def) : -1) : valueDefs.length;
    const gap = from >= 0 && to > from ? valueDefs.slice(from + 1, to) : [];
    const block = slots.slice(k + 1, seg.at);
    const elsewhere = (d: RowDef) => slots.some((x, i) => x.def === d && x.values.length && (i <= k || i >= seg.at));
    if (!gap.length || gap.length !== seg.lines.length || gap.some(elsewhere)) {
      for (const l of seg.lines) failed.push(l);
      continue;
    }
    const placed: Slot[] = [];
    const created = new Set<Slot>();
    gap.forEach((d, i) => {
      const line = seg.lines[i]!;
      let slot = block.find((x) => x.def === d);
      if (!slot) {
        const first = line.tokens[0]!;
        const label: Token = line.lead ?? token('text', first.start, first.start, '', first.line);
        slot = { def: d, label, match: 'exact', values: [] };
        created.add(slot);
      }
      slot.values = line.tokens;
      placed.push(slot);
    });
    const rest = block.filter((x) => !placed.includes(x));
    slots.splice(k + 1, block.length, ...placed, ...rest);
    out.push({ slots: placed, created, confirm: !next, values });
  }
  return { placed: out, failed };
}

/** Rows placed with no row after them to fix them stay only where every sum they take part in is
 *  known and holds (one of them in a column of the table). Returns whether the table's sums were
 *  asked (then every value of the table took part in its reading). */
export function confirmApart(slots: Slot[], placed: Placed[], o: AssignOptions): boolean {
  if (!o.format || !placed.some((p) => p.confirm)) return false;
  const rows = mapped(slots, toRow);
  const rowOf = new Map<Slot, Row>(slots.map((s, i) => [s, rows[i]!]));
  const evals = evaluate({ kind: 'applications', rows }, o.format);
  for (const p of placed) {
    if (!p.confirm) continue;
    const mine = new Set(p.slots.map((s) => rowOf.get(s)!));
    let ok = true;
    let column = false;
    for (const e of evals) {
      const involved =
        (e.row && mine.has(e.row)) || [...e.left.terms, ...e.right.terms].some((t) => t.row && mine.has(t.row));
      if (!involved) continue;
      if (!e.known || !e.holds) ok = false;
      else if (e.equation !== 'row-total') column = true;
    }
    if (ok && column) continue;
    for (const s of p.slots) {
      if (p.created.has(s)) slots.splice(slots.indexOf(s), 1);
      else {
        const range = { start: s.label.end, end: s.label.end };
        s.values = [];
        s.displaced = true;
        s.cells = Array.from({ length: APPLICANT_WIDTH }, (): Cell => ({
          kind: 'unknown',
          value: null,
          raw: '',
          range,
        }));
      }
    }
    unplaced(o, p.values);
  }
  return true;
}
