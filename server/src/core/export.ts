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
  /** The row's label as the template prints it; a row of a group (（三）1–8, （四）, （五）, （六）)
   *  named under its group's label (`（三）不予公开 1.属于国家秘密`), so that no row reads `1.` alone. */
  row: string;
  columns: string[];
  values: (number | null)[];
  /** A group's heading (`三、本年度办理结果`, `（三）不予公开`): no values of its own. */
  heading?: boolean;
  /** The label alone, for a row printed under its heading (Markdown). */
  label?: string;
}

/** Table 三's rows in the template's order, each group's heading before its items (a heading only
 *  when one of its items is present); a 2021 report that wrote （六）其他处理 as one row gets it in
 *  its place, not after （七）. */
function applicationFlatRows(report: Report, table: Table): FlatRow[] {
  const out: FlatRow[] = [];
  const defs = applicationRows(report.format);
  const byKey = new Map<string, Row>();
  for (const r of table.rows) if (r.key && !byKey.has(r.key)) byKey.set(r.key, r);
  const numeral = tableNumeral('applications');
  const columns = [...APPLICANT_COLUMNS];
  let heading: { label: string; shown: boolean } | null = null;
  let group = '';
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i]!;
    if (!def.values) {
      // The one-row （六） of a 2021 report stands where the group's heading stands.
      const single = byKey.get('other');
      if (def.label === OTHER_OUTCOME_LABEL && single && !defs.some((d) => d.key === 'other')) {
        out.push({ table: numeral, row: OTHER_OUTCOME_LABEL, columns, values: values(single) });
        heading = null;
        group = '';
        continue;
      }
      const next = defs[i + 1];
      // A heading of numbered items (（三）1–8) names them; a top heading (三、) stands on its own.
      group = next?.group ? def.label : '';
      heading = { label: def.label, shown: false };
      continue;
    }
    if (!def.group) group = '';
    const r = byKey.get(def.key);
    if (!r) continue;
    if (heading && !heading.shown) {
      out.push({ table: numeral, row: heading.label, columns, values: [], heading: true });
      heading.shown = true;
    }
    const row = group ? `${group} ${def.label}` : def.label;
    out.push({ table: numeral, row, label: def.label, columns, values: values(r) });
  }
  return out;
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
  if (applications) for (const r of applicationFlatRows(report, applications)) out.push(r);
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

/** The byte order mark a CSV starts with, so that a spreadsheet reads it as UTF-8. */
export const BOM = '\ufeff';

/** CSV, UTF-8 with a BOM (Excel shows Chinese without it as mojibake): one line per cell. */
export function toCsv(items: { path: string; report: Report }[]): string {
  const lines = [BOM + 'file,report,table,row,column,value'];
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
      const cells = r.heading ? r.columns.map(() => '') : r.values.map((v) => (v === null ? '' : String(v)));
      out.push(`| ${mdCell(r.label ?? r.row)} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
