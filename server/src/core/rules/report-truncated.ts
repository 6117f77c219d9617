/**
 * report.truncated — the text of a report ends inside a table or section (a cut copy): every
 * section after the last one present is absent, and either the text stops inside that section's
 * table (its later rows absent, nothing after its last row) or the report stops before its third
 * table. One finding instead of one table.row-missing per row after the cut and one
 * section.missing per later section: those two rules leave out what `truncation` says is cut; the
 * row the text stops in (`cutRow`: a label cut short, a row with its last values gone) is left out
 * by table.row-unknown and table.cell-count, and the section it stops in by table.missing.
 * Range: the report's last non-blank line. No fix (the rest of the text is the author's).
 */
import type { Report, Row, Table } from '../model';
import { activeTable, applicationRows, SECTIONS, TABLE_NAMES, type TableKind } from '../template';
import { lineStartAt } from '../text/lines';
import { found, type Rule } from './rule';

/** Where a report's text was cut. */
export interface Truncation {
  /** The last section present; every later one is absent. */
  section: number;
  /** The table the text ends in, and the template rows after its last row (absent, not reported). */
  table: Table | null;
  rowsAfter: Set<string>;
}

const TABLE_OF: Record<number, TableKind> = { 2: 'active', 3: 'applications', 4: 'review' };

function templateKeys(kind: TableKind, report: Report): string[] {
  if (kind === 'active')
    return activeTable(report.format)
      .captions.flatMap((c) => c.rows)
      .map((r) => r.key);
  if (kind === 'applications')
    return applicationRows(report.format)
      .filter((r) => r.values)
      .map((r) => r.key);
  return [];
}

/** Is there nothing but whitespace in text[from, to)? */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

/** The row a truncated report's text stops in: the last row of the last table, when nothing but
 *  whitespace and cell separators follow it to the report's end. null when the text is whole. */
export function cutRow(report: Report, text: string): Row | null {
  if (!truncation(report, text)) return null;
  let last: Row | null = null;
  for (const t of [report.tables.active, report.tables.applications, report.tables.review])
    for (const r of t?.rows ?? []) {
      const end = r.cells.length ? r.cells[r.cells.length - 1]!.range.end : r.labelRange.end;
      if (!last || end > lastEnd(last)) last = r;
    }
  if (!last) return null;
  for (let i = lastEnd(last); i < report.range.end; i++) if (!/[\s|｜]/.test(text[i]!)) return null;
  return last;
}

const lastEnd = (r: Row) => Math.max(r.labelRange.end, r.cells.length ? r.cells[r.cells.length - 1]!.range.end : 0);

/** The cut of a report, or null when its text is whole (see the module doc). */
export function truncation(report: Report, text: string): Truncation | null {
  if (!report.sections.length) return null;
  let last = 0;
  for (const s of report.sections) last = Math.max(last, s.number);
  if (last >= SECTIONS.length) return null;
  // A later section's table found without its header: the text goes on.
  for (let n = last + 1; n <= SECTIONS.length; n++) {
    const kind = TABLE_OF[n];
    if (kind && report.tables[kind]) return null;
  }
  const kind = TABLE_OF[last];
  const table = kind ? report.tables[kind] : null;
  const rowsAfter = new Set<string>();
  if (table && kind && table.rows.length && blank(text, table.range.end, report.range.end)) {
    const keys = templateKeys(kind, report);
    const present = new Set(table.rows.map((r) => r.key));
    let lastIndex = -1;
    for (const r of table.rows) lastIndex = Math.max(lastIndex, keys.indexOf(r.key));
    for (let i = lastIndex + 1; i < keys.length; i++) if (!present.has(keys[i]!)) rowsAfter.add(keys[i]!);
    if (rowsAfter.size) return { section: last, table, rowsAfter };
  }
  // The report stops before table 四's section: no report is written that way on purpose.
  if (last < 4) return { section: last, table: null, rowsAfter };
  return null;
}

export const reportTruncated: Rule<'report.truncated'> = {
  code: 'report.truncated',
  severity: 'warning',
  figures: [],
  description: {
    'zh-CN': '文本在表格或某一部分中间中断（不完整的副本）：报告一次，不逐行逐部分报告',
    en: 'the text ends inside a table or section (a cut copy): one finding instead of one per absent row or section',
  },
  messages: {
    'report.truncated': {
      'zh-CN': '报告文本在此中断，似为不完整的副本：此后缺少{sections}个部分',
      en: 'The report’s text stops here, apparently a cut copy: the {sections} sections after it are absent',
    },
    'report.truncated.table': {
      'zh-CN': '报告文本在“{table}”中中断，似为不完整的副本：此后缺少{rows}行和{sections}个部分',
      en: 'The report’s text stops inside “{table}”, apparently a cut copy: {rows} rows and {sections} sections after it are absent',
    },
  },
  check({ report, text }) {
    const cut = truncation(report, text);
    if (!cut) return [];
    let end = report.range.end;
    while (end > report.range.start && /\s/.test(text[end - 1]!)) end--;
    const range = { start: lineStartAt(text, Math.max(report.range.start, end - 1)), end };
    const sections = SECTIONS.length - cut.section;
    if (!cut.table) return [found(range, 'report.truncated', { sections })];
    const rows = cut.rowsAfter.size;
    return [found(range, 'report.truncated.table', { table: TABLE_NAMES[cut.table.kind], rows, sections })];
  },
};
