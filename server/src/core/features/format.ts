/**
 * Formatting: each table laid out again as pipe rows, tab rows or a Markdown table.
 *
 * Formatting only moves layout: it re-arranges the document's own words and figures (each row's
 * label and cells on one line, the header words as they are) and changes nothing but cell
 * separators, padding, line breaks and Markdown rule lines. It never writes a word of the template.
 *
 * Each table's rewrite is a candidate that is VERIFIED before it is offered: applied to the text,
 * re-read, and kept only when
 *   - the text without layout (whitespace, `|`, Markdown rule lines) is unchanged;
 *   - the document is read the same way: same script, same reports, sections, format, rows and
 *     cells (kind, value, text), same parser notes;
 *   - the findings are the same (code, severity, message), pinyin findings aside, whose per-line
 *     grouping is layout (their total count must match);
 *   - formatting the result again changes nothing.
 * A table that fails any of these, or whose reading is in doubt (unknown cells, values recovered
 * from a scrambled order, prose inside it), is left untouched and a refusal says why. HTML
 * documents are refused as a whole: their tables are markup, not text.
 */
import type { Message } from '../rules/findings';
import type { Range, Report, Table } from '../model';
import type { TableKind } from '../template';
import { sectionHeading, TABLE_SECTION } from '../template/vocabulary';
import { candidate, candidates, fingerprint, read, tablesOf, withoutLayout, type Reading } from './format-table';
export { withoutLayout } from './format-table';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type FormatLayout = 'pipe' | 'tab' | 'markdown';

/** Why a table (or the whole document) was left as it is. */
export type RefusalReason = 'html' | 'unsure' | 'prose' | 'changes';

export interface Refusal {
  /** The table left alone; null for the whole document. */
  table: TableKind | null;
  reason: RefusalReason;
  range: Range;
  /** What to tell the user (i18n.ts). */
  message: Message;
}

export interface FormatResult {
  edits: TextEdit[];
  refusals: Refusal[];
}

/** A table is named by its section's header (`二、主动公开政府信息情况`). */
const tableName = (kind: TableKind): string => sectionHeading(TABLE_SECTION[kind]);

function refusal(table: Table | null, reason: RefusalReason, range: Range): Refusal {
  return table
    ? {
        table: table.kind,
        reason,
        range,
        message: { id: `format.refused.${reason}`, args: { table: tableName(table.kind) } },
      }
    : { table: null, reason, range, message: { id: `format.refused.${reason}` } };
}

/**
 * Format a document (or one report's piece of it): the verified edits, and the tables left alone
 * with the reason. `given` is the reading the caller already holds (analysis text and reports of
 * `source`); without it the text is read here.
 */
export function formatText(
  source: string,
  layout: FormatLayout,
  given?: { atext: string; reports: Report[] },
): FormatResult {
  const refusals: Refusal[] = [];
  let base: Reading | null = null;
  const baseReading = () => (base ??= read(source));
  let reading: Reading;
  if (given)
    reading = {
      atext: given.atext,
      model: { length: source.length, reports: given.reports, traditional: false, pinyin: [], html: false },
    };
  else reading = baseReading();
  if (reading.model.html) return { edits: [], refusals: [refusal(null, 'html', { start: 0, end: source.length })] };
  if (given && !given.reports.some((r) => tablesOf(r).length)) return { edits: [], refusals };
  // The caller's reading must be the one the verification starts from.
  if (given) {
    const b = baseReading();
    if (b.model.html) return { edits: [], refusals: [refusal(null, 'html', { start: 0, end: source.length })] };
    reading = b;
  }

  const before = fingerprint(source, reading);
  if (reading.model.error) return { edits: [], refusals };
  const found = candidates(source, reading, layout, true);
  const edits: TextEdit[] = [];
  let text = source;
  let delta = 0;
  const sorted = found.slice().sort((a, b) => a.table.range.start - b.table.range.start);
  for (const { table, c } of sorted) {
    if (!c) continue;
    if ('refused' in c) {
      refusals.push(refusal(table, c.refused, table.range));
      continue;
    }
    // Markdown: first with a header row as wide as the widest row, then as it is.
    const tries = [{ e: c.edit, pad: true }];
    if (layout === 'markdown') {
      const report = reading.model.reports.find((r) => tablesOf(r).includes(table))!;
      const plain = candidate(source, reading.atext, table, report, layout, false);
      if (plain && 'edit' in plain && plain.edit.newText !== c.edit.newText) tries.push({ e: plain.edit, pad: false });
    }
    let accepted = false;
    for (const { e, pad } of tries) {
      const next = text.slice(0, e.start + delta) + e.newText + text.slice(e.end + delta);
      if (verify(next, before, table, layout, pad, e.start + delta, e.newText.length)) {
        edits.push(e);
        text = next;
        delta += e.newText.length - (e.end - e.start);
        accepted = true;
        break;
      }
    }
    if (!accepted) refusals.push(refusal(table, 'changes', table.range));
  }
  return { edits, refusals };
}

/** The rewritten text reads as the original did, and formatting it again changes nothing there. */
function verify(
  next: string,
  before: ReturnType<typeof fingerprint>,
  table: Table,
  layout: FormatLayout,
  pad: boolean,
  at: number,
  length: number,
): boolean {
  if (withoutLayout(next) !== before.content) return false;
  const r = read(next);
  const after = fingerprint(next, r);
  if (after.reading !== before.reading || after.findings !== before.findings) return false;
  // Idempotent: the same table, formatted again, stays as it is.
  for (const report of r.model.reports)
    for (const t of tablesOf(report)) {
      if (t.kind !== table.kind || t.range.end < at || t.range.start > at + length) continue;
      if (candidate(next, r.atext, t, report, layout, pad) !== null) return false;
    }
  return true;
}

/** Edits that lay out again every table that can be, verified (see `formatText`). `text` is the
 *  analysis text of `source`, `reports` its reports. */
export function formatTables(text: string, source: string, reports: Report[], layout: FormatLayout): TextEdit[] {
  return formatText(source, layout, { atext: text, reports }).edits;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
