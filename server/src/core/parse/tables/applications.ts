/** Table 三, and its ambiguous splits resolved by the table's column rules. */
import { table3Matcher } from '../labels';
import type { ParseNote, Table } from '../../model';
import { rowTotal } from '../split';
import { tokenize, type Token } from '../tokenize';
import { applicationRows, type Format } from '../../template';
import { assign } from './assign';
import { splitCells, toRow, tokensLayout, type Slot } from './cells';

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
