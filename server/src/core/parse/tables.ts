/**
 * The three tables: tokens (stream.ts) → rows with cells.
 *
 * A row label takes the values that follow it. Values that come before any label, or after a
 * row already has its values (PDF copies whose reading order went astray), are kept as orphans and
 * given, in order, to the labels that got none; a block of orphans that only adds up when read
 * column by column is read that way. Digits run together are split (split.ts) where the totals
 * admit exactly one reading.
 */
import { similarity, compact } from '../text/normalize';
import { table2Matcher, table3Matcher, table4Matcher } from './labels';
import type { Cell, ParseNote, Row, SplitInfo, Table } from '../model';
import { noConstraint, reviewBlocks, rowTotal, splitCandidates, type Constraint } from './split';
import { tokenize, type Token } from './tokenize';
import { activeTable, applicationRows, FORMAT_MARKERS, type Format, type RowDef } from '../template';

interface Slot {
  def: RowDef | null;
  label: Token;
  match: Row['match'];
  values: Token[];
  /** Values given from the orphan pool. */
  displaced?: boolean;
  cells?: Cell[];
  split?: SplitInfo;
}

const NUMBERING = /^(?:\(?[一二三四五六七八九十]{1,2}[)、.]|\d{1,2}[.、])/;

type ValueKind = NonNullable<RowDef['valueKind']>[number];

/** Units of money: a count never carries one. In a column in 万元 (2021 table 二's fees) `1万` is
 *  1 万元, as `1万元` is, and `500元` is not 500; an amount column that names no unit (2019's
 *  采购总金额) takes the number as written, whatever its unit. */
const MONEY = new Set(['万', '万元', '元']);

/** The cell a token makes in a column of `kind`. A number that cannot be read as written is never
 *  given a value: too many digits, a count in 万, a separated cell that is not one number are
 *  invalid ('text'); digits elsewhere that would have to be split are unknown. */
function cellOf(t: Token, kind: ValueKind = 'count', wan = false): Cell {
  const range = { start: t.start, end: t.end };
  if (t.kind === 'num') {
    const raw = t.text + (t.unit ?? '');
    if (t.large) return { kind: 'text', value: null, raw, range, invalid: 'digits' };
    if (t.unit && MONEY.has(t.unit) && kind !== 'amount') return { kind: 'text', value: null, raw, range, invalid: 'unit' };
    if (t.unit === '元' && wan) return { kind: 'text', value: null, raw, range, invalid: 'yuan' };
    if (!Number.isNaN(t.value)) return { kind: 'number', value: t.value!, raw: t.text, range };
    if (t.cell && t.padded !== undefined) return { kind: 'number', value: t.padded, raw: t.text, range };
    if (t.cell) return { kind: 'text', value: null, raw, range, invalid: 'word' };
    return { kind: 'unknown', value: null, raw, range };
  }
  if (t.kind === 'text') return { kind: 'text', value: null, raw: t.text, range, invalid: 'word' };
  if (t.kind === 'na') return { kind: 'na', value: null, raw: t.text, range };
  return { kind: 'blank', value: null, raw: '', range };
}

const isValue = (t: Token) => t.kind === 'num' || t.kind === 'blank' || t.kind === 'na';
/** Fields a row may have beyond its columns: empty ones, and words (notes, spanned label columns). */
const isLoose = (t: Token) => t.kind === 'blank' || t.kind === 'text';

/** Turns a row's value tokens into exactly `n` cells, splitting run-together digits if needed. */
function fillCells(slot: Slot, n: number, constraint: Constraint, kinds: RowDef['valueKind'], decimals: boolean, wan = false): void {
  const vals = slot.values;
  const cellsOf = (ts: Token[]) => ts.slice(0, n).map((t, i) => cellOf(t, kinds?.[i], wan));
  // A row of separated cells, one per column: each cell holds one value, there is nothing to split.
  if (vals.length === n && vals.every((t) => t.cell)) {
    slot.cells = cellsOf(vals);
    return;
  }
  const digitsOnly = vals.length > 0 && vals.every((t) => t.kind === 'num' && /^-?[\d.]+$/.test(t.text));
  const splittable = vals.some((t) => t.text.replace(/^-/, '').length > 1);
  // Digits too long to be exact are split only where the row lacks values (run together);
  // otherwise they are an invalid cell of their own.
  const needsSplit = vals.some((t) => t.kind === 'num' && Number.isNaN(t.value) && !(t.large && vals.length >= n)) || (digitsOnly && splittable && vals.length < n);
  if (!needsSplit && vals.length >= n) {
    slot.cells = cellsOf(vals);
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
  let cands = splitCandidates(digits, n, constraint, { signed, decimals, ...(unconstrained ? { maxCandidates: 20, maxSteps: 2000 } : {}) });
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

function splitCells(slot: Slot, n: number, values: number[] | null): Cell[] {
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

function toRow(s: Slot): Row {
  return {
    key: s.def?.key ?? '',
    label: s.label.text.replace(/\s+/g, ''),
    labelRange: { start: s.label.start, end: s.label.end },
    numbering: s.label.hit?.numbering ?? NUMBERING.exec(compact(s.label.text).text)?.[0] ?? '',
    cells: s.cells ?? [],
    match: s.match,
    ...(s.split ? { split: s.split } : {}),
    ...(s.displaced ? { displaced: true } : {}),
  };
}

/** A text token that looks like a row label (numbering and words) but matched none. */
function unknownLabel(t: Token): boolean {
  const k = compact(t.text).text;
  return NUMBERING.test(k) && /[\u4e00-\u9fff]{2}/.test(k.replace(NUMBERING, ''));
}

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

interface AssignOptions {
  defs: RowDef[];
  resolve: (t: Token) => { def: RowDef; variant: boolean } | null;
  constraint: (def: RowDef) => Constraint;
  table: 'active' | 'applications';
  notes: ParseNote[];
  /** Rows whose amounts are in 万元 (their caption's header says so). */
  wan?: Set<string>;
}

function assign(tokens: Token[], o: AssignOptions): Slot[] {
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
    const n = current.def?.values ?? 7;
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
    } else if (t.kind === 'text' && t.cell && current) {
      // A separated cell of words in the row's line (`| 1 | abc | 0 |`): it keeps its column, as an
      // invalid value, so that the cells after it keep theirs.
      const last = current.values[current.values.length - 1];
      if (t.line === current.label.line || last?.line === t.line) current.values.push(t);
    }
  }
  finish();
  closeRun();

  placeOrphans(slots, orphanRuns, o);

  for (const s of slots) {
    const n = s.def?.values ?? 7;
    const kinds = s.def?.valueKind;
    fillCells(s, n, s.def ? o.constraint(s.def) : noConstraint, kinds, !!kinds?.includes('amount'), !!s.def && !!o.wan?.has(s.def.key));
  }
  // Values recovered from a scrambled reading order are kept only if every such row adds up:
  // one that does not shows the recovery went wrong, and then none of them can be trusted.
  const displaced = slots.filter((s) => s.displaced);
  const broken = o.table === 'applications' && displaced.some((s) => {
    const v = s.cells!.map((c) => c.value);
    return v.length === 7 && v.every((x) => x !== null) && !rowTotal(v as number[]);
  });
  if (broken)
    for (const s of displaced) {
      if (!s.values.length) continue;
      o.notes.push({ kind: 'unplaced-values', range: { start: s.values[0]!.start, end: s.values[s.values.length - 1]!.end }, table: o.table, detail: s.values.map((t) => t.text).join(' ') });
      s.cells = s.cells!.map((c) => ({ ...c, kind: 'unknown' as const, value: null }));
    }
  return slots;
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
      o.notes.push({ kind: 'unplaced-values', range: { start: pool[0]!.start, end: pool[pool.length - 1]!.end }, table: o.table, detail: pool.map((t) => t.text).join(' ') });
    return;
  }
  for (const r of runs) {
    const n = 7;
    if (r.length % n !== 0) {
      o.notes.push({ kind: 'unplaced-values', range: { start: r[0]!.start, end: r[r.length - 1]!.end }, table: o.table, detail: r.map((t) => t.text).join(' ') });
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
    o.notes.push({ kind: 'unplaced-values', range: { start: g[0]!.start, end: g[g.length - 1]!.end }, table: o.table, detail: g.map((t) => t.text).join(' ') });
  }
}

/** A block of k rows of 7: read by rows, or by columns when only that reading adds up. */
function orient(rows: Token[][]): Token[][] {
  const ok = (rs: Token[][]) => rs.every((r) => rowTotal(r.map((t) => t.value!)));
  if (rows.length < 2 || ok(rows)) return rows;
  const k = rows.length;
  const flat = rows.flat();
  const cols: Token[][] = [];
  for (let i = 0; i < k; i++) cols.push([]);
  for (let c = 0; c < 7; c++) for (let i = 0; i < k; i++) cols[i]!.push(flat[c * k + i]!);
  return ok(cols) ? cols : rows;
}

// ---------------------------------------------------------------------------------------------

const MARKER_KEYS: Record<Format, Set<string>> = {
  '2021': new Set(FORMAT_MARKERS['2021'].map((w) => compact(w).text)),
  '2019': new Set(FORMAT_MARKERS['2019'].map((w) => compact(w).text)),
};

export interface ActiveResult {
  table: Table;
  /** Format shown by the header words, if any. */
  format: Format | null;
}

/** Table 二. */
export function readActive(text: string, start: number, end: number, hint: Format, notes: ParseNote[]): ActiveResult {
  const { tokens, layout } = tokenize(text, start, end, table2Matcher());
  const headerWords = tokens.filter((t) => t.kind === 'label' && t.hit!.entry.kind !== 'row').map((t) => t.hit!.entry.word ?? compact(t.text).text);
  let v21 = 0;
  let v19 = 0;
  for (const t of tokens) {
    if (t.kind !== 'label') continue;
    const k = t.hit!.entry.key;
    if (MARKER_KEYS['2021'].has(k)) v21++;
    if (MARKER_KEYS['2019'].has(k)) v19++;
  }
  const format: Format | null = v21 > v19 ? '2021' : v19 > v21 ? '2019' : null;
  const fmt = format ?? hint;
  const captions = activeTable(fmt).captions;
  const defs = captions.flatMap((c) => c.rows);
  const wan = new Set(captions.filter((c) => c.header.some((h) => h.includes('万元'))).flatMap((c) => c.rows.map((r) => r.key)));
  const slots = assign(tokens, {
    defs,
    wan,
    table: 'active',
    notes,
    constraint: () => noConstraint,
    resolve: (t) => {
      const rows = t.hit!.entry.rows!;
      const own = rows[fmt];
      if (own) return own;
      const other = rows[fmt === '2021' ? '2019' : '2021'];
      const def = other && defs.find((d) => d.key === other.def.key);
      return def ? { def, variant: true } : null;
    },
  });
  return {
    table: { kind: 'active', range: { start, end }, layout: tokensLayout(layout, tokens), rows: slots.map(toRow), headerWords },
    format,
  };
}

/** Table 三. */
export function readApplications(text: string, start: number, end: number, format: Format, notes: ParseNote[]): Table {
  const { tokens, layout } = tokenize(text, start, end, table3Matcher());
  const defs = applicationRows(format);
  // A 2021 report that prints （六）其他处理 as one row with numbers (real/008): accept that row.
  const other2019 = applicationRows('2019').find((d) => d.key === 'other')!;
  const slots = assign(tokens, {
    defs,
    table: 'applications',
    notes,
    constraint: () => rowTotal,
    resolve: (t) => {
      const rows = t.hit!.entry.rows!;
      const own = rows[format];
      if (own && own.def.key === '' && format === '2021' && own.def.label === '（六）其他处理' && followedByValues(tokens, t)) {
        return { def: other2019, variant: true };
      }
      if (own) return own;
      const other = rows[format === '2021' ? '2019' : '2021'];
      if (other && other.def.key === 'other' && followedByValues(tokens, t)) return { def: other.def, variant: true };
      return null;
    },
  });
  resolveAmbiguousByColumns(slots, format);
  const rows = slots.map(toRow);
  return { kind: 'applications', range: { start, end }, layout: tokensLayout(layout, tokens), rows, headerWords: [] };
}

function followedByValues(tokens: Token[], t: Token): boolean {
  const i = tokens.indexOf(t);
  const next = tokens[i + 1];
  return !!next && next.kind === 'num';
}

/** Where several rows have several possible splits, the table's column rules may admit only one combination. */
function resolveAmbiguousByColumns(slots: Slot[], format: Format): void {
  const amb = slots.filter((s) => s.split?.how === 'ambiguous');
  if (!amb.length) return;
  let combos = 1;
  for (const s of amb) combos *= s.split!.candidates.length;
  if (combos > 20000) return;
  const byKey = new Map<string, Slot>();
  for (const s of slots) if (s.def) byKey.set(s.def.key, s);
  const outcomeKeys = applicationRows(format)
    .filter((d) => d.values && !['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(d.key))
    .map((d) => d.key);
  const choice = new Map<Slot, number[]>();
  const val = (key: string, c: number): number | null => {
    const s = byKey.get(key);
    if (!s) return null;
    const chosen = choice.get(s);
    if (chosen) return chosen[c]!;
    const cell = s.cells?.[c];
    return cell && cell.kind === 'number' ? cell.value : null;
  };
  const consistent = (): boolean => {
    for (let c = 0; c < 7; c++) {
      const a = val('newReceived', c);
      const b = val('carriedOver', c);
      const t = val('totalProcessed', c);
      const f = val('carriedForward', c);
      if (a !== null && b !== null && t !== null && f !== null && a + b !== t + f) return false;
      let sum = 0;
      let complete = true;
      for (const k of outcomeKeys) {
        const v = val(k, c);
        if (v === null) {
          if (byKey.has(k)) complete = false;
        } else sum += v;
      }
      if (complete && t !== null && sum !== t) return false;
    }
    return true;
  };
  const found: Map<Slot, number[]>[] = [];
  const walk = (i: number): void => {
    if (found.length > 1) return;
    if (i === amb.length) {
      if (consistent()) found.push(new Map(choice));
      return;
    }
    for (const cand of amb[i]!.split!.candidates) {
      choice.set(amb[i]!, cand);
      walk(i + 1);
    }
    choice.delete(amb[i]!);
  };
  walk(0);
  if (found.length !== 1) return;
  for (const [s, values] of found[0]!) {
    s.split = { ...s.split!, how: 'table' };
    s.cells = splitCells(s, 7, values);
  }
}

/** Table 四: fifteen numbers after its header. */
export function readReview(text: string, start: number, end: number, notes: ParseNote[]): Table {
  const { tokens, layout } = tokenize(text, start, end, table4Matcher());
  const firstHeader = tokens.findIndex((t) => t.kind === 'label');
  // Blank fields count only on lines that hold numbers (header lines are full of empty fields).
  const numLines = new Set(tokens.filter((t) => t.kind === 'num').map((t) => t.line));
  // Separated cells of words among the numbers keep their columns (invalid values).
  let values = tokens
    .slice(Math.max(0, firstHeader))
    .filter((t) => t.kind === 'num' || t.kind === 'na' || ((t.kind === 'blank' || (t.kind === 'text' && t.cell)) && numLines.has(t.line)));
  let last = values.length;
  while (last > 15 && isLoose(values[last - 1]!)) last--;
  values = values.slice(0, last);
  const rows: Row[] = [];
  if (firstHeader >= 0 || values.length) {
    const label = tokens[firstHeader] ?? values[0]!;
    const slot: Slot = { def: null, label, match: 'exact', values };
    if (values.length > 15) {
      const extra = values.slice(15).filter((t) => t.kind === 'num');
      if (extra.length)
        notes.push({ kind: 'extra-values', range: { start: extra[0]!.start, end: extra[extra.length - 1]!.end }, table: 'review', detail: extra.map((t) => t.text).join(' ') });
    }
    fillCells(slot, 15, reviewBlocks, undefined, false);
    // Values scattered among header words (a scrambled PDF copy) are kept only if they add up.
    const first = tokens.indexOf(values[0]!);
    const last = tokens.indexOf(values[values.length - 1]!);
    const interleaved = tokens.slice(first, last).some((t) => t.kind === 'label');
    const v = slot.cells!.map((c) => c.value);
    if (interleaved && v.length === 15 && v.every((x) => x !== null) && !reviewBlocks(v as number[])) {
      notes.push({ kind: 'unplaced-values', range: { start: values[0]!.start, end: values[values.length - 1]!.end }, table: 'review', detail: values.map((t) => t.text).join(' ') });
      slot.cells = slot.cells!.map((c) => ({ ...c, kind: 'unknown', value: null }));
    }
    if (values.length) rows.push({ ...toRow(slot), key: 'review', label: '行政复议、行政诉讼' });
  }
  return { kind: 'review', range: { start, end }, layout: tokensLayout(layout, tokens), rows, headerWords: [] };
}

function tokensLayout(layout: Table['layout'], tokens: Token[]): Table['layout'] {
  if (layout !== 'run-together' && tokens.some((t) => t.kind === 'num' && Number.isNaN(t.value)) && tokens.filter((t) => t.kind === 'num').length < 20) return 'run-together';
  return layout;
}
