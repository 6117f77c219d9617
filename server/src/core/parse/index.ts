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
import { forEachLine, lineStartAt } from '../text/lines';
import type { DocumentModel, ParseNote, Range, Report, Section, SubHeading, Table } from '../model';
import { analysisText, compact } from '../text/normalize';
import { readActive, readApplications, readReview } from './tables';
import { SECTIONS, TITLE_PATTERN, type Format } from '../template';
import {
  NUMERALS,
  SECTION_TITLE_ENDINGS,
  STATISTICS_PERIOD,
  TITLE_ABOUT,
  TITLE_META_LABELS,
  YEAR,
  YEAR_SUFFIX,
} from '../template/vocabulary';
import { anyOf, charClass, escapeRegExp } from '../text/pattern';

interface HeaderCandidate {
  number: number;
  /** Offsets of the whole header (numeral to end of title). */
  start: number;
  end: number;
  numeral: string;
  separator: string;
  title: string;
  titleMatch: Section['titleMatch'];
  /** 3: numeral and separator at a line start; 2: numeral and separator inside a line;
   *  1: lost or parenthesised numeral at a line start. */
  strength: number;
}

const TITLE_KEYS: { number: number; key: string; canonical: boolean }[] = SECTIONS.flatMap((s) => [
  { number: s.number, key: compact(s.title).text, canonical: true },
  ...s.variants.map((v) => ({ number: s.number, key: compact(v).text, canonical: false })),
]).sort((a, b) => b.key.length - a.key.length);

const TITLE_RE = new RegExp(TITLE_KEYS.map((k) => k.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** A line that holds a title written out holds the title's last character. */
const TITLE_ENDING = new RegExp(`[${charClass(SECTION_TITLE_ENDINGS)}]`);
/** A numeral, with its separator, right before a title: `二、`. */
const NUMERAL_BEFORE = new RegExp(`([${NUMERALS}])([、.,:]?)$`);
/** A lost or parenthesised numeral before a title: `()`, `(二)`, `、`, `.`. */
const LOST_NUMERAL = new RegExp(`^[#>*\\-]*(\\(([${NUMERALS}]?)\\)|、|\\.)?$`);

/** Every line that may hold a section header: a cheap filter, then the compact key. */
function headerCandidates(text: string, start: number, end: number): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  forEachLine(text, start, end, (ls, le) => {
    const line = text.slice(ls, le);
    // Long lines are prose unless a title stands in them as written; short ones may space it out.
    if (line.length < 80 ? TITLE_ENDING.test(line) : hasTitle(line)) lineCandidates(text, ls, le, out);
  });
  return out;
}

function hasTitle(line: string): boolean {
  TITLE_RE.lastIndex = 0;
  return TITLE_RE.test(line);
}

function lineCandidates(text: string, ls: number, le: number, out: HeaderCandidate[]): void {
  const c = compact(text, ls, le);
  const t = c.text;
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(t); m; m = TITLE_RE.exec(t)) {
    const k = TITLE_KEYS.find((x) => x.key === m![0])!;
    const before = t.slice(0, m.index);
    const end = c.map[m.index + m[0].length - 1]! + 1;
    const mk = (numeral: string, separator: string, from: number, strength: number) =>
      out.push({
        number: k.number,
        start: c.map[from]!,
        end,
        numeral,
        separator,
        title: m![0],
        titleMatch: k.canonical ? 'canonical' : 'variant',
        strength,
      });
    const num = NUMERAL_BEFORE.exec(before);
    if (num && (num[2] || before.length === 1)) {
      const from = m.index - num[0].length;
      const atStart = /^(?:[#>*\-]*)$/.test(before.slice(0, from));
      // A numeral glued to the previous sentence is a header only if a separator follows it.
      mk(num[1]!, num[2]!, from, atStart ? 3 : 2);
      continue;
    }
    const lost = LOST_NUMERAL.exec(before);
    if (lost) {
      const from = m.index - (lost[1]?.length ?? 0);
      const paren = lost[1]?.startsWith('(');
      mk(paren ? lost[1]! : '', paren ? '' : (lost[1] ?? ''), from, 1);
    }
  }
}

/** Which candidates are the headers, and where each report begins. */
function chooseHeaders(cands: HeaderCandidate[]): HeaderCandidate[][] {
  const reports: HeaderCandidate[][] = [];
  let cur: HeaderCandidate[] = [];
  let maxSeen = 0;
  for (const h of cands) {
    if (h.strength < 2) continue;
    if (h.number === 1 && maxSeen >= 2) {
      reports.push(cur);
      cur = [];
      maxSeen = 0;
    }
    if (cur.some((x) => x.number === h.number && x.title === h.title) && h.strength < 3) continue;
    cur.push(h);
    maxSeen = Math.max(maxSeen, h.number);
  }
  reports.push(cur);
  // Weak candidates (lost numeral) fill sections that have no strong header, in order.
  const weak = cands.filter((h) => h.strength < 2);
  for (const w of weak) {
    const r = reports.find((hs, i) => {
      const next = reports[i + 1]?.[0];
      return (!hs.length || hs[0]!.start <= w.start || i === 0) && (!next || w.start < next.start);
    });
    if (!r || r.some((h) => h.number === w.number)) continue;
    const prev = [...r].reverse().find((h) => h.start < w.start);
    const next = r.find((h) => h.start > w.start);
    if ((prev && prev.number >= w.number) || (next && next.number <= w.number)) continue;
    r.push(w);
    r.sort((a, b) => a.start - b.start);
  }
  return reports.filter((r) => r.length > 0);
}

/** The reports of a text, read once (no findings): for indexes of other documents. */
export function readReports(text: string): Report[] {
  return parse(text).reports;
}

/** Parses a whole document. */
export function parse(original: string): DocumentModel {
  try {
    return parseUnsafe(original);
  } catch (e) {
    // The parser must never take a feature down; an empty model is still a model.
    return { length: original.length, reports: [], traditional: false, pinyin: [], html: false, error: String(e) };
  }
}

function parseUnsafe(original: string): DocumentModel {
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
  return html ? mapModel(model, html.toOriginal, original.length) : model;
}

/** The reports of analysis text[from, to): headers, boundaries, then each report on its own. */
export function parseReports(text: string, from: number, to: number): Report[] {
  const groups = chooseHeaders(headerCandidates(text, from, to));
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

/** Header candidates in text[from, to) (lines touched by an edit: none means no header changed). */
export function headersIn(text: string, from: number, to: number): number {
  return headerCandidates(text, from, to).length;
}

/**
 * Re-reads one section of a report after an edit inside its body (the report's ranges already
 * shifted). Returns false when the section's change reaches beyond it (the format changed), in
 * which case the caller re-reads the whole report.
 */
export function reparseSection(text: string, report: Report, index: number): boolean {
  const s = report.sections[index]!;
  const kind = s.number === 2 ? 'active' : s.number === 3 ? 'applications' : s.number === 4 ? 'review' : null;
  // Without a title the year comes from the text, which any section may change.
  if (report.title === null && yearFromText(text, report.range) !== report.year) return false;
  if (s.number === 1) {
    // Only the first 一、总体情况 gives the sub-headings (as in a whole parse).
    if (report.sections.find((x) => x.number === 1) !== s) return true;
    report.overviewHeadings = subHeadings(text, s.headerRange.end, s.range.end);
    return true;
  }
  if (!kind || report.sections.filter((x) => x.number === s.number).length > 1) return kind === null;
  const notes = report.notes.filter((n) => n.table !== kind);
  const fresh: ParseNote[] = [];
  if (kind === 'active') {
    const hint: Format = report.year !== null && report.year <= 2020 ? '2019' : '2021';
    const r = readActive(
      text,
      s.headerRange.end,
      s.range.end,
      report.formatEvidence === 'table2-header' ? report.format : hint,
      fresh,
    );
    if ((r.format ?? null) !== (report.formatEvidence === 'table2-header' ? report.format : null)) return false;
    report.tables.active = r.table.rows.length ? r.table : null;
  } else if (kind === 'applications') {
    // Where table 三 decided the format, the report is re-read; where it may now decide it, too.
    if (report.formatEvidence === 'table3-rows') return false;
    const t = readApplications(text, s.headerRange.end, s.range.end, report.format, fresh);
    if (report.formatEvidence !== 'table2-header') {
      const f = formatFromTable3(t, report.year);
      if (f && f !== report.format) return false;
    }
    report.tables.applications = t.rows.length ? t : null;
  } else {
    const t = readReview(text, s.headerRange.end, s.range.end, fresh);
    report.tables.review = t.rows.length ? t : null;
  }
  // Notes in the order a whole parse gives them: table 二, 三, 四.
  const order = { active: 0, applications: 1, review: 2 } as const;
  report.notes = [...notes, ...fresh].sort((a, b) => order[a.table ?? 'active'] - order[b.table ?? 'active']);
  return true;
}

/** 'page': an HTML document; 'fragment': a text document with HTML tables pasted in. */
export function htmlKind(s: string): 'page' | 'fragment' | null {
  const head = s.slice(0, 4000).trimStart().toLowerCase();
  if (/^<(?:!--|!doctype|html|body|head|p|div|table|meta)[\s>]/.test(head)) return 'page';
  return /<table[\s>]/i.test(s) && /<\/t[dh]>/i.test(s) ? 'fragment' : null;
}

interface TitleInfo {
  title: string;
  range: Range;
  organ: string | null;
  year: number | null;
}

const META_PREFIX = new RegExp(`^(?:[-*•]\\s*)?(?:${anyOf(TITLE_META_LABELS)})\\s*[:：]\\s*`);
/** A title that begins with its year: the organ may stand on the line above. */
const YEAR_FIRST = new RegExp(`^\\d{4}${escapeRegExp(YEAR)}`);
/** `<organ><year>年(度)<more of the organ>政府信息公开工作年度报告`. */
const ORGAN_YEAR = new RegExp(
  `^(.*?)(\\d{4})\\s*${escapeRegExp(YEAR)}${escapeRegExp(YEAR_SUFFIX)}?(.*?)(?:${TITLE_PATTERN.source})`,
);
/** What is not the organ's name: `关于` first, book-title marks and quotes. */
const NOT_ORGAN = new RegExp(`^${escapeRegExp(TITLE_ABOUT)}|[《》“”"]`, 'g');

/** The title line: the last line before the first header that names the report. */
export function findTitle(text: string, from: number, to: number): TitleInfo | null {
  let best: TitleInfo | null = null;
  let prevLine: { s: number; e: number } | null = null;
  forEachLine(text, from, to, (pos, nl) => {
    const raw = text.slice(pos, nl);
    const line = raw.trim();
    if (
      line &&
      line.length <= 80 &&
      TITLE_PATTERN.test(line.replace(/\s+/g, '')) &&
      !/[。，,；]|https?:|\.s?html?\b|[/\\]/.test(line.replace(/[，,]\s*$/, ''))
    ) {
      // Heading marks, flip-book page labels and metadata labels (`标题:`) are not the title.
      const t = line
        .replace(/^#+\s*/, '')
        .replace(/^Page\s*\d+\s*[-–—]\s*/i, '')
        .replace(META_PREFIX, '');
      let s = pos + raw.indexOf(line) + line.length - t.length;
      let title = t.replace(/\s+/g, '');
      // `洪泽区人民政府` / `2023 年政府信息公开工作年度报告`: the organ on the line above.
      if (YEAR_FIRST.test(title) && prevLine) {
        const pl = text.slice(prevLine.s, prevLine.e).trim();
        if (pl && pl.length <= 30 && !/[。，,：:]/.test(pl) && !TITLE_PATTERN.test(pl.replace(/\s+/g, ''))) {
          title = pl.replace(/\s+/g, '') + title;
          s = prevLine.s + text.slice(prevLine.s, prevLine.e).indexOf(pl);
        }
      }
      best = {
        title,
        range: { start: s, end: pos + raw.length - (raw.length - raw.trimEnd().length) },
        ...organYear(title),
      };
    }
    if (line) prevLine = { s: pos, e: nl };
  });
  return best;
}

function organYear(title: string): { organ: string | null; year: number | null } {
  const m = ORGAN_YEAR.exec(title);
  if (!m) return { organ: null, year: null };
  const organ = (m[1]! + m[3]!).replace(NOT_ORGAN, '').trim();
  return { organ: organ || null, year: Number(m[2]) };
}

function buildReport(text: string, range: Range, headers: HeaderCandidate[], title: TitleInfo | null): Report {
  const notes: ParseNote[] = [];
  const sections: Section[] = headers.map((h, i) => ({
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
  const s2 = sec(2);
  const s3 = sec(3);
  const s4 = sec(4);
  let active: Table | null = null;
  let format: Format = hint;
  let formatEvidence: Report['formatEvidence'] = year !== null ? 'year' : 'default';
  if (s2) {
    const r = readActive(text, s2.headerRange.end, s2.range.end, hint, notes);
    if (r.table.rows.length) active = r.table;
    if (r.format) {
      format = r.format;
      formatEvidence = 'table2-header';
      if (r.format !== hint) {
        const again = readActive(text, s2.headerRange.end, s2.range.end, r.format, []).table;
        active = again.rows.length ? again : null;
      }
    }
  }
  let applications: Table | null = null;
  if (s3) {
    let notes3: ParseNote[] = [];
    applications = readApplications(text, s3.headerRange.end, s3.range.end, format, notes3);
    if (formatEvidence !== 'table2-header') {
      const f = formatFromTable3(applications, year);
      if (f && f !== format) {
        format = f;
        formatEvidence = 'table3-rows';
        notes3 = [];
        applications = readApplications(text, s3.headerRange.end, s3.range.end, format, notes3);
      }
    }
    for (const n of notes3) notes.push(n);
    if (!applications.rows.length) applications = null;
  }
  let review: Table | null = null;
  if (s4) {
    review = readReview(text, s4.headerRange.end, s4.range.end, notes);
    if (!review.rows.length) review = null;
  }
  const overviewHeadings = sec(1) ? subHeadings(text, sec(1)!.headerRange.end, sec(1)!.range.end) : [];
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

/** Table 三 tells the format when table 二 did not: （六） with sub-items is 2021; a single （六）
 *  row is 2019 when no year says otherwise. */
function formatFromTable3(t: Table, year: number | null): Format | null {
  const has2021Other = t.rows.some((r) => r.key.startsWith('other.'));
  const has2019Other = t.rows.some((r) => r.key === 'other');
  return has2021Other ? '2021' : has2019Other && year === null ? '2019' : null;
}

/** `统计期限…2023年`, and any `2023年`. */
const PERIOD_YEAR = new RegExp(`${escapeRegExp(STATISTICS_PERIOD)}[^。\\n]{0,12}?(\\d{4})\\s*${escapeRegExp(YEAR)}`);
const ANY_YEAR = new RegExp(`(20\\d{2})\\s*${escapeRegExp(YEAR)}`, 'g');

function yearFromText(text: string, range: Range): number | null {
  const slice = text.slice(range.start, Math.min(range.end, range.start + 20000));
  const period = PERIOD_YEAR.exec(slice);
  if (period) return Number(period[1]);
  const counts = new Map<number, number>();
  for (const m of slice.matchAll(ANY_YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [y, c] of counts) if (c > n || (c === n && best !== null && y < best)) [best, n] = [y, c];
  return best;
}

const SUB_HEADING = new RegExp(
  `^\\s*(?:#+\\s*)?(\\(([${NUMERALS}]{0,2})\\)|[（(]\\s*[)）]|` +
    `([${NUMERALS}]{1,2})[、.,](?=\\s*[\\u4e00-\\u9fff]))\\s*([^\\n]{0,60})`,
);

function subHeadings(text: string, start: number, end: number): SubHeading[] {
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
