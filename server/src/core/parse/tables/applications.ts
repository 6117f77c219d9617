/** Table 三, and its ambiguous splits resolved by the table's column rules. */
import type { ParseNote, Row, Table } from '../../model';
import { rowTotal } from '../split';
import type { StreamResult, Token } from '../tokenize';
import { applicationRows, type Format } from '../../template';
import { APPLICANT_WIDTH, equations, noneFails } from '../../template/arithmetic';
import { keepSlots, tokensOf } from './stream';
import { assign } from './assign';
import { splitCells, toRow, tokensLayout, type Slot } from './cells';
import { mapped } from '../arrays';

/** Table 三. `stream`: its tokens, when the caller has them (`tokensOf`). */
export function readApplications(
  text: string,
  start: number,
  end: number,
  format: Format,
  notes: ParseNote[],
  stream: StreamResult = tokensOf('applications', text, start, end),
): Table {
  const { tokens, layout } = stream;
  const defs = applicationRows(format);
  // A 2021 report that prints （六）其他处理 as one row with numbers (real/008): accept that row.
  const other2019 = applicationRows('2019').find((d) => d.key === 'other')!;
  const slots = assign(tokens, {
    defs,
    table: 'applications',
    format,
    notes,
    constraint: () => rowTotal,
    resolve: (t) => {
      const rows = t.hit!.entry.rows!;
      const own = rows[format];
      if (
        own &&
        own.def.key === '' &&
        format === '2021' &&
        own.def.label === other2019.label &&
        followedByValues(tokens, t)
      ) {
        return { def: other2019, variant: true };
      }
      if (own) return own;
      const other = rows[format === '2021' ? '2019' : '2021'];
      if (other && other.def.key === 'other' && followedByValues(tokens, t)) return { def: other.def, variant: true };
      return null;
    },
  });
  resolveAmbiguousByColumns(slots, format);
  keepSlots(stream, slots);
  const rows = mapped(slots, toRow);
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
  // Every value of the table now takes part in the choice.
  for (const s of slots) s.direct = false;
  // The table's equations in each column (the outcome total and the corner balance) asked of each
  // combination; a row's own total already holds for each of its candidates.
  const rows = mapped(slots, toRow);
  const slotOf = new Map(rows.map((r, i) => [r, slots[i]!]));
  const eqs = equations({ kind: 'applications', rows }, format, ['outcome-total', 'balance']);
  const choice = new Map<Slot, number[]>();
  // A chosen candidate's value, or a cell read as a number; anything else is not known.
  const value = (r: Row, c: number): number | null => {
    const chosen = choice.get(slotOf.get(r)!);
    if (chosen) return chosen[c]!;
    const cell = r.cells[c];
    return cell && cell.kind === 'number' ? cell.value : null;
  };
  const consistent = (): boolean => noneFails(eqs, value);
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
    s.cells = splitCells(s, APPLICANT_WIDTH, values);
  }
}
