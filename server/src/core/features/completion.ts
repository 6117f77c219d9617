/**
 * Completion at the start of a line: the rows of the table the cursor is in (the ones still missing
 * first, in template order, numbered in the document's style, in the table's layout), the section
 * headers (the next missing one first), a table's header block, a whole empty table, a report
 * skeleton. Offsets are local to the report's text.
 */
import type { Report, Table } from '../model';
import { lineStartAt } from '../text/lines';
import { activeTable, applicationRows, SECTIONS, type RowDef, type TableKind } from '../template';
import { COMPLETION_WORDS as W, NUMERALS, TABLE_WORD, tableNumeral } from '../template/vocabulary';
import { renderRow, renderSkeleton, renderTable, type TextLayout } from './render';

export interface CompletionEntry {
  label: string;
  kind: 'row' | 'section' | 'header' | 'table' | 'skeleton';
  insertText: string;
  /** Replace [replaceStart, offset) — what was typed on the line so far. */
  replaceStart: number;
  sortText: string;
  filterText: string;
  detail: { id: string; args?: Record<string, string | number> };
}

function layoutOf(t: Table | null, fallback: TextLayout): TextLayout {
  if (!t) return fallback;
  if (t.layout === 'tab') return 'tab';
  if (t.layout === 'cell-per-line') return 'cell-per-line';
  if (t.layout === 'pipe') return 'pipe';
  return fallback;
}

/** A numbering in full-width brackets: `（三）`. */
const FULL_WIDTH_NUMBERING = new RegExp(`^（([${NUMERALS}]+)）`);

/** The document's way of numbering rows: `1.` or `1、`, （一） or (一), a space after or not. */
function numberingStyle(source: string, table: Table | null): (label: string) => string {
  let dot = '.';
  let paren: 'full' | 'half' = 'full';
  let space = '';
  for (const r of table?.rows ?? []) {
    const written = source.slice(r.labelRange.start, r.labelRange.end);
    const d = /^\d+([.、．])(\s?)/.exec(written);
    if (d) {
      dot = d[1]!;
      space = d[2]!;
    }
    if (/^\(/.test(written)) paren = 'half';
  }
  return (label) => {
    let l = label.replace(/^(\d+)\./, `$1${dot}${space}`);
    if (paren === 'half') l = l.replace(FULL_WIDTH_NUMBERING, '($1)');
    return l;
  };
}

const KIND: Record<number, TableKind> = { 2: 'active', 3: 'applications', 4: 'review' };

/** The setting `disclosureReport.templateYear`: a year, or `auto`. */
export type TemplateYearSetting = number | 'auto';

/**
 * The statistics year a clerk is writing a report for: the year set, or (`auto`) last year until the
 * end of March — reports are due by 31 January and revised after — and this year from April on.
 * `now` comes from the caller (the core reads no clock); month is 1–12.
 */
export function templateYear(setting: TemplateYearSetting, now: { year: number; month: number }): number {
  if (typeof setting === 'number') return setting;
  return now.month <= 3 ? now.year - 1 : now.year;
}

/** Completion at `offset`; `year`: the year a skeleton's title writes (templateYear). */
export function complete(source: string, report: Report | null, offset: number, year?: number): CompletionEntry[] {
  const lineStart = lineStartAt(source, offset);
  const typed = source.slice(lineStart, offset);
  // Only at the start of a line: nothing typed yet but a label's first characters.
  if (/[|\t]/.test(typed.trimStart())) return [];
  const lead = typed.length - typed.trimStart().length;
  const replaceStart = lineStart + lead;
  const out: CompletionEntry[] = [];
  const fmt = report?.format ?? '2021';
  const section = report?.sections.filter((s) => s.headerRange.end <= offset && offset <= s.range.end).pop();
  const tableKind = section ? KIND[section.number] : undefined;
  const existing = report
    ? ([report.tables.applications, report.tables.active, report.tables.review].find((t) => t) ?? null)
    : null;
  const docLayout = layoutOf(existing, 'pipe');

  if (tableKind && report) {
    const table = report.tables[tableKind];
    const layout = layoutOf(table, docLayout);
    const style = numberingStyle(source, table);
    if (tableKind !== 'review') {
      const defs: RowDef[] =
        tableKind === 'active' ? activeTable(fmt).captions.flatMap((c) => c.rows) : applicationRows(fmt);
      const present = new Set(table?.rows.map((r) => r.key) ?? []);
      defs.forEach((d, i) => {
        const missing = d.values > 0 && !present.has(d.key);
        const label = style(d.label);
        const values = d.values ? Array<string>(d.values).fill('0') : [];
        out.push({
          label,
          kind: 'row',
          insertText: d.values ? renderRow(label, values, layout) : label,
          replaceStart,
          sortText: `${missing ? '0' : '1'}${String(i).padStart(3, '0')}`,
          filterText: `${label} ${d.text}`,
          detail: {
            id: missing ? 'completion.row-missing' : d.values ? 'completion.row' : 'completion.group',
            args: { table: tableNumeral(tableKind) },
          },
        });
      });
    }
    if (!table) {
      const name = `${TABLE_WORD}${section!.numeral}`;
      out.push({
        label: name,
        kind: 'table',
        insertText: renderTable(tableKind, fmt, layout),
        replaceStart,
        sortText: '0000',
        filterText: `${name} ${W.tableAlias} table`,
        detail: { id: 'completion.table' },
      });
    }
    const header = renderTable(tableKind, fmt, layout)
      .split('\n')
      .slice(0, tableKind === 'review' ? 3 : tableKind === 'applications' ? 3 : 2)
      .join('\n');
    out.push({
      label: `${TABLE_WORD}${section!.numeral}${W.header}`,
      kind: 'header',
      insertText: header,
      replaceStart,
      sortText: '2000',
      filterText: `${W.header} header ${header.slice(0, 8)}`,
      detail: { id: 'completion.header' },
    });
  }

  // Section headers: the next missing one first.
  const have = new Set(report?.sections.map((s) => s.number) ?? []);
  const after = section?.number ?? 0;
  SECTIONS.forEach((s) => {
    const label = `${s.numeral}、${s.title}`;
    const missing = !have.has(s.number);
    const next =
      missing &&
      s.number > after &&
      ![...SECTIONS].some((x) => x.number > after && x.number < s.number && !have.has(x.number));
    out.push({
      label,
      kind: 'section',
      insertText: label,
      replaceStart,
      sortText: `${next ? '05' : missing ? '3' : '8'}${s.number}`,
      filterText: `${label} ${s.title}`,
      detail: { id: missing ? 'completion.section-missing' : 'completion.section' },
    });
  });
  if (!report || source.trim().length < 20) {
    out.push({
      label: W.skeleton,
      kind: 'skeleton',
      insertText: renderSkeleton(fmt, docLayout, undefined, year),
      replaceStart,
      sortText: '9',
      filterText: `${W.skeletonFilter} template report`,
      detail: { id: 'completion.skeleton' },
    });
  }
  return out;
}
