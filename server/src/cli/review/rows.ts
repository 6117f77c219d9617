/**
 * The review's rows: one per report (and one per file that holds none), with what the dashboard,
 * the summary sheets and the memos show: organ, year, format, the findings by severity, the main
 * problems, the key figures of tables 三 and 四, and each problem named by 表 / 行 / 列.
 */
import {
  localize,
  normalizeReport,
  tablePlace,
  type Finding,
  type Locale,
  type Position,
  type Report,
  type Severity,
} from '../../core';

/** What `check` found in one input (cli/main.ts's results). */
export interface CheckedFile {
  path: string;
  reports: Report[];
  findings: Finding[];
  pos: (offset: number) => Position;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The key figures (the 总计 column of table 三, the 总计 of table 四's blocks). */
export const FIGURES = [
  'newReceived',
  'carriedOver',
  'totalProcessed',
  'carriedForward',
  'reconsideration',
  'litigation',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface ReviewRow {
  file: string;
  report: Report | null;
  title: string | null;
  organ: string | null;
  year: number | null;
  format: string | null;
  counts: Record<Severity, number>;
  /** In line order. */
  findings: Finding[];
  /** The main problems, localized: errors first, then warnings (at most MAIN_PROBLEMS, then "等 n 项"). */
  problems: string[];
  figures: Record<Figure, number | null>;
  /** The memo's path under the output folder without its extension (`memos/a`), or null (no report). */
  memo: string | null;
  pos: (offset: number) => Position;
}

const MAIN_PROBLEMS = 3;

/** Reader's doubts are never an error of the report: they stay out of the memos and main problems. */
const DOUBT = new Set(['table.unreadable']);

/** Drops control, bidi and line-separator characters of report text shown in the outputs. */
export function clean(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/[\n\r\t\u2028\u2029]+/g, ' ')
  );
}

const message = (f: Finding, locale: Locale) => clean(localize(f.message, locale));

function figures(report: Report): Record<Figure, number | null> {
  const n = normalizeReport(report, () => 0);
  const apps = (n.applications ?? {}) as Record<string, unknown>;
  const total = (key: string): number | null => {
    const v = apps[key];
    return Array.isArray(v) && typeof v[6] === 'number' ? v[6] : null;
  };
  const block = (key: string): number | null => {
    const v = n.review?.[key]?.[4];
    return typeof v === 'number' ? v : null;
  };
  const direct = block('litigationDirect');
  const after = block('litigationAfterReconsideration');
  return {
    newReceived: total('newReceived'),
    carriedOver: total('carriedOver'),
    totalProcessed: total('totalProcessed'),
    carriedForward: total('carriedForward'),
    reconsideration: block('reconsideration'),
    litigation: direct === null || after === null ? null : direct + after,
  };
}

function mainProblems(findings: Finding[], locale: Locale): string[] {
  const shown: string[] = [];
  let more = 0;
  for (const sev of ['error', 'warning'] as const)
    for (const f of findings) {
      if (f.severity !== sev || DOUBT.has(f.code)) continue;
      if (shown.length < MAIN_PROBLEMS) shown.push(message(f, locale));
      else more++;
    }
  if (more) shown.push(localize({ id: 'review.more', args: { count: more } }, locale));
  return shown;
}

/** A file name for the memo: the input's name without its extension, safe on every system. */
function memoBase(path: string): string {
  const name = path === '-' ? 'stdin' : (path.split(/[\\/]/).pop() ?? path);
  const stem = name.replace(/\.[^.]*$/, '') || name;
  // eslint-disable-next-line no-control-regex
  return (
    clean(stem)
      .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'report'
  );
}

/** One row per report, by file path; a file with no report is one row with its finding. */
export function reviewRows(files: CheckedFile[], locale: Locale): ReviewRow[] {
  const rows: ReviewRow[] = [];
  const used = new Set<string>();
  const unique = (base: string) => {
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  };
  // by path (a folder walk gives its files in the file system's order), a file's reports in order
  const sorted = files.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const reports = file.reports;
    // Each finding to the report whose range holds it (else the last report starting before it).
    const per: Finding[][] = reports.map(() => []);
    for (const f of file.findings) {
      let k = 0;
      for (let i = 0; i < reports.length; i++) if (reports[i]!.range.start <= f.range.start) k = i;
      per[k]?.push(f);
    }
    const entries: { report: Report | null; findings: Finding[] }[] = reports.map((r, i) => ({
      report: r,
      findings: per[i]!,
    }));
    if (!entries.length) entries.push({ report: null, findings: file.findings.slice() });
    entries.forEach(({ report, findings }, i) => {
      findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
      for (const f of findings) counts[f.severity]++;
      const base = memoBase(file.path) + (entries.length > 1 ? `-${i + 1}` : '');
      rows.push({
        file: file.path,
        report,
        title: report?.title ?? null,
        organ: report?.organ ?? null,
        year: report?.year ?? null,
        format: report?.format ?? null,
        counts,
        findings,
        problems: mainProblems(findings, locale),
        figures: report
          ? figures(report)
          : {
              newReceived: null,
              carriedOver: null,
              totalProcessed: null,
              carriedForward: null,
              reconsideration: null,
              litigation: null,
            },
        memo: report ? `memos/${unique(base)}` : null,
        pos: file.pos,
      });
    });
  }
  return rows;
}

/** The row's place words (“（七）总计”行, “行政复议”栏). */
function rowWords(p: { row: string; group: string | null; block: boolean }, locale: Locale): string {
  const id = p.block ? 'review.memo.block' : p.group ? 'review.memo.subrow' : 'review.memo.row';
  return localize({ id, args: { row: clean(p.row), group: clean(p.group ?? '') } }, locale);
}

const BASIS = new Set(['table3.outcome-total', 'table3.row-total', 'table4.total']);
/** Findings that stand for many cells (their range is the first one): named by table only. */
const WHOLE_TABLE = new Set(['table.cell-blank']);

/** One problem of a memo: by 表 / 行 / 列 with its numbers where the finding is on a cell, else by
 *  row, table or line. */
export function problemLine(row: ReviewRow, f: Finding, locale: Locale): string {
  const text = message(f, locale).replace(/[。.]+$/, '');
  const place = row.report ? tablePlace(row.report, f.range.start) : null;
  if (place?.row && !WHOLE_TABLE.has(f.code)) {
    const args = { table: place.numeral, row: rowWords({ ...place, row: place.row }, locale) };
    if (place.column && place.cell) {
      const expected = f.data?.['expected'];
      if (BASIS.has(f.code) && typeof expected === 'number' && place.cell.kind === 'number')
        return localize(
          {
            id: 'review.memo.cell',
            args: {
              ...args,
              column: place.column,
              value: String(place.cell.value),
              expected: String(expected),
              basis: localize({ id: `review.memo.basis.${f.code}` }, locale),
            },
          },
          locale,
        );
      return localize({ id: 'review.memo.at-cell', args: { ...args, column: place.column, message: text } }, locale);
    }
    return localize({ id: 'review.memo.at-row', args: { ...args, message: text } }, locale);
  }
  if (place) return localize({ id: 'review.memo.at-table', args: { table: place.numeral, message: text } }, locale);
  const line = row.pos(f.range.start).line + 1;
  return localize({ id: 'review.memo.at-line', args: { line, message: text } }, locale);
}

/** The memo's two lists: problems (errors and warnings) and notes (information), in line order. The
 *  rows a table lacks are one item per table (the range of table.row-missing is a row of the table
 *  that is there, not the row that is missing). */
export function memoItems(row: ReviewRow, locale: Locale): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const notes: string[] = [];
  const missing = new Map<string, { list: string[]; at: number; table: string; rows: string[] }>();
  for (const f of row.findings) {
    if (DOUBT.has(f.code) || f.severity === 'hint') continue;
    const list = f.severity === 'information' ? notes : problems;
    const name = f.message.args?.['row'];
    const table =
      f.message.id === 'table.row-missing' && typeof name === 'string' && row.report
        ? tablePlace(row.report, f.range.start)?.numeral
        : undefined;
    if (table && typeof name === 'string') {
      const key = `${f.severity === 'information' ? 'n' : 'p'}${table}`;
      const group = missing.get(key);
      if (group) group.rows.push(clean(name));
      else {
        missing.set(key, { list, at: list.length, table, rows: [clean(name)] });
        list.push('');
      }
      continue;
    }
    list.push(problemLine(row, f, locale));
  }
  for (const { list, at, table, rows } of missing.values()) {
    const message = clean(localize({ id: 'table.row-missing', args: { row: rows[0]! } }, locale));
    const names = rows.map((r) => `“${r}”`).join(locale === 'en' ? ', ' : '、');
    list[at] =
      rows.length > 1
        ? localize({ id: 'review.memo.rows-missing', args: { table, count: rows.length, rows: names } }, locale)
        : localize({ id: 'review.memo.at-table', args: { table, message } }, locale);
  }
  return { problems, notes };
}
