/**
 * table.cell-count — a row visibly has more or fewer values than its columns: its label and its
 * values stand on one line with explicit cell separators (`|`, tabs, or an HTML table's cells), so
 * the count is a fact of the report, not a guess of the reader. Everywhere else (spaces, one cell
 * per line, run-together digits, scrambled order) a wrong count is the reader's doubt, reported as
 * `table.unreadable` (rules/table-unreadable.ts), never as an error of the report.
 * Too many values: the numbers past the row's last column on the same separated line (the parser
 * leaves them unplaced), or table 四's numbers past its fifteenth on the line of its values.
 * The row a truncated text stops in, short of values, is left to report.truncated (its last values
 * were cut with the rest of the text).
 * Range: the row label (table 四: the extra numbers). No fix: which value is missing or extra is the
 * author's to say.
 */
import type { ParseNote, Report, Row, Table } from '../model';
import { activeTable, applicationRows } from '../template';
import { APPLICANT_WIDTH, REVIEW_WIDTH } from '../template/arithmetic';
import { REVIEW_ROW_LABEL } from '../template/vocabulary';
import { found, type Found, type Rule } from './rule';
import { cutRow } from './report-truncated';

/** The number of values a row of a table should have (0: not a row with values). */
export function widthOf(report: Report, t: Table, key: string): number {
  if (t.kind === 'review') return REVIEW_WIDTH;
  if (t.kind === 'active') return activeWidths(report.format).get(key) ?? 0;
  return applicationRows(report.format).find((d) => d.key === key)?.values ?? APPLICANT_WIDTH;
}

/** Table 二's row widths by key, per format (read for every row of every report). */
const ACTIVE_WIDTHS = new Map<Report['format'], Map<string, number>>();
function activeWidths(format: Report['format']): Map<string, number> {
  let m = ACTIVE_WIDTHS.get(format);
  if (!m) {
    m = new Map();
    for (const c of activeTable(format).captions) for (const d of c.rows) if (!m.has(d.key)) m.set(d.key, d.values);
    ACTIVE_WIDTHS.set(format, m);
  }
  return m;
}

/** Between two offsets of one line, a cell separator (`|`, full-width `｜`, a tab) and no line break. */
function separated(text: string, from: number, to: number): boolean {
  // Read in place (every cell of every row asks, after every keystroke): no slice, no pattern.
  let separator = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 124 || c === 0xff5c || c === 9) separator = true;
  }
  return separator;
}

/** Every cell of the row stands on its label's line, each one apart from the one before by a separator. */
function separatedRow(text: string, t: Table, row: Row): boolean {
  if (t.layout === 'html') return row.cells.length > 0;
  // Table 四's one row has no label of its own: its values stand under the header.
  const first = t.kind === 'review' ? row.cells[0] : undefined;
  let at = first ? first.range.start : row.labelRange.end;
  for (const c of row.cells) {
    if (c !== first && !separated(text, at, c.range.start)) return false;
    at = c.range.end;
  }
  return row.cells.length > 0;
}

/** A wrong count the layout shows, with the note of unplaced values it explains (too many values). */
export interface VisibleCount {
  table: Table;
  row: Row;
  found: number;
  expected: number;
  note?: ParseNote;
}

/** The rows whose wrong count the layout shows (table.cell-count's findings; table.unreadable leaves
 *  their notes alone: one problem, one finding). */
export function visibleCounts(report: Report, text: string): VisibleCount[] {
  const out: VisibleCount[] = [];
  const { active, applications, review } = report.tables;
  for (const t of [active, applications, review]) {
    if (!t) continue;
    for (const row of t.rows) {
      const n = widthOf(report, t, row.key);
      if (!n || row.split || !separatedRow(text, t, row)) continue;
      // Numbers left unplaced right after the row's last cell, on its line: the row has them too.
      const last = row.cells[row.cells.length - 1]!.range.end;
      const note = report.notes.find(
        (x) =>
          (x.kind === 'unplaced-values' || x.kind === 'extra-values') &&
          x.table === t.kind &&
          separated(text, last, x.range.start),
      );
      const extra = note ? note.detail.split(/\s+/).filter(Boolean).length : 0;
      const count = row.cells.length + extra;
      if (count !== n) out.push({ table: t, row, found: count, expected: n, ...(note ? { note } : {}) });
    }
  }
  return out;
}

export const tableCellCount: Rule<'table.cell-count'> = {
  code: 'table.cell-count',
  severity: 'error',
  figures: [],
  description: {
    'zh-CN': '某行在有分隔符的表格中明显多出或缺少数值（读取时的不确定另报 table.unreadable）',
    en: 'a row visibly has more or fewer values than columns (a layout with cell separators)',
  },
  messages: {
    'table.cell-count': {
      'zh-CN': '“{row}”有{found}个数值，应为{expected}个',
      en: '“{row}” has {found} values, {expected} expected',
    },
  },
  check({ report, text }) {
    const out: Found<never>[] = [];
    const cut = cutRow(report, text);
    for (const v of visibleCounts(report, text)) {
      if (v.row === cut && v.found < v.expected) continue;
      const args = { row: v.row.label || REVIEW_ROW_LABEL, found: v.found, expected: v.expected };
      const range = v.table.kind === 'review' && v.note ? v.note.range : v.row.labelRange;
      out.push(found(range, 'table.cell-count', args));
    }
    return out;
  },
};
