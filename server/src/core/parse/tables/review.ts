/** Table 四. */
import type { ParseNote, Row, Table } from '../../model';
import { reviewBlocks } from '../split';
import { type StreamResult } from '../tokenize';
import { REVIEW_WIDTH } from '../../template/arithmetic';
import { REVIEW_ROW_LABEL } from '../../template/vocabulary';
import { keepSlots, tokensOf } from './stream';
import { fillCells, isLoose, toRowAs, tokensLayout, type Slot } from './cells';

/** Table 四: its numbers (blocks × columns, see template/arithmetic.ts) after its header. */
export function readReview(
  text: string,
  start: number,
  end: number,
  notes: ParseNote[],
  stream: StreamResult = tokensOf('review', text, start, end),
): Table {
  const { tokens, layout } = stream;
  const firstHeader = tokens.findIndex((t) => t.kind === 'label');
  // Blank fields count only on lines that hold numbers (header lines are full of empty fields), and
  // empty lines where they stand for cells (one cell per line).
  const numLines = new Set(tokens.filter((t) => t.kind === 'num').map((t) => t.line));
  // Separated cells of words among the numbers keep their columns (invalid values).
  let values = tokens
    .slice(Math.max(0, firstHeader))
    .filter(
      (t) =>
        t.kind === 'num' ||
        t.kind === 'na' ||
        ((t.kind === 'blank' || (t.kind === 'text' && t.cell)) && numLines.has(t.line)) ||
        (t.kind === 'blank' && t.emptyLine),
    );
  let last = values.length;
  while (last > REVIEW_WIDTH && isLoose(values[last - 1]!)) last--;
  values = values.slice(0, last);
  const rows: Row[] = [];
  let kept: Slot[] = [];
  if (firstHeader >= 0 || values.length) {
    const label = tokens[firstHeader] ?? values[0]!;
    const slot: Slot = { def: null, label, match: 'exact', values };
    if (values.length > REVIEW_WIDTH) {
      const extra = values.slice(REVIEW_WIDTH).filter((t) => t.kind === 'num');
      if (extra.length)
        notes.push({
          kind: 'extra-values',
          range: { start: extra[0]!.start, end: extra[extra.length - 1]!.end },
          table: 'review',
          detail: extra.map((t) => t.text).join(' '),
        });
    }
    fillCells(slot, REVIEW_WIDTH, reviewBlocks, undefined, false);
    // Values scattered among header words (a scrambled PDF copy) are kept only if they add up.
    const first = tokens.indexOf(values[0]!);
    const last = tokens.indexOf(values[values.length - 1]!);
    const interleaved = tokens.slice(first, last).some((t) => t.kind === 'label');
    if (interleaved) slot.direct = false;
    const v = slot.cells!.map((c) => c.value);
    if (interleaved && v.length === REVIEW_WIDTH && v.every((x) => x !== null) && !reviewBlocks(v as number[])) {
      notes.push({
        kind: 'unplaced-values',
        range: { start: values[0]!.start, end: values[values.length - 1]!.end },
        table: 'review',
        detail: values.map((t) => t.text).join(' '),
      });
      slot.cells = slot.cells!.map((c) => ({ ...c, kind: 'unknown', value: null }));
    }
    if (values.length) {
      rows.push(toRowAs(slot, 'review', REVIEW_ROW_LABEL));
      kept = [slot];
    }
  }
  keepSlots(stream, kept);
  return { kind: 'review', range: { start, end }, layout: tokensLayout(layout, tokens), rows, headerWords: [] };
}
