/** One report from its headers and title: sections, year, format, tables, sub-headings. */
import { forEachLine, lineStartAt } from '../text/lines';
import type { ParseNote, Range, Report, Section, SubHeading, Table } from '../model';
import { readActive, readApplications, readReview, tokensOf } from './tables';
import { type Format, type TableKind } from '../template';
import { NUMERALS, TABLE_SECTION } from '../template/vocabulary';
import { proseAfter, tableAnchors, type HeaderCandidate } from './headers';
import { yearFromText, type TitleInfo } from './title';
import { mapped } from './arrays';

export function buildReport(text: string, range: Range, headers: HeaderCandidate[], title: TitleInfo | null): Report {
  const notes: ParseNote[] = [];
  const sections: Section[] = mapped(headers, (h, i) => ({
    number: h.number,
    title: h.title,
    numeral: h.numeral,
    separator: h.separator,
    headerRange: { start: h.start, end: h.end },
    range: { start: h.start, end: headers[i + 1]?.start ?? range.end },
    titleMatch: h.titleMatch,
  }));
  const year = title?.year ?? yearFromText(text, range);
  const hint: Format = year !== null && year <= 2020 ? '2019' : '2021';
  const sec = (n: number) => sections.find((s) => s.number === n);
  const contentStart =
    title && title.range.end > range.start && title.range.end <= range.end ? title.range.end : range.start;
  const regions = tableRegions(text, range, sections, contentStart, hint);
  let active: Table | null = null;
  let format: Format = hint;
  let formatEvidence: Report['formatEvidence'] = year !== null ? 'year' : 'default';
  const r2 = regions.active;
  if (r2) {
    const stream = tokensOf('active', text, r2.start, r2.end);
    const r = readActive(text, r2.start, r2.end, hint, notes, stream);
    if (r.table.rows.length) active = r.table;
    if (r.format) {
      format = r.format;
      formatEvidence = 'table2-header';
      if (r.format !== hint) {
        const again = readActive(text, r2.start, r2.end, r.format, [], stream).table;
        active = again.rows.length ? again : null;
      }
    }
  }
  let applications: Table | null = null;
  const r3 = regions.applications;
  if (r3) {
    let notes3: ParseNote[] = [];
    const stream = tokensOf('applications', text, r3.start, r3.end);
    applications = readApplications(text, r3.start, r3.end, format, notes3, stream);
    if (formatEvidence !== 'table2-header') {
      const f = formatFromTable3(applications, year);
      if (f && f !== format) {
        format = f;
        formatEvidence = 'table3-rows';
        notes3 = [];
        applications = readApplications(text, r3.start, r3.end, format, notes3, stream);
      }
    }
    for (const n of notes3) notes.push(n);
    if (!applications.rows.length) applications = null;
  }
  let review: Table | null = null;
  const r4 = regions.review;
  if (r4) {
    review = readReview(text, r4.start, r4.end, notes);
    if (!review.rows.length) review = null;
  }
  // 一's sub-headings end where a table without its heading begins.
  const s1 = sec(1);
  let s1End = s1?.range.end ?? 0;
  for (const r of [r2, r3, r4]) if (s1 && r && r.start >= s1.headerRange.end) s1End = Math.min(s1End, r.start);
  const overviewHeadings = s1 ? subHeadings(text, s1.headerRange.end, s1End) : [];
  return {
    range,
    title: title?.title ?? null,
    titleRange: title?.range ?? null,
    organ: title?.organ ?? null,
    year,
    format,
    formatEvidence,
    sections,
    overviewHeadings,
    tables: { active, applications, review },
    notes,
  };
}

const KINDS = ['active', 'applications', 'review'] as const;
/** How many lines that may begin a table without a heading are read, per table, at most. */
const MAX_TRIES = 8;

/**
 * Where each table is read. A section 二, 三 or 四 that has its heading: from the heading's end to
 * the section's end. A table whose section has no heading (a report without its 一、…六、 headings,
 * tables right after the preamble): from the line that begins it (headers.ts, tableAnchors) to the
 * next such line, the next heading or the first line of prose, when that holds a value (a number,
 * or one the reader could not place); a section with a heading then ends its table where such a
 * table begins. Reports with every heading of 二–四 read exactly as they always did.
 */
export function tableRegions(
  text: string,
  range: Range,
  sections: Section[],
  contentStart: number,
  hint: Format,
): Record<TableKind, Range | null> {
  const present = (k: TableKind) => sections.find((s) => s.number === TABLE_SECTION[k]);
  const missing = KINDS.filter((k) => !present(k));
  const orphans: (Range & { kind: TableKind })[] = [];
  if (missing.length) {
    const cands = tableAnchors(text, contentStart, range.end).filter((a) => missing.includes(a.kind));
    const tries: Record<TableKind, number> = { active: 0, applications: 0, review: 0 };
    cands.forEach((a, i) => {
      // A few lines that look like a table's first line and read as none: the words are not a table.
      if (orphans.some((o) => o.kind === a.kind) || tries[a.kind]++ >= MAX_TRIES) return;
      let limit = Math.min(cands[i + 1]?.start ?? range.end, range.end);
      for (const s of sections)
        if (s.headerRange.start > a.start) limit = Math.min(limit, lineStartAt(text, s.headerRange.start));
      const end = proseAfter(text, a.start, limit);
      if (holdsNumbers(text, a.kind, a.start, end, hint)) orphans.push({ kind: a.kind, start: a.start, end });
    });
  }
  const out: Record<TableKind, Range | null> = { active: null, applications: null, review: null };
  for (const k of KINDS) {
    const s = present(k);
    const o = orphans.find((x) => x.kind === k);
    if (o) out[k] = { start: o.start, end: o.end };
    else if (s) {
      let end = s.range.end;
      for (const x of orphans) if (x.start >= s.headerRange.end) end = Math.min(end, x.start);
      out[k] = { start: s.headerRange.end, end };
    }
  }
  return out;
}

/** Does text[start, end) read as a table of that kind with at least one number? */
function holdsNumbers(text: string, kind: TableKind, start: number, end: number, hint: Format): boolean {
  const t =
    kind === 'active'
      ? readActive(text, start, end, hint, []).table
      : kind === 'applications'
        ? readApplications(text, start, end, hint, [])
        : readReview(text, start, end, []);
  return t.rows.some((r) => r.cells.some((c) => c.kind === 'number' || c.kind === 'unknown'));
}

/** Table 三 tells the format when table 二 did not: （六） with sub-items is 2021; a single （六）
 *  row is 2019 when no year says otherwise. */
export function formatFromTable3(t: Table, year: number | null): Format | null {
  const has2021Other = t.rows.some((r) => r.key.startsWith('other.'));
  const has2019Other = t.rows.some((r) => r.key === 'other');
  return has2021Other ? '2021' : has2019Other && year === null ? '2019' : null;
}

const SUB_HEADING = new RegExp(
  `^\\s*(?:#+\\s*)?(\\(([${NUMERALS}]{0,2})\\)|[（(]\\s*[)）]|` +
    `([${NUMERALS}]{1,2})[、.,](?=\\s*[\\u4e00-\\u9fff]))\\s*([^\\n]{0,60})`,
);

export function subHeadings(text: string, start: number, end: number): SubHeading[] {
  const out: SubHeading[] = [];
  forEachLine(text, start, end, (pos, nl) => {
    const line = text.slice(pos, nl);
    const m = SUB_HEADING.exec(line);
    if (m) {
      const s = pos + line.indexOf(m[1]!);
      const body = m[4]!.split(/[。；;]/)[0]!.replace(/\s+/g, '');
      const numbering = m[2] || m[3] ? m[1]!.replace(/\s+/g, '') : '';
      out.push({ numbering, text: body, range: { start: s, end: pos + m[0].length } });
    }
  });
  return out;
}
