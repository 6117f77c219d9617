/**
 * The preview as data: each report's three tables laid out as the national format prints them —
 * rows of cells with their rowspan/colspan, every cell with its document offset, its value, the
 * expected value when a total is wrong and the messages of the findings on it — plus the findings
 * that sit on no cell. No markup here: lsp/preview-html.ts draws the grid (escaping, CSP, script).
 *
 * A cell is marked from the findings, not by re-evaluating the sums: the preview shows what the
 * diagnostics say (a code turned off, or a total left unevaluated, marks nothing), and the total
 * rules take their expected values from template/arithmetic.ts.
 */
import type { Finding, Severity } from '../rules/findings';
import { localize, type Locale } from '../i18n';
import type { Cell, CellKind, Report, Row, Table } from '../model';
import {
  activeTable,
  APPLICANT_COLUMNS,
  applicationRows,
  GROUP_LABELS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  TABLE3_CORNER_NOTE,
  TABLE3_HEADER,
  TABLE4_HEADER,
  type Format,
  type RowDef,
  type TableKind,
} from '../template';
import { APPLICANT_WIDTH, REVIEW_WIDTH } from '../template/arithmetic';

interface Span {
  colspan?: number;
  rowspan?: number;
}

/** A header cell printed by the format: a caption, a column header, the corner note of table 三, or
 *  the name of a group of rows. */
export interface HeadCell extends Span {
  kind: 'caption' | 'head' | 'corner' | 'group';
  text: string;
}

/** A row's label; offset: where the report writes it (absent when the report lacks the row). */
export interface LabelCell extends Span {
  kind: 'label';
  text: string;
  offset?: number;
}

/** A value of the report. */
export interface ValueCell extends Span {
  kind: 'value';
  cell: CellKind;
  /** What is shown: the number or n/a as written, `?` for an unknown value, else nothing. */
  text: string;
  value: number | null;
  offset: number;
  /** The value a wrong total should have. */
  expected?: string;
  /** The messages of the findings on this cell. */
  messages?: string[];
}

/** A cell of a row the report lacks. */
export interface AbsentCell extends Span {
  kind: 'absent';
}

export type PreviewCell = HeadCell | LabelCell | ValueCell | AbsentCell;

export interface PreviewRow {
  cells: PreviewCell[];
  /** Rows of the template: whether the report lacks the row. Absent on header rows. */
  missing?: boolean;
}

export interface PreviewTable {
  kind: TableKind;
  heading: string;
  rows: PreviewRow[];
}

/** A finding on no cell of the grid. */
export interface PreviewNote {
  offset: number;
  message: string;
  severity: Severity;
  /** The severity in the grid's language (错误, Warning …). */
  severityText: string;
}

export interface PreviewReport {
  /** The report's title, else its organ, else `Report n`. */
  title: string;
  /** `2021年格式`, `2021 format`. */
  format: string;
  /** One line: the format, the organ, the year, and how many errors and warnings the report has. */
  summary: string;
  errors: number;
  warnings: number;
  offset: number;
  tables: PreviewTable[];
  /** Findings within the report that sit on no cell. */
  notes: PreviewNote[];
}

export interface PreviewGrid {
  locale: Locale;
  reports: PreviewReport[];
  /** What to say when there is no report. */
  empty: string;
  /** Findings outside every report. */
  notes: PreviewNote[];
  /** The heading of the list of findings on no cell. */
  notesHeading: string;
}

interface Marks {
  expected: Map<number, string>;
  messages: Map<number, string[]>;
  placed: Set<number>;
}

function marksOf(findings: readonly Finding[], locale: Locale): Marks {
  const expected = new Map<number, string>();
  const messages = new Map<number, string[]>();
  for (const f of findings) {
    const list = messages.get(f.range.start) ?? [];
    list.push(localize(f.message, locale));
    messages.set(f.range.start, list);
    const total = f.code.startsWith('table3.') || f.code.startsWith('table4.');
    if (f.data?.expected !== undefined && total) expected.set(f.range.start, String(f.data.expected));
  }
  return { expected, messages, placed: new Set() };
}

function valueCell(cell: Cell | undefined, m: Marks, colspan?: number): ValueCell | AbsentCell {
  const span = colspan === undefined ? {} : { colspan };
  if (!cell) return { kind: 'absent', ...span };
  const at = cell.range.start;
  m.placed.add(at);
  const text = cell.kind === 'number' || cell.kind === 'na' ? cell.raw : cell.kind === 'unknown' ? '?' : '';
  const expected = m.expected.get(at);
  const messages = m.messages.get(at);
  return {
    kind: 'value',
    ...span,
    cell: cell.kind,
    text,
    value: cell.value,
    offset: at,
    ...(expected !== undefined ? { expected } : {}),
    ...(messages ? { messages } : {}),
  };
}

function label(row: Row | undefined, text: string, colspan?: number): LabelCell {
  const span = colspan === undefined ? {} : { colspan };
  return { kind: 'label', text, ...span, ...(row ? { offset: row.labelRange.start } : {}) };
}

const head = (text: string, span: Span = {}): HeadCell => ({ kind: 'head', text, ...span });

/** Table 二: per caption, a caption row, a header row and its rows (1, 2 or 4 values). */
function active(format: Format, t: Table | null, m: Marks): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const cap of activeTable(format).captions) {
    rows.push({ cells: [{ kind: 'caption', text: cap.label, colspan: 4 }] });
    const span = cap.header.length === 2 ? 3 : cap.header.length === 3 ? 1 : undefined;
    rows.push({ cells: cap.header.map((h, i) => head(h, i === 1 && span !== undefined ? { colspan: span } : {})) });
    for (const d of cap.rows) {
      const row = t?.rows.find((r) => r.key === d.key);
      const cells: PreviewCell[] = [label(row, d.label)];
      for (let i = 0; i < d.values; i++) {
        const colspan = d.values === 1 && i === 0 ? 3 : d.values === 2 && i === 1 ? 2 : undefined;
        cells.push(valueCell(row?.cells[i], m, colspan));
      }
      rows.push({ cells, missing: !row });
    }
  }
  return rows;
}

/** The rows of table 三 to draw: the format's, but a 2021 report that prints （六）其他处理 as one row
 *  (the 2019 layout) gets that row with its values, and its three items only where it has them. */
function applicationDefs(format: Format, t: Table | null): RowDef[] {
  const defs = applicationRows(format);
  const single = format === '2021' ? t?.rows.find((r) => r.key === 'other') : undefined;
  if (!single) return defs;
  const other = applicationRows('2019').find((d) => d.key === 'other')!;
  const has = new Set(t!.rows.map((r) => r.key));
  const out: RowDef[] = [];
  for (const d of defs) {
    if (d.group === other.key && !has.has(d.key)) continue;
    out.push(!d.values && d.label === other.label ? other : d);
  }
  return out;
}

/** Table 三: the applicant header block, then each row with numbers; the outcome rows (from
 *  三、本年度办理结果 up to （七）总计) under one group cell, each group of items under its own. */
function applications(format: Format, t: Table | null, m: Marks): PreviewRow[] {
  const defs = applicationDefs(format, t);
  const total = APPLICANT_COLUMNS[APPLICANT_WIDTH - 1]!;
  const rows: PreviewRow[] = [
    {
      cells: [
        { kind: 'corner', text: TABLE3_CORNER_NOTE, colspan: 3, rowspan: 3 },
        head(TABLE3_HEADER[1]!, { colspan: APPLICANT_WIDTH }),
      ],
    },
    {
      cells: [
        head(APPLICANT_COLUMNS[0], { rowspan: 2 }),
        head(TABLE3_HEADER[3]!, { colspan: APPLICANT_WIDTH - 2 }),
        head(total, { rowspan: 2 }),
      ],
    },
    { cells: APPLICANT_COLUMNS.slice(1, APPLICANT_WIDTH - 1).map((c) => head(c)) },
  ];
  // 三、本年度办理结果 is the table's first row without numbers; its rows run to the end of the
  // table but for 四、结转下年度继续办理.
  const outcomeHead = defs.findIndex((d) => !d.values);
  const outcomeRows = defs.filter((d, i) => i > outcomeHead && d.values && d.key !== 'carriedForward');
  let groupLeft = 0;
  for (const d of defs) {
    if (!d.values) continue;
    const row = t?.rows.find((r) => r.key === d.key);
    const cells: PreviewCell[] = [];
    const inOutcome = outcomeRows.includes(d);
    if (d === outcomeRows[0]) {
      cells.push({ kind: 'group', text: defs[outcomeHead]!.label, rowspan: outcomeRows.length });
    }
    if (d.group) {
      if (groupLeft === 0) {
        const members = defs.filter((x) => x.group === d.group);
        // The group's own row: （三）不予公开 …
        cells.push({ kind: 'group', text: GROUP_LABELS[d.group] ?? '', rowspan: members.length });
        groupLeft = members.length;
      }
      groupLeft--;
      cells.push(label(row, d.label));
    } else cells.push(label(row, d.label, inOutcome ? 2 : 3));
    for (let c = 0; c < APPLICANT_WIDTH; c++) cells.push(valueCell(row?.cells[c], m));
    rows.push({ cells, missing: !row });
  }
  return rows;
}

/** Table 四: 行政复议 and 行政诉讼 (two blocks), the result columns, one row of values. */
function review(t: Table | null, m: Marks): PreviewRow[] {
  const row = t?.rows[0];
  const block = REVIEW_COLUMNS.length;
  const values: PreviewCell[] = [];
  for (let i = 0; i < REVIEW_WIDTH; i++) values.push(valueCell(row?.cells[i], m));
  return [
    {
      cells: [
        head(TABLE4_HEADER[0]!, { colspan: block, rowspan: 2 }),
        head(TABLE4_HEADER[1]!, { colspan: REVIEW_WIDTH - block }),
      ],
    },
    { cells: [head(TABLE4_HEADER[2]!, { colspan: block }), head(TABLE4_HEADER[3]!, { colspan: block })] },
    { cells: REVIEW_BLOCKS.flatMap(() => REVIEW_COLUMNS.map((c) => head(c))) },
    { cells: values },
  ];
}

/** The report's one-line summary: format · organ · year · errors and warnings. */
function summary(r: Report, format: string, errors: number, warnings: number, locale: Locale): string {
  const say = (id: string, args: Record<string, string | number> = {}) => localize({ id, args }, locale);
  return [
    format,
    r.organ ?? say('preview.summary.no-organ'),
    r.year !== null ? say('preview.summary.year', { year: r.year }) : say('preview.summary.no-year'),
    errors + warnings ? say('preview.summary.counts', { errors, warnings }) : say('preview.summary.clean'),
  ].join(' · ');
}

/** A finding as a note of the list of findings on no cell. */
function noteOf(f: Finding, locale: Locale): PreviewNote {
  return {
    offset: f.range.start,
    message: localize(f.message, locale),
    severity: f.severity,
    severityText: localize({ id: `preview.severity.${f.severity}` }, locale),
  };
}

/**
 * Report r (the n-th of its document, counted from 0) marked with its findings. A finding outside
 * the report's range is returned in `loose`, for the list of findings outside every report. Built
 * one report at a time, so that a long preview can yield between reports (lsp/handlers.ts).
 */
export function previewReport(
  r: Report,
  n: number,
  findings: readonly Finding[],
  locale: Locale,
): { report: PreviewReport; loose: PreviewNote[] } {
  const inside = (f: Finding) => r.range.start <= f.range.start && f.range.start <= r.range.end;
  const own = findings.filter(inside);
  const m = marksOf(own, locale);
  let errors = 0;
  let warnings = 0;
  for (const f of own) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const title = r.title ?? r.organ ?? localize({ id: 'preview.report', args: { n: n + 1 } }, locale);
  const heading = (id: string) => localize({ id }, locale);
  const format = localize({ id: 'preview.format', args: { format: r.format } }, locale);
  const tables: PreviewTable[] = [
    { kind: 'active', heading: heading('preview.active'), rows: active(r.format, r.tables.active, m) },
    {
      kind: 'applications',
      heading: heading('preview.applications'),
      rows: applications(r.format, r.tables.applications, m),
    },
    { kind: 'review', heading: heading('preview.review'), rows: review(r.tables.review, m) },
  ];
  const notes: PreviewNote[] = [];
  for (const f of own) if (!m.placed.has(f.range.start)) notes.push(noteOf(f, locale));
  const loose: PreviewNote[] = [];
  for (const f of findings) if (!inside(f)) loose.push(noteOf(f, locale));
  const report = {
    title,
    format,
    summary: summary(r, format, errors, warnings, locale),
    errors,
    warnings,
    offset: r.range.start,
    tables,
    notes,
  };
  return { report, loose };
}

/** The grid's words that are not a report's: what to say when there is none, the notes' heading. */
export function previewFrame(locale: Locale, notes: PreviewNote[]): Omit<PreviewGrid, 'reports'> {
  return {
    locale,
    empty: localize({ id: 'preview.empty' }, locale),
    notes,
    notesHeading: localize({ id: 'preview.notes' }, locale),
  };
}

/** The grid of every report (in document order), marked with the findings (of every report of the
 *  document): a finding belongs to the last report starting at or before it, when it starts within
 *  that report's range (a report's range ends where the next begins: the next one's title). */
export function previewGrid(reports: readonly Report[], findings: readonly Finding[], locale: Locale): PreviewGrid {
  const owned: Finding[][] = reports.map(() => []);
  const notes: PreviewNote[] = [];
  for (const f of findings) {
    let lo = 0;
    let hi = reports.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reports[mid]!.range.start <= f.range.start) lo = mid + 1;
      else hi = mid;
    }
    const r = lo - 1;
    if (r >= 0 && f.range.start <= reports[r]!.range.end) owned[r]!.push(f);
    else notes.push(noteOf(f, locale));
  }
  return {
    ...previewFrame(locale, notes),
    reports: reports.map((r, i) => previewReport(r, i, owned[i]!, locale).report),
  };
}
