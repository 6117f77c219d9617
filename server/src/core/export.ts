/**
 * The normalized report (contract.md, "Normalized report") and its CSV and Markdown renderings.
 */
import type { Report, Row, Table } from './model';
import { LineIndex } from './text/lines';
import {
  activeTable,
  APPLICANT_COLUMNS,
  applicationRows,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  type Format,
} from './template';
import { ITEM_COLUMN, OTHER_OUTCOME_LABEL, TABLE_WORD, tableNumeral } from './template/vocabulary';

export interface NormalizedReport {
  format: Format;
  title: string | null;
  organ: string | null;
  year: number | null;
  sections: { number: number; title: string; line: number }[];
  active: Record<string, (number | null)[]> | null;
  applications: Record<string, unknown> | null;
  review: Record<string, (number | null)[]> | null;
}

const values = (r: Row): (number | null)[] => r.cells.map((c) => (c.kind === 'number' ? c.value : null));

function setPath(obj: Record<string, unknown>, key: string, v: unknown): void {
  const parts = key.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    if (typeof o[p] !== 'object' || o[p] === null || Array.isArray(o[p])) o[p] = {};
    o = o[p] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]!] = v;
}

/** Template order of the row keys present (first occurrence wins). */
function byTemplate(table: Table, order: string[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of table.rows) if (r.key && !seen.has(r.key)) seen.set(r.key, r);
  const out: Row[] = [];
  for (const k of order) {
    const r = seen.get(k);
    if (r) out.push(r);
  }
  for (const [k, r] of seen) if (!order.includes(k)) out.push(r);
  return out;
}

/** line(offset) → 0-based line number. */
export type LineOf = (offset: number) => number;

export function normalizeReport(report: Report, lineOf: LineOf): NormalizedReport {
  const { active, applications, review } = report.tables;
  let act: NormalizedReport['active'] = null;
  if (active) {
    act = {};
    const order = activeTable(report.format).captions.flatMap((c) => c.rows.map((r) => r.key));
    for (const r of byTemplate(active, order)) act[r.key] = values(r);
  }
  let apps: NormalizedReport['applications'] = null;
  if (applications) {
    apps = {};
    const order = [...applicationRows(report.format).map((r) => r.key), 'other'];
    for (const r of byTemplate(applications, order)) setPath(apps, r.key, values(r));
  }
  let rev: NormalizedReport['review'] = null;
  const row = review?.rows[0];
  if (row) {
    const v = values(row);
    rev = {};
    REVIEW_BLOCKS.forEach((b, i) => (rev![b.key] = v.slice(i * 5, i * 5 + 5)));
  }
  return {
    format: report.format,
    title: report.title,
    organ: report.organ,
    year: report.year,
    sections: report.sections.map((s) => ({ number: s.number, title: s.title, line: lineOf(s.headerRange.start) })),
    active: act,
    applications: apps,
    review: rev,
  };
}

/** A function from offset to 0-based line, built once per text. */
export function lineIndex(text: string): LineOf {
  const index = new LineIndex(text);
  return (offset: number) => index.lineAt(offset);
}

// ---------------------------------------------------------------------------------------------
// Flat renderings: one line per table row, for CSV and Markdown.

export interface FlatRow {
  table: string;
  row: string;
  columns: string[];
  values: (number | null)[];
}

export function flatRows(report: Report): FlatRow[] {
  const out: FlatRow[] = [];
  const { active, applications, review } = report.tables;
  if (active) {
    for (const cap of activeTable(report.format).captions)
      for (const def of cap.rows) {
        const r = active.rows.find((x) => x.key === def.key);
        if (r)
          out.push({ table: tableNumeral('active'), row: def.label, columns: cap.header.slice(1), values: values(r) });
      }
  }
  if (applications) {
    const defs = applicationRows(report.format);
    const keys = new Set(applications.rows.map((r) => r.key));
    for (const def of defs) {
      const r = applications.rows.find((x) => x.key === def.key);
      if (r && def.values)
        out.push({
          table: tableNumeral('applications'),
          row: def.label,
          columns: [...APPLICANT_COLUMNS],
          values: values(r),
        });
    }
    const extra = applications.rows.find((x) => x.key === 'other' && !defs.some((d) => d.key === 'other'));
    if (extra && !keys.has('other.other'))
      out.push({
        table: tableNumeral('applications'),
        row: OTHER_OUTCOME_LABEL,
        columns: [...APPLICANT_COLUMNS],
        values: values(extra),
      });
  }
  const rv = review?.rows[0];
  if (rv) {
    const v = values(rv);
    REVIEW_BLOCKS.forEach((b, i) =>
      out.push({
        table: tableNumeral('review'),
        row: b.title,
        columns: [...REVIEW_COLUMNS],
        values: v.slice(i * 5, i * 5 + 5),
      }),
    );
  }
  return out;
}

/** A CSV cell; text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
 *  gets a leading `'` (CSV injection). A number cell stays a number, negative or not. */
const csvCell = (s: string, isNumber = false) => {
  const t = !isNumber && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export function toCsv(items: { path: string; report: Report }[]): string {
  const lines = ['file,report,table,row,column,value'];
  for (const { path, report } of items) {
    const name = report.title ?? report.organ ?? '';
    for (const r of flatRows(report))
      r.values.forEach((v, i) =>
        lines.push(
          [path, name, r.table, r.row, r.columns[i] ?? String(i + 1), v === null ? '' : String(v)]
            .map((c, k) => csvCell(c, k === 5 && typeof v === 'number'))
            .join(','),
        ),
      );
  }
  return lines.join('\n') + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|');

export function toMarkdown(items: { path: string; report: Report }[]): string {
  const out: string[] = [];
  for (const { path, report } of items) {
    out.push(`## ${mdCell(report.title ?? report.organ ?? path)} (${report.format})`, '', `${mdCell(path)}`, '');
    let table = '';
    let columns = '';
    for (const r of flatRows(report)) {
      if (r.table !== table) {
        table = r.table;
        columns = '';
        out.push('', `### ${TABLE_WORD}${table}`);
      }
      if (r.columns.join() !== columns) {
        columns = r.columns.join();
        out.push(
          '',
          `| ${ITEM_COLUMN} | ${r.columns.map(mdCell).join(' | ')} |`,
          `|---|${r.columns.map(() => '---:').join('|')}|`,
        );
      }
      out.push(`| ${mdCell(r.row)} | ${r.values.map((v) => (v === null ? '' : String(v))).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
