/** The shape of a rule, and what every rule may read. */
import type { Code, Finding, FixData, Message } from './findings';
import { DEFAULT_SEVERITY } from './findings';
import type { DocumentModel, Range, Report, Row, Table } from '../model';

export interface ReportRef {
  /** Where the report comes from (file path or URI), for messages. */
  source: string;
  organ: string | null;
  year: number | null;
  report: Report;
}

export interface RuleContext {
  /** The analysis text (same offsets as the document). */
  text: string;
  /** The document text as the user has it (for quoting it in messages). */
  source: string;
  model: DocumentModel;
  report: Report;
  options: { narrativeChecks: boolean };
  /** Other reports known (open documents, workspace files, CLI inputs), for cross-year checks. */
  others: ReportRef[];
}

export interface Rule {
  code: Code;
  check(ctx: RuleContext): Finding[];
}

export function finding(code: Code, range: Range, id: string, args: Message['args'] = {}, data?: FixData): Finding {
  return { code, severity: DEFAULT_SEVERITY[code], range: { start: range.start, end: range.end }, message: { id, args }, ...(data ? { data } : {}) };
}

export function rowOf(table: Table | null, key: string): Row | undefined {
  return table?.rows.find((r) => r.key === key);
}

/** A cell's value for arithmetic: a number; 0 for a blank cell (blank is reported on its own);
 *  null when the value is unknown (could not be read) or the cell is absent. */
export function num(row: Row | undefined, c: number): number | null {
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
