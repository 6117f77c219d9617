/** Section headers: the candidates of each line, and which of them are the headers of which report. */
import { forEachLine } from '../text/lines';
import type { Section } from '../model';
import { compact } from '../text/normalize';
import {
  ACTIVE_2021,
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  SECTIONS,
  TABLE3_CORNER_NOTE,
  TABLE3_HEADER,
  TABLE4_HEADER,
  type TableKind,
} from '../template';
import { CAPTION_ARTICLE, NUMERALS, SECTION_TITLE_ENDINGS, TABLE_SECTION } from '../template/vocabulary';
import { charClass } from '../text/pattern';

export interface HeaderCandidate {
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
export function headerCandidates(text: string, start: number, end: number): HeaderCandidate[] {
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
        // The key itself, not the match: a match is a slice of the compacted line and would keep
        // the whole line (a paragraph with a title in it) alive as long as the model.
        title: k.key,
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
export function chooseHeaders(cands: HeaderCandidate[]): HeaderCandidate[][] {
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

// ---- tables without their section's heading ---------------------------------------------------

/** A line that begins a table whose section has no heading: table 二's first caption (or its
 *  section's title on a line of its own), table 三's corner note or a line of its header words,
 *  table 四's header words. `start` is the line's start. */
export interface TableAnchor {
  kind: TableKind;
  start: number;
}

/** What separates cells and header words on a line: `|`, tabs, markdown marks, `·`, brackets. */
const LAYOUT = /[|\t#>*·()\-:]/g;
const key = (w: string) => compact(w).text.replace(LAYOUT, '');
/** `第二十条第(一)项`: the first caption of table 二 (the same in both formats). */
const FIRST_CAPTION = key(ACTIVE_2021.captions[0]!.label);
const ARTICLE = key(CAPTION_ARTICLE);
/** The corner note's opening, with or without its bracket. */
const CORNER = key(TABLE3_CORNER_NOTE).slice(0, 7);
const TITLE_OF: Record<TableKind, Set<string>> = {
  active: titleKeys(TABLE_SECTION.active),
  applications: titleKeys(TABLE_SECTION.applications),
  review: titleKeys(TABLE_SECTION.review),
};
const T3_WORDS = byLength([...TABLE3_HEADER, ...APPLICANT_COLUMNS, TABLE3_CORNER_NOTE].map(key));
const T3_MARK = key(TABLE3_HEADER[1]!);
const T4_WORDS = byLength([...TABLE4_HEADER, ...REVIEW_COLUMNS].map(key));
const T4_MARKS = new Set([key(TABLE4_HEADER[0]!), key(REVIEW_COLUMNS[0])]);
/** A sentence's end: a line that holds one is prose, never a table line. */
const SENTENCE_END = '\u3002';
/** A line of numbers only (once the layout is gone). */
const NUMBERS_ONLY = /^[\d.,]+$/;

function titleKeys(n: number): Set<string> {
  const s = SECTIONS[n - 1]!;
  return new Set([s.title, ...s.variants].map(key));
}

function byLength(words: string[]): string[] {
  return [...new Set(words.map((w) => w.replace(LAYOUT, '')))].sort((a, b) => b.length - a.length);
}

/** The header words a line is made of, when it is made of nothing else (else null). */
function onlyWords(line: string, words: string[]): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const w = words.find((x) => line.startsWith(x, i));
    if (!w) return null;
    out.push(w);
    i += w.length;
  }
  return out;
}

/** A line that begins a table by itself: table 二's first caption, a section title alone, the
 *  corner note of table 三. */
function strongAnchor(bare: string): TableKind | null {
  if (bare.startsWith(FIRST_CAPTION)) return 'active';
  for (const kind of ['active', 'applications', 'review'] as const) if (TITLE_OF[kind].has(bare)) return kind;
  return bare.startsWith(CORNER) ? 'applications' : null;
}

/** Lines (blank lines between them aside) made of header words only: table 三's when they name
 *  申请人情况, table 四's when they hold two of its words and 行政复议 or 结果维持. */
interface Run {
  kind: 'applications' | 'review';
  start: number;
  words: string[];
}

function runAnchor(r: Run | null): TableAnchor | null {
  if (!r) return null;
  const ok =
    r.kind === 'applications' ? r.words.includes(T3_MARK) : r.words.length >= 2 && r.words.some((w) => T4_MARKS.has(w));
  return ok ? { kind: r.kind, start: r.start } : null;
}

/** The lines of text[start, end) that begin a table (see TableAnchor), in order, one per table:
 *  a second anchor of the same kind with no digit since the first is the same table's header. A
 *  line that only says `第二十条` right before table 二's first caption belongs to it. */
export function tableAnchors(text: string, start: number, end: number): TableAnchor[] {
  const found: TableAnchor[] = [];
  let lead: number | null = null;
  let run: Run | null = null;
  const close = () => {
    const a = runAnchor(run);
    if (a) found.push(a);
    run = null;
  };
  forEachLine(text, start, end, (ls, le) => {
    if (le - ls > 400) {
      close();
      lead = null;
      return;
    }
    const k = compact(text, ls, le).text;
    const bare = k.replace(LAYOUT, '');
    // Blank lines and Markdown rule lines keep what came before.
    if (!bare) return;
    const prose = k.includes(SENTENCE_END);
    const strong = prose ? null : strongAnchor(bare);
    if (strong) {
      close();
      found.push({ kind: strong, start: strong === 'active' && lead !== null ? lead : ls });
      lead = null;
      return;
    }
    lead = bare === ARTICLE ? ls : null;
    const r = run as Run | null;
    const own = r && !prose ? onlyWords(bare, r.kind === 'applications' ? T3_WORDS : T4_WORDS) : null;
    if (r && own) {
      for (const w of own) r.words.push(w);
      return;
    }
    // Numbers among the header words (a scrambled copy) do not end them.
    if (r && NUMBERS_ONLY.test(bare)) return;
    close();
    if (prose) return;
    const t3 = onlyWords(bare, T3_WORDS);
    const t4 = t3 ? null : onlyWords(bare, T4_WORDS);
    if (t3) run = { kind: 'applications', start: ls, words: t3 };
    else if (t4) run = { kind: 'review', start: ls, words: t4 };
  });
  close();
  const out: TableAnchor[] = [];
  for (const a of found) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === a.kind && !/\d/.test(text.slice(prev.start, a.start))) continue;
    out.push(a);
  }
  return out;
}

/** The start of the first line of text[from, to) that is prose, or `to`: a line that holds a
 *  sentence's end, or two commas, semicolons or colons next to Chinese outside brackets (a PDF
 *  copy breaks sentences over lines; a label's notes stand in brackets) and begins no table. */
export function proseAfter(text: string, from: number, to: number): number {
  let at = to;
  forEachLine(text, from, to, (ls, le) => {
    if (at !== to || le === ls) return;
    const line = text.slice(ls, le);
    if (line.includes(SENTENCE_END)) at = ls;
    else if (clauses(line) >= 2) {
      const bare = compact(line).text.replace(LAYOUT, '');
      if (!strongAnchor(bare)) at = ls;
    }
  });
  return at;
}

const HAN = /[\u4e00-\u9fff]/;

/** Commas, semicolons and colons next to a Chinese character, outside brackets. */
function clauses(line: string): number {
  let depth = 0;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '(') depth++;
    else if (c === ')') {
      // A bracket closed that opened on an earlier line: what came before stood inside it.
      if (depth === 0) n = 0;
      else depth--;
    } else if (depth === 0 && (c === ',' || c === ';' || c === ':')) {
      if (HAN.test(line[i - 1] ?? '') || HAN.test(line[i + 1] ?? '')) n++;
    }
  }
  return n;
}
