/**
 * The parser: text → DocumentModel. Never throws, never gives up: whatever it cannot place is
 * recorded as a ParseNote and the rest of the model is still built.
 *
 * Steps: analysis text (normalize.ts) → section headers → reports (a compilation holds several) →
 * per report: title/organ/year, the three tables (tables.ts), format.
 * Each section is read from its own range only, so a section can be re-read alone and spliced
 * back (see `reparseSection`).
 */
import { htmlToText } from '../text/html';
import { lineStartAt } from '../text/lines';
import type { DocumentModel, ParseNote, Range, Report } from '../model';
import { analysisText, type AnalysisText } from '../text/normalize';
import { patchedTable, readActive, readApplications, readReview, tokensOf } from './tables';
import type { StreamResult, Token } from './tokenize';
import { type Format, type TableKind } from '../template';
import { sectionTable } from '../template/vocabulary';
import { chooseHeaders, headerCandidates, tableAnchors } from './headers';
import { findTitle, organYear, yearFromText, type TitleInfo } from './title';
import { buildReport, formatFromTable3, subHeadings } from './report';
export { findTitle } from './title';
export { tableAnchors } from './headers';

/** The reports of a text, read once (no findings): for indexes of other documents. */
export function readReports(text: string): Report[] {
  return parse(text).reports;
}

/** Parses a whole document. */
export function parse(original: string): DocumentModel {
  return parseAnalysed(original).model;
}

/** parse, with the analysis text it read (null for HTML, whose analysis text is of the text drawn
 *  from the markup, and after a parser error): the document's pieces take theirs from it instead of
 *  normalising the text a second time (document/analysis.ts). */
export function parseAnalysed(original: string): { model: DocumentModel; at: AnalysisText | null } {
  try {
    return parseUnsafe(original);
  } catch (e) {
    // The parser must never take a feature down; an empty model is still a model.
    const model = {
      length: original.length,
      reports: [],
      traditional: false,
      pinyin: [],
      html: false,
      error: String(e),
    };
    return { model, at: null };
  }
}

function parseUnsafe(original: string): { model: DocumentModel; at: AnalysisText | null } {
  const kind = htmlKind(original);
  const html = kind ? htmlToText(original, kind === 'fragment') : null;
  const source = html ? html.text : original;
  const at = analysisText(source);
  const text = at.text;
  const reports = parseReports(text, 0, text.length);
  const model: DocumentModel = {
    length: original.length,
    reports,
    traditional: at.traditional,
    pinyin: at.pinyin.map((p) => ({ start: p.start, end: p.end })),
    html: !!html,
  };
  return html ? { model: mapModel(model, html.toOriginal, original.length), at: null } : { model, at };
}

/** The reports of analysis text[from, to): headers, boundaries, then each report on its own. */
export function parseReports(text: string, from: number, to: number): Report[] {
  const groups = chooseHeaders(headerCandidates(text, from, to));
  if (!groups.length) return headingless(text, from, to);
  const reports: Report[] = [];
  // A report starts at the line of its title (or first header); when the previous report ends on
  // that same line (a one-line copy), right at the title or header itself. Ranges never overlap.
  const startOf = (at: number, prevLast: number) => {
    const ls = lineStartAt(text, at);
    return ls >= prevLast ? ls : at;
  };
  let prevEnd = from;
  let start = from;
  let titleInfo = groups.length ? findTitle(text, from, groups[0]![0]!.start) : null;
  if (titleInfo) start = Math.max(from, lineStartAt(text, titleInfo.range.start));
  for (let i = 0; i < groups.length; i++) {
    const hs = groups[i]!;
    const nextFirst = groups[i + 1]?.[0];
    let end = to;
    let nextTitle: TitleInfo | null = null;
    if (nextFirst) {
      const lastEnd = hs[hs.length - 1]!.end;
      nextTitle = findTitle(text, lastEnd, nextFirst.start);
      end = Math.max(start, startOf(nextTitle ? nextTitle.range.start : nextFirst.start, lastEnd));
    }
    reports.push(buildReport(text, { start, end }, hs, titleInfo));
    prevEnd = end;
    start = end;
    titleInfo = nextTitle && nextTitle.range.start >= prevEnd ? nextTitle : null;
  }
  return reports;
}

/**
 * A report without any of its 一、…六、 headings: a title, then tables found by their first lines
 * (table 二's caption, table 三's corner note, table 四's header). A title is required unless all
 * three tables are there, so that a pasted table or prose that names these words is no report.
 */
function headingless(text: string, from: number, to: number): Report[] {
  const anchors = tableAnchors(text, from, to);
  if (!anchors.length) return [];
  const title = findTitle(text, from, anchors[0]!.start);
  const start = title ? Math.max(from, lineStartAt(text, title.range.start)) : from;
  const report = buildReport(text, { start, end: to }, [], title);
  const { active, applications, review } = report.tables;
  const found = (active ? 1 : 0) + (applications ? 1 : 0) + (review ? 1 : 0);
  return found && (title || found === 3) ? [report] : [];
}

/** Header candidates in text[from, to) (lines touched by an edit: none means no header changed). */
export function headersIn(text: string, from: number, to: number): number {
  return headerCandidates(text, from, to).length;
}

/**
 * Re-reads one section of a report after an edit inside its body (the report's ranges already
 * shifted). Returns false when the section's change reaches beyond it (the format changed), in
 * which case the caller re-reads the whole report.
 *
 * `streams`: the tokens of the report's tables as the caller keeps them. A table section is read
 * from the tokens found there for its kind (the caller vouches they are those of the section's text
 * now), else from its text, whose tokens are then left there for the next edit.
 *
 * `patched`: the token of that stream whose digits the edit changed (tables/stream.ts
 * `patchNumber`). Where the table's reading did not depend on that number (`patchedTable`), only
 * its cell is made again and 'cell' is returned: the table reads as it did but for that value.
 */
export function reparseSection(
  text: string,
  report: Report,
  index: number,
  streams?: Partial<Record<TableKind, StreamResult>>,
  patched?: Token,
): boolean | 'cell' {
  const s = report.sections[index]!;
  const kind = sectionTable(s.number);
  // Without a title that names it, the year comes from the text, which any section may change.
  const titleYear = report.title === null ? null : organYear(report.title).year;
  if (titleYear === null && yearFromText(text, report.range) !== report.year) return false;
  // A table without its section's heading may stand in any section, and an edit may make one.
  if (![2, 3, 4].every((n) => report.sections.some((x) => x.number === n))) return false;
  if (s.number === 1) {
    // Only the first 一、总体情况 gives the sub-headings (as in a whole parse).
    if (report.sections.find((x) => x.number === 1) !== s) return true;
    report.overviewHeadings = subHeadings(text, s.headerRange.end, s.range.end);
    return true;
  }
  if (!kind || report.sections.filter((x) => x.number === s.number).length > 1) return kind === null;
  const kept = streams?.[kind];
  if (patched && kept) {
    const t = patchedTable(kept, report.tables[kind], report.notes, patched);
    if (t) {
      report.tables[kind] = t;
      return 'cell';
    }
  }
  const notes = report.notes.filter((n) => n.table !== kind);
  const fresh: ParseNote[] = [];
  const start = s.headerRange.end;
  const end = s.range.end;
  const stream = streams?.[kind] ?? tokensOf(kind, text, start, end);
  if (streams) streams[kind] = stream;
  // The format as a whole parse decides it (report.ts buildReport): table 二's header words, else
  // the year, else table 三's rows.
  const hint: Format = report.year !== null && report.year <= 2020 ? '2019' : '2021';
  const byHeader = report.formatEvidence === 'table2-header';
  if (kind === 'active') {
    const r = readActive(text, start, end, byHeader ? report.format : hint, fresh, stream);
    if ((r.format ?? null) !== (byHeader ? report.format : null)) return false;
    report.tables.active = r.table.rows.length ? r.table : null;
  } else if (kind === 'applications') {
    let t = readApplications(text, start, end, byHeader ? report.format : hint, fresh, stream);
    if (!byHeader) {
      const f = formatFromTable3(t, report.year);
      const format = f ?? hint;
      const evidence = f && f !== hint ? 'table3-rows' : report.year !== null ? 'year' : 'default';
      if (format !== report.format || evidence !== report.formatEvidence) return false;
      if (format !== hint) {
        fresh.length = 0;
        t = readApplications(text, start, end, format, fresh, stream);
      }
    }
    report.tables.applications = t.rows.length ? t : null;
  } else {
    const t = readReview(text, start, end, fresh, stream);
    report.tables.review = t.rows.length ? t : null;
  }
  // Notes in the order a whole parse gives them: table 二, 三, 四.
  const order = { active: 0, applications: 1, review: 2 } as const;
  report.notes = [...notes, ...fresh].sort((a, b) => order[a.table ?? 'active'] - order[b.table ?? 'active']);
  return true;
}

/** 'page': an HTML document; 'fragment': a text document with HTML tables pasted in. */
export function htmlKind(s: string): 'page' | 'fragment' | null {
  // Both need a tag: most texts hold no '<' at all, found by one native search.
  if (!s.includes('<')) return null;
  const head = s.slice(0, 4000).trimStart().toLowerCase();
  if (/^<(?:!--|!doctype|html|body|head|p|div|table|meta)[\s>]/.test(head)) return 'page';
  return /<table[\s>]/i.test(s) && /<\/t[dh]>/i.test(s) ? 'fragment' : null;
}

// ---------------------------------------------------------------------------------------------

/** Applies f to every range of the model (positions from a derived text back to the original). */
function mapModel(model: DocumentModel, f: (offset: number) => number, length: number): DocumentModel {
  // An end offset is exclusive: map the last character it covers, then step past it.
  const r = (x: Range): Range => ({
    start: f(x.start),
    end: x.end > x.start ? Math.max(f(x.start), f(x.end - 1) + 1) : f(x.start),
  });
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2)
        return r(o as unknown as Range);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  const m = walk(model) as DocumentModel;
  m.length = length;
  return m;
}
