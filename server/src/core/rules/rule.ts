/**
 * The shape of a rule, and what every rule may read.
 *
 * A rule file reads top to bottom: its doc comment (what it checks, the range it reports, what its
 * fix does), then `Rule<code, Data>`: default severity, description, messages (zh-CN and en), check
 * and fix. The check returns `Found` (range, message, data); the runner (check.ts) adds the rule's
 * code and severity. The fix receives the finding its check produced, typed by the rule's `Data`.
 */
import type { Finding, FindingData, Locale, Message, Related, Severity } from './findings';
import type { DocumentModel, Range, Report, Row, Table } from '../model';
import type { TextLayout } from '../features/render';
import type { TableKind } from '../template';
import type { ProseSketch } from '../crossyear/shingles';

export type Localized = Readonly<Record<Locale, string>>;

export interface ReportRef {
  /** Where the report comes from (file path or URI), for messages. */
  source: string;
  organ: string | null;
  year: number | null;
  report: Report;
  /** Its prose sections sketched (crossyear/shingles.ts `proseSketches`), for crossyear.copied-text;
   *  absent when whoever listed the report did not read its text. */
  prose?: readonly ProseSketch[];
}

export interface RuleContext {
  /** The analysis text (same offsets as the document). */
  text: string;
  /** The document text as the user has it (for quoting it in messages). */
  source: string;
  model: DocumentModel;
  report: Report;
  options: { narrativeChecks: boolean };
  /** Other reports known (open documents, workspace files, CLI inputs), for cross-year checks; the
   *  list may hold this report itself. Look reports up with check.ts `reportsOf` (an index). */
  others: ReportRef[];
}

/** What a fix may read besides its finding: one report's text as the user has it, in offsets local
 *  to it (the finding's offsets are local too), its model, its pinyin and how its tables are laid out. */
export interface FixContext {
  text: string;
  report: Report;
  pinyin: readonly Range[];
  layout: TextLayout;
}

export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** One fix a rule proposes; features/fixes.ts tries it before it is offered. */
export interface FixCandidate {
  title: Message;
  edits: Edit[];
  /** What the fix must remove to be kept: its own finding (the default), or every finding of the
   *  rule's code (a fix-everything action such as removing all pinyin). */
  removes?: 'finding' | 'code';
  /** Codes whose new findings inside the text the fix inserts are expected, not new problems: an
   *  inserted section still to be filled in (一's five topics, 六's fee sentence). */
  expects?: readonly string[];
}

/** What a check returns: the runner adds the rule's code and severity. */
export interface Found<D extends FindingData> {
  range: Range;
  message: Message;
  data?: D;
  /** Other places the finding names (shown as related information). */
  related?: Related[];
}

export interface Rule<C extends string = string, D extends FindingData = FindingData> {
  readonly code: C;
  /** The default severity (the user may change it per code, disclosureReport.severity). */
  readonly severity: Severity;
  /** One line for the README's table, SARIF's rule metadata and the LSP code description. */
  readonly description: Localized;
  /** Every message id the rule's findings and fix titles use; each starts with the rule's code. */
  readonly messages: Readonly<Record<string, Localized>>;
  check(ctx: RuleContext): Found<D>[];
  /** Candidate edits for one of the rule's own findings (a method: checked bivariantly, so that a
   *  rule typed by its data is still a `Rule`). */
  fix?(finding: Finding<D>, ctx: FixContext): FixCandidate[];
  /** Whether fix-all (source.fixAll, run on save) may apply the fix unasked: true only for a fix that
   *  writes no figure (labels, numbering, headers, pinyin, inserted sections); a fix that sets, fills or
   *  moves a number is a quick fix the user chooses. Every rule with a fix declares it. */
  readonly safeFix?: boolean;
  /** The tables whose figures the rule reads, when it declares them ([]: none: only headers, titles,
   *  prose, and the tables' shape, that is their rows, labels, cells' kinds and the parse's notes).
   *  After an edit that changed nothing but the digits of a figure of another table
   *  (parse/tables/stream.ts `patchNumber`) and left that table's shape as it was
   *  (parse/tables/shape.ts), the editor keeps the rule's findings (moved) instead of running it
   *  again. A rule that reads the text around a number (a year in a caption, a figure in prose) must
   *  not declare []. A rule that does not declare it runs after every edit; one that reads `others`
   *  must not declare it (the other reports change without an edit of this one). */
  readonly figures?: readonly TableKind[];
}

/** A finding of the rule being run: the range is copied (the rule may grow it afterwards). */
export function found<D extends FindingData = never>(
  range: Range,
  id: string,
  args: Message['args'] = {},
  data?: D,
): Found<D> {
  return { range: { start: range.start, end: range.end }, message: { id, args }, ...(data ? { data } : {}) };
}

/** The finding's range replaced by `newText`, titled by the message `id` with `args`. */
export function replaceWith(f: Finding, newText: string, id: string, args: Message['args'] = {}): FixCandidate[] {
  return [{ title: { id, args }, edits: [{ start: f.range.start, end: f.range.end, newText }] }];
}

/** A cell of table 三 set to the computed value; when it is an applicant column's, the row's 总计
 *  moves with it, so that the row still adds up. */
export function setCell(
  f: Finding<{ expected: number; replacement: string }>,
  report: Report,
  id: string,
): FixCandidate[] {
  const d = f.data;
  if (!d) return [];
  const edits: Edit[] = [{ start: f.range.start, end: f.range.end, newText: d.replacement }];
  const row = report.tables.applications?.rows.find((r) => r.cells.some((c) => c.range.start === f.range.start));
  const col = row?.cells.findIndex((c) => c.range.start === f.range.start) ?? -1;
  const cur = row?.cells[col];
  const total = row?.cells[6];
  if (
    row &&
    col >= 0 &&
    col < 6 &&
    cur?.kind === 'number' &&
    total?.kind === 'number' &&
    total.value !== null &&
    cur.value !== null
  ) {
    edits.push({
      start: total.range.start,
      end: total.range.end,
      newText: String(total.value + d.expected - cur.value),
    });
  }
  return [{ title: { id, args: { value: d.replacement } }, edits }];
}

/** `newText` inserted at `at`. */
export function insertAt(at: number, newText: string, id: string, args: Message['args'] = {}): FixCandidate[] {
  return [{ title: { id, args }, edits: [{ start: at, end: at, newText }] }];
}

export function rowOf(table: Table | null, key: string): Row | undefined {
  return table?.rows.find((r) => r.key === key);
}

/** A cell's value for arithmetic: a number; 0 for a blank cell (blank is reported on its own);
 *  null when the value is unknown (could not be read), its row was recovered from a scrambled order,
 *  or the cell is absent. */
export function num(row: Row | undefined, c: number): number | null {
  // Values recovered from a scrambled order are not certain (template/arithmetic.ts `placed`).
  if (row?.displaced) return null;
  const cell = row?.cells[c];
  if (!cell) return null;
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'blank' || cell.kind === 'na') return 0;
  return null;
}

/** The cell itself is written (not blank, not unknown): only such a total can be wrong. */
export function written(row: Row | undefined, c: number): boolean {
  return row?.cells[c]?.kind === 'number';
}

export const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));
