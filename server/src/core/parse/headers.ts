/** Section headers: the candidates of each line, and which of them are the headers of which report. */
import { forEachLine } from '../text/lines';
import type { Section } from '../model';
import { compact } from '../text/normalize';
import { SECTIONS } from '../template';
import { NUMERALS, SECTION_TITLE_ENDINGS } from '../template/vocabulary';
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
