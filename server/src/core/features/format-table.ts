/** Format Document, its parts: what counts as layout, how a text is read and fingerprinted, and the
 *  candidate layout of one table. */
import type { DocumentModel, Report, Table } from '../model';
import { checkDocument } from '../rules/check';
import { analysisText, compact } from '../text/normalize';
import { parse } from '../parse';
import { table2Matcher, table3Matcher, table4Matcher } from '../parse/labels';
import { isMarkdownSeparator, tokenize } from '../parse/tokenize';
import type { TableKind } from '../template';
import { renderRow } from './render';
import type { FormatLayout, RefusalReason, TextEdit } from './format';

// ---- layout characters ---------------------------------------------------------------------

/** A Markdown rule line (`| --- | :--: |`): layout. */
const isRule = (line: string): boolean => line.includes('--') && isMarkdownSeparator(line);

/** The text without its layout: whitespace, cell separators and Markdown rule lines. */
export function withoutLayout(text: string): string {
  let out = '';
  for (const line of text.split('\n')) if (!isRule(line)) out += line.replace(/[\s|]/g, '');
  return out;
}

const isPad = (c: number) => c === 32 || c === 9 || c === 124 || c === 0x3000 || c === 0xa0;
const isWs = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 0x3000 ||
  c === 0xa0 ||
  c === 0x200b ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a);

export function eolOf(text: string): string {
  const n = text.indexOf('\n');
  if (n > 0 && text[n - 1] === '\r') return '\r\n';
  if (n < 0 && text.includes('\r')) return '\r';
  return '\n';
}

// ---- reading and comparing ---------------------------------------------------------------

export interface Reading {
  atext: string;
  model: DocumentModel;
}

export function read(source: string): Reading {
  const model = parse(source);
  return { atext: model.html || model.error ? source : analysisText(source).text, model };
}

/** Everything formatting must not change, as one string per part. */
export function fingerprint(source: string, r: Reading): { content: string; reading: string; findings: string } {
  const m = r.model;
  const reports = m.reports.map((rep) => ({
    format: rep.format,
    evidence: rep.formatEvidence,
    title: rep.title,
    organ: rep.organ,
    year: rep.year,
    sections: rep.sections.map((s) => [s.number, s.title, s.numeral, s.separator, s.titleMatch]),
    headings: rep.overviewHeadings.map((h) => [h.numbering, h.text]),
    notes: rep.notes.map((n) => [n.kind, n.table ?? '', n.detail]),
    tables: [rep.tables.active, rep.tables.applications, rep.tables.review].map(
      (t) =>
        t &&
        t.rows.map((row) => [
          row.key,
          row.label,
          row.numbering,
          row.match,
          row.displaced ?? false,
          row.cells.map((c) => [c.kind, c.value, c.raw]),
        ]),
    ),
  }));
  let findings: string[] = [];
  let pinyin = 0;
  try {
    for (const f of checkDocument(r.atext, source, m)) {
      // A pinyin finding counts the annotations of one line: its grouping is layout.
      if (f.code === 'text.pinyin-annotation') pinyin += Number(f.message.args?.count ?? 0);
      else findings.push(`${f.code}|${f.severity}|${JSON.stringify(f.message)}`);
    }
  } catch {
    findings = ['(check failed)'];
  }
  findings.sort();
  findings.push(`pinyin:${pinyin}`);
  return {
    content: withoutLayout(source),
    reading: JSON.stringify({ html: m.html, error: m.error ?? '', traditional: m.traditional, reports }),
    findings: findings.join('\n'),
  };
}

// ---- the rewrite of one table ------------------------------------------------------------

/** A piece of the document kept as written: a row's label or cell, or other words. */
export interface Atom {
  start: number;
  end: number;
  /** Index of the row in the table; -1 for words that belong to no row. */
  row: number;
  line: number;
}

export function matcherOf(kind: TableKind) {
  return kind === 'active' ? table2Matcher() : kind === 'applications' ? table3Matcher() : table4Matcher();
}

/** The reading of the table is in doubt: laying it out again would be a guess. */
export function unsure(table: Table, report: Report): boolean {
  if (report.notes.some((n) => n.table === table.kind)) return true;
  return table.rows.some(
    (r) =>
      r.displaced || !r.key || r.match === 'unknown' || r.cells.some((c) => c.kind === 'unknown' || c.kind === 'text'),
  );
}

type Candidate = { edit: TextEdit } | { refused: RefusalReason } | null;

/**
 * The candidate rewrite of one table: its stretch of text from its first label to its last value,
 * each row on a line of its own (label and cells), the other words of the table (captions,
 * header words) on lines as they were, every piece of text as written.
 */
export function candidate(
  source: string,
  atext: string,
  table: Table,
  report: Report,
  layout: FormatLayout,
  padMarkdown: boolean,
): Candidate {
  if (!table.rows.length) return null;
  if (unsure(table, report)) return { refused: 'unsure' };
  const { tokens } = tokenize(atext, table.range.start, table.range.end, matcherOf(table.kind));
  const first = tokens.findIndex((t) => t.kind === 'label');
  if (first < 0) return { refused: 'unsure' };
  let last = -1;
  for (let i = tokens.length - 1; i >= first; i--)
    if (tokens[i]!.kind === 'num' || tokens[i]!.kind === 'na' || tokens[i]!.kind === 'label') {
      last = i;
      break;
    }
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.kind === 'text' && compact(t.text).text.length >= 12 && /[。，,；;]/.test(t.text))
      return { refused: 'prose' };
  }

  // Row atoms: labels and cells. A label away from its cells (table 四's header word) is a word.
  const atoms: Atom[] = [];
  let lo = tokens[first]!.start;
  let hi = tokens[last]!.end;
  table.rows.forEach((row, ri) => {
    const cells = row.cells.map((c) => ({ start: c.range.start, end: c.range.end }));
    for (const c of cells) {
      lo = Math.min(lo, c.start);
      hi = Math.max(hi, c.end);
    }
    const firstCell = cells[0];
    const between = firstCell ? source.slice(row.labelRange.end, firstCell.start) : '';
    const labelWithCells =
      row.labelRange.end > row.labelRange.start &&
      (!firstCell ||
        (firstCell.start >= row.labelRange.end &&
          !tokens.some((t) => t.kind === 'label' && t.start >= row.labelRange.end && t.end <= firstCell.start) &&
          !/[^\s|]/.test(between)));
    if (labelWithCells) atoms.push({ start: row.labelRange.start, end: row.labelRange.end, row: ri, line: 0 });
    for (const c of cells) atoms.push({ ...c, row: ri, line: 0 });
  });
  if (lo < table.range.start || hi > table.range.end) return { refused: 'unsure' };

  // Where the rewrite starts and ends: over the padding around it; a line break where the table
  // shares its first or last line with other text (a note after its last value, a one-line copy).
  const eol = eolOf(source);
  let start = lo;
  while (start > 0 && isPad(source.charCodeAt(start - 1))) start--;
  const before = start > 0 && source[start - 1] !== '\n' && source[start - 1] !== '\r' ? eol : '';
  let end = hi;
  while (end < source.length && isPad(source.charCodeAt(end))) end++;
  const after = end < source.length && source[end] !== '\n' && source[end] !== '\r' ? eol : '';

  // Words of the stretch that belong to no row: cut at layout, at token boundaries and at row atoms.
  const owned = atoms.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < owned.length; i++) if (owned[i]!.start < owned[i - 1]!.end) return { refused: 'unsure' };
  const cuts = new Set<number>();
  for (const t of tokens) {
    cuts.add(t.start);
    cuts.add(t.end);
  }
  const free: Atom[] = [];
  let lineNo = 0;
  let oi = 0;
  let p = start;
  let wordStart = -1;
  const flush = (at: number) => {
    if (wordStart >= 0) {
      let e = at;
      while (e > wordStart && isWs(source.charCodeAt(e - 1))) e--;
      if (e > wordStart) free.push({ start: wordStart, end: e, row: -1, line: lineNo });
      wordStart = -1;
    }
  };
  while (p < end) {
    const o = owned[oi];
    if (o && p >= o.start) {
      flush(p);
      o.line = lineNo;
      p = Math.max(p, o.end);
      oi++;
      continue;
    }
    const c = source.charCodeAt(p);
    if (c === 10 || c === 13) {
      flush(p);
      if (c === 13 && source.charCodeAt(p + 1) === 10) p++;
      p++;
      lineNo++;
      // A Markdown rule line is layout.
      let le = p;
      while (le < end && source.charCodeAt(le) !== 10 && source.charCodeAt(le) !== 13) le++;
      const ln = source.slice(p, le);
      if (isRule(ln) && (!owned[oi] || owned[oi]!.start >= le)) p = le;
      continue;
    }
    if (c === 124 || c === 9 || (isWs(c) && p + 1 < end && isWs(source.charCodeAt(p + 1)))) {
      flush(p);
      p++;
      continue;
    }
    // A single space cuts where a token ends or starts (words of a one-line copy).
    if (isWs(c) && (cuts.has(p) || cuts.has(p + 1))) {
      flush(p);
      p++;
      continue;
    }
    if (wordStart < 0 && !isWs(c)) wordStart = p;
    p++;
  }
  flush(end);

  // Words directly against a row atom, inside the same token, belong to it: `1.` before a label,
  // a unit after a value.
  const inside = new Set<number>();
  for (const t of tokens) for (let i = t.start + 1; i < t.end; i++) inside.add(i);
  const all = [...owned, ...free].sort((a, b) => a.start - b.start);
  const merged: Atom[] = [];
  for (const a of all) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.end === a.start &&
      inside.has(a.start) &&
      (prev.row === -1) !== (a.row === -1) &&
      prev.line === a.line
    ) {
      if (prev.row === -1) prev.row = a.row;
      prev.end = a.end;
      continue;
    }
    merged.push({ ...a });
  }

  // Lines: a row's atoms on one line; other words on one line per source line.
  const lines: string[][] = [];
  let cur: string[] | null = null;
  let curRow = -2;
  let curLine = -1;
  const text = (a: Atom) => source.slice(a.start, a.end).replace(/[\r\n\t]+/g, ' ');
  for (const a of merged) {
    const same = a.row >= 0 ? curRow === a.row : curRow === -1 && curLine === a.line;
    if (!cur || !same) {
      cur = [];
      lines.push(cur);
      curRow = a.row;
    }
    curLine = a.line;
    cur.push(text(a));
  }
  if (!lines.length) return null;

  let out: string[];
  if (layout === 'markdown') {
    let width = lines[0]!.length;
    if (padMarkdown) for (const l of lines) width = Math.max(width, l.length);
    const head = lines[0]!.concat(Array<string>(Math.max(0, width - lines[0]!.length)).fill(''));
    out = [
      renderRow(head[0]!, head.slice(1), 'markdown'),
      `|${head.map(() => '---').join('|')}|`,
      ...lines.slice(1).map((l) => renderRow(l[0]!, l.slice(1), 'markdown')),
    ];
  } else out = lines.map((l) => renderRow(l[0]!, l.slice(1), layout));
  const newText = before + out.join(eol) + after;
  if (source.slice(start, end) === newText) return null;
  return { edit: { start, end, newText } };
}

export const tablesOf = (r: Report) =>
  [r.tables.active, r.tables.applications, r.tables.review].filter((t): t is Table => !!t);

/** The candidates of every table of the given reading (no verification). */
export function candidates(
  source: string,
  reading: Reading,
  layout: FormatLayout,
  padMarkdown: boolean,
): { table: Table; c: Candidate }[] {
  const out: { table: Table; c: Candidate }[] = [];
  for (const report of reading.model.reports)
    for (const table of tablesOf(report))
      out.push({ table, c: candidate(source, reading.atext, table, report, layout, padMarkdown) });
  return out;
}
