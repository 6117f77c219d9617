/** Tokens → slots: a row label takes the values that follow it; orphan values go to the labels that got none. */
import { similarity, compact } from '../../text/normalize';
import { own } from '../../text/own';
import type { ParseNote } from '../../model';
import { noConstraint, rowTotal, type Constraint } from '../split';
import type { Token } from '../tokenize';
import type { RowDef } from '../../template';
import { APPLICANT_WIDTH } from '../../template/arithmetic';
import { fillCells, isLoose, isValue, NUMBERING, type Slot } from './cells';
import type { Format } from '../../template';
import { bareLines, confirmApart, placeApart, unplaced, type Placed } from './apart';

/** A text token that looks like a row label (numbering and words) but matched none. The answer
 *  depends on the text alone, and a table's words repeat from report to report and from one
 *  keystroke to the next: kept per text (at most UNKNOWN_MAX texts, then started afresh). */
function unknownLabel(t: Token): boolean {
  const text = t.text;
  let known = text.length <= UNKNOWN_KEY_MAX ? UNKNOWN.get(text) : undefined;
  if (known === undefined) {
    const k = compact(text).text;
    known = NUMBERING.test(k) && /[\u4e00-\u9fff]{2}/.test(k.replace(NUMBERING, ''));
    if (text.length <= UNKNOWN_KEY_MAX) {
      if (UNKNOWN.size >= UNKNOWN_MAX) UNKNOWN.clear();
      UNKNOWN.set(own(text), known);
    }
  }
  return known;
}
const UNKNOWN = new Map<string, boolean>();
const UNKNOWN_MAX = 20_000;
/** Longer words (a sentence written across a table, no label) are not kept. */
const UNKNOWN_KEY_MAX = 40;

/** The closest template row for a label with a typo (same numbering, similar words). */
function fuzzyRow(t: Token, defs: RowDef[], taken: Set<string>): RowDef | null {
  const k = compact(t.text).text;
  const num = NUMBERING.exec(k)?.[0] ?? '';
  const body = k.slice(num.length);
  let best: RowDef | null = null;
  let score = 0;
  for (const d of defs) {
    if (!d.values || taken.has(d.key)) continue;
    const dn = compact(d.numbering).text;
    if (num && dn && num.replace(/[、.]/g, '') !== dn.replace(/[、.]/g, '')) continue;
    const sc = similarity(body, compact(d.text).text);
    if (sc > score) [best, score] = [d, sc];
  }
  return score >= 0.6 ? best : null;
}

/** An unknown label whose words go on in the next line's cell: joined, it may name its row. */
function joinBroken(slot: Slot, t: Token, defs: RowDef[], taken: Set<string>): boolean {
  if (slot.match !== 'unknown' || slot.values.length || t.line !== slot.label.line + 1) return false;
  const label: Token = { ...slot.label, end: t.end, text: slot.label.text + t.text, line: t.line };
  const def = fuzzyRow(label, defs, taken);
  if (!def) return false;
  const body = compact(label.text).text.replace(NUMBERING, '');
  Object.assign(slot, { def, label, match: body === compact(def.text).text ? 'exact' : 'fuzzy' });
  taken.add(def.key);
  return true;
}

export interface AssignOptions {
  defs: RowDef[];
  resolve: (t: Token) => { def: RowDef; variant: boolean } | null;
  constraint: (def: RowDef) => Constraint;
  table: 'active' | 'applications';
  notes: ParseNote[];
  /** Rows whose amounts are in 万元 (their caption's header says so). */
  wan?: Set<string>;
  /** Table 三's format: label-less rows are placed by the template's order (apart.ts). */
  format?: Format;
}

export function assign(tokens: Token[], o: AssignOptions): Slot[] {
  // Lines of values alone (labels apart, apart.ts) are read aside; those that cannot be placed are
  // read again as any values are, after the row before them.
  const bare = o.format ? bareLines(tokens, APPLICANT_WIDTH) : null;
  let { slots, orphanRuns } = read(tokens, o, bare?.skip);
  let apart: Placed[] = [];
  if (bare?.lines.length) {
    let r = placeApart(slots, bare.lines, o);
    if (r.failed.length) {
      const skip = new Set(bare.skip);
      for (const l of r.failed) for (const t of l.all) skip.delete(t);
      ({ slots, orphanRuns } = read(tokens, o, skip));
      const lines = bare.lines.filter((l) => !r.failed.includes(l));
      r = lines.length ? placeApart(slots, lines, o) : { placed: [], failed: [] };
      for (const l of r.failed) unplaced(o, l.tokens);
    }
    apart = r.placed;
  }
  placeOrphans(slots, orphanRuns, o);
  for (const s of slots) {
    const n = s.def?.values ?? APPLICANT_WIDTH;
    const kinds = s.def?.valueKind;
    fillCells(
      s,
      n,
      s.def ? o.constraint(s.def) : noConstraint,
      kinds,
      !!kinds?.includes('amount'),
      !!s.def && !!o.wan?.has(s.def.key),
    );
  }
  if (apart.length && confirmApart(slots, apart, o)) for (const s of slots) s.direct = false;
  // Values recovered from a scrambled reading order are kept only if every such row adds up:
  // one that does not shows the recovery went wrong, and then none of them can be trusted.
  const displaced = slots.filter((s) => s.displaced);
  const broken =
    o.table === 'applications' &&
    displaced.some((s) => {
      const v = s.cells!.map((c) => c.value);
      return v.length === APPLICANT_WIDTH && v.every((x) => x !== null) && !rowTotal(v as number[]);
    });
  if (broken)
    for (const s of displaced) {
      if (!s.values.length) continue;
      o.notes.push({
        kind: 'unplaced-values',
        range: { start: s.values[0]!.start, end: s.values[s.values.length - 1]!.end },
        table: o.table,
        detail: s.values.map((t) => t.text).join(' '),
      });
      s.cells = s.cells!.map((c) => ({ ...c, kind: 'unknown' as const, value: null }));
    }
  // Whether displaced rows are kept depends on their values (and on the orphans' sums: `orient`).
  for (const s of displaced) s.direct = false;
  return slots;
}

/** The row labels and the values after each; values that no row can take are orphans. */
function read(tokens: Token[], o: AssignOptions, skip?: Set<Token>): { slots: Slot[]; orphanRuns: Token[][] } {
  const slots: Slot[] = [];
  const orphanRuns: Token[][] = [];
  let current: Slot | null = null;
  let run: Token[] = [];
  const taken = new Set<string>();
  const closeRun = () => {
    if (run.length) orphanRuns.push(run);
    run = [];
  };
  const finish = () => {
    if (!current) return;
    const n = current.def?.values ?? APPLICANT_WIDTH;
    const all = current.values;
    // More fields than columns: blank fields and words at the end are padding or a note, those
    // right after the label are the label's own spanned columns; words left over are notes too.
    let a = 0;
    let b = all.length;
    while (b - a > n && isLoose(all[b - 1]!)) b--;
    while (b - a > n && isLoose(all[a]!)) a++;
    let vals = all.slice(a, b);
    if (vals.length > n) {
      let drop = vals.length - n;
      const keep: Token[] = [];
      for (let i = vals.length - 1; i >= 0; i--) {
        if (drop > 0 && vals[i]!.kind === 'text') drop--;
        else keep.push(vals[i]!);
      }
      vals = keep.reverse();
    }
    current.values = vals;
    if (vals.length > n && !vals.some((t) => t.kind === 'num' && Number.isNaN(t.value))) {
      // Extra values: trailing blanks are padding; extra numbers are orphans.
      const extra = vals.slice(n);
      current.values = vals.slice(0, n);
      const nums = extra.filter((t) => t.kind === 'num');
      if (nums.length) {
        // A row followed by more numbers than it has columns comes from a scrambled reading order too.
        current.displaced = true;
        let first = extra.findIndex((t) => t.kind === 'num');
        for (const t of extra.slice(first)) run.push(t);
        closeRun();
      }
    }
    current = null;
  };
  for (const t of tokens) {
    if (skip?.has(t)) continue;
    if (t.kind === 'label' && t.hit!.entry.kind === 'row') {
      const r = o.resolve(t);
      finish();
      closeRun();
      if (!r || !r.def.values) continue; // group label
      current = { def: r.def, label: t, match: r.variant ? 'variant' : t.hit!.full ? 'exact' : 'prefix', values: [] };
      taken.add(r.def.key);
      slots.push(current);
    } else if (t.kind === 'text' && unknownLabel(t)) {
      finish();
      closeRun();
      const def = fuzzyRow(t, o.defs, taken);
      current = { def, label: t, match: def ? 'fuzzy' : 'unknown', values: [] };
      if (def) taken.add(def.key);
      slots.push(current);
    } else if (t.kind === 'label') {
      // A caption or header word ends the row before it.
      finish();
      closeRun();
    } else if (isValue(t)) {
      if (current) current.values.push(t);
      else if (t.kind === 'num') run.push(t);
    } else if (t.kind === 'text' && current && joinBroken(current, t, o.defs, taken)) {
      // The rest of a label broken over two lines (`1.申请人无正当理由` / `逾期不补正、…`).
    } else if (t.kind === 'text' && t.cell && current) {
      // A separated cell of words in the row's line (`| 1 | abc | 0 |`): it keeps its column, as an
      // invalid value, so that the cells after it keep theirs.
      const last = current.values[current.values.length - 1];
      if (t.line === current.label.line || last?.line === t.line) current.values.push(t);
    }
  }
  finish();
  closeRun();
  return { slots, orphanRuns };
}

/** Orphan values go, in order, to the labels that got none. */
function placeOrphans(slots: Slot[], runs: Token[][], o: AssignOptions): void {
  const empty = slots.filter((s) => s.values.length === 0 && s.def);
  if (!runs.length) return;
  const groups: Token[][] = [];
  if (o.table === 'active') {
    // Table 二: each empty row takes as many orphan values as it has columns, in order.
    const pool = runs.flat();
    for (const s of empty) {
      const n = s.def!.values;
      if (pool.length < n) break;
      s.values = pool.splice(0, n);
      s.displaced = true;
    }
    if (pool.length)
      o.notes.push({
        kind: 'unplaced-values',
        range: { start: pool[0]!.start, end: pool[pool.length - 1]!.end },
        table: o.table,
        detail: pool.map((t) => t.text).join(' '),
      });
    return;
  }
  for (const r of runs) {
    const n = APPLICANT_WIDTH;
    if (r.length % n !== 0) {
      o.notes.push({
        kind: 'unplaced-values',
        range: { start: r[0]!.start, end: r[r.length - 1]!.end },
        table: o.table,
        detail: r.map((t) => t.text).join(' '),
      });
      continue;
    }
    const rows: Token[][] = [];
    for (let i = 0; i < r.length; i += n) rows.push(r.slice(i, i + n));
    for (const g of orient(rows)) groups.push(g);
  }
  let gi = 0;
  for (const s of empty) {
    if (gi >= groups.length) break;
    s.values = groups[gi++]!;
    s.displaced = true;
  }
  for (; gi < groups.length; gi++) {
    const g = groups[gi]!;
    o.notes.push({
      kind: 'unplaced-values',
      range: { start: g[0]!.start, end: g[g.length - 1]!.end },
      table: o.table,
      detail: g.map((t) => t.text).join(' '),
    });
  }
}

/** A block of k rows of table 三: read by rows, or by columns when only that reading adds up. */
function orient(rows: Token[][]): Token[][] {
  const ok = (rs: Token[][]) => rs.every((r) => rowTotal(r.map((t) => t.value!)));
  if (rows.length < 2 || ok(rows)) return rows;
  const k = rows.length;
  const flat = rows.flat();
  const cols: Token[][] = [];
  for (let i = 0; i < k; i++) cols.push([]);
  for (let c = 0; c < APPLICANT_WIDTH; c++) for (let i = 0; i < k; i++) cols[i]!.push(flat[c * k + i]!);
  return ok(cols) ? cols : rows;
}
