/**
 * Whether a table read again after a figure edit (stream.ts `patchNumber`) has the shape it had:
 * the same rows (keys, labels, numbering, how they matched, splits, displacement), the same cells
 * (kinds, ranges, and the text of every cell that is not a number), the same layout and header
 * words, and the same notes of the parse. Only the numbers' values may differ. The editor keeps the
 * findings of the rules that read no figure of the table only when it does (the reading of a
 * table may depend on its values: run-together digits are split by the row's total).
 */
import type { Cell, ParseNote, Range, Row, Table } from '../../model';

const sameRange = (a: Range, b: Range) => a.start === b.start && a.end === b.end;

function sameCell(a: Cell, b: Cell): boolean {
  if (a.kind !== b.kind || a.invalid !== b.invalid || !sameRange(a.range, b.range)) return false;
  return a.kind === 'number' || (a.raw === b.raw && a.value === b.value);
}

function sameRow(a: Row, b: Row): boolean {
  if (
    a.key !== b.key ||
    a.label !== b.label ||
    a.numbering !== b.numbering ||
    a.match !== b.match ||
    a.displaced !== b.displaced ||
    !sameRange(a.labelRange, b.labelRange) ||
    a.cells.length !== b.cells.length ||
    JSON.stringify(a.split) !== JSON.stringify(b.split)
  )
    return false;
  for (let i = 0; i < a.cells.length; i++) if (!sameCell(a.cells[i]!, b.cells[i]!)) return false;
  return true;
}

const sameNote = (a: ParseNote, b: ParseNote) =>
  a.kind === b.kind && a.table === b.table && a.detail === b.detail && sameRange(a.range, b.range);

/** `before` and `after` with their notes (the report's notes of that table). */
export function sameShape(
  before: Table | null,
  after: Table | null,
  notesBefore: readonly ParseNote[],
  notesAfter: readonly ParseNote[],
): boolean {
  if (notesBefore.length !== notesAfter.length) return false;
  for (let i = 0; i < notesBefore.length; i++) if (!sameNote(notesBefore[i]!, notesAfter[i]!)) return false;
  if (!before || !after) return before === after;
  if (
    before.kind !== after.kind ||
    before.layout !== after.layout ||
    !sameRange(before.range, after.range) ||
    before.rows.length !== after.rows.length ||
    before.headerWords.join('\n') !== after.headerWords.join('\n')
  )
    return false;
  for (let i = 0; i < before.rows.length; i++) if (!sameRow(before.rows[i]!, after.rows[i]!)) return false;
  return true;
}
