/**
 * Reading the prose: the figures a report's text states about its tables (`共收到申请10件`,
 * `不予公开答复2件`, `规范性文件现行有效3件`). The text is cut into sentences and clauses (commas,
 * colons, brackets); a clause binds at most one figure to one topic (template/prose.ts), outcomes
 * before totals. A clause says nothing when it is ambiguous: two figures (a range, a figure and a
 * share), a change (同比增长3件), a year other than the report's, last year. A sentence that binds one
 * topic to two different figures says nothing about it. Offsets are document offsets.
 */
import type { Range, Report } from '../model';
import { compact } from '../text/normalize';
import { charClass } from '../text/pattern';
import { YEAR as YEAR_WORD } from '../template/vocabulary';
import {
  ACTIVE_SUBJECTS,
  APPLICATION,
  BREAKDOWN,
  CHANGE,
  CLAUSE_END,
  DISCLOSURE,
  DATE_UNITS,
  FILING,
  LAST_YEAR,
  ORDINAL,
  OTHER_MATTER,
  PROSE_TOPICS,
  SENTENCE_END,
  WIDER_SCOPE,
  type ProseTopic,
} from '../template/prose';

export interface ProseClaim {
  topic: ProseTopic;
  /** For 现行有效: the row of table 二 it names. */
  row?: string;
  /** The table's name of the figure, for messages. */
  scope: string;
  value: number;
  /** The figure as written. */
  raw: string;
  range: Range;
  /** The sentence speaks of a wider scope than the office (全区, 各部门): the table may differ. */
  wider: boolean;
}

// A number starts only where a run of digits and commas starts (linear: no re-reading of a run).
const N = '(?<!\\d)(?<!\\d,)(\\d[\\d,]*)';
/** The one place a pattern of template/prose.ts is compiled: every one is listed in PROSE_REGEXES. */
function rx(source: string, flags = ''): RegExp {
  const re = new RegExp(source, flags);
  PROSE_REGEXES.push(re);
  return re;
}
/** Every pattern built from template/prose.ts (test/unit/regex.test.ts feeds them adversarial inputs). */
export const PROSE_REGEXES: RegExp[] = [];
const TOPICS = PROSE_TOPICS.map((t) => ({
  topic: t,
  re: rx(t.pattern.replace('N', N), 'gd'),
  exclude: t.exclude ? rx(t.exclude) : null,
}));
const OUTCOME_WORDS = PROSE_TOPICS.flatMap((t) => (t.word ? [{ key: t.key, re: rx(t.word) }] : []));
const SENTENCE = new RegExp(`[^${charClass(SENTENCE_END)}]+`, 'g');
const CLAUSE = new RegExp(`[^${charClass(CLAUSE_END)}]+`, 'g');
const NUMBER = /(?<!\d)(?<!\d,)\d[\d,]*/g;
const ANY_DIGIT = /\d/;
const YEAR = new RegExp(`\\d{4}${charClass(YEAR_WORD)}`, 'y');
/** A year (`2024年`) starts at `at`. */
const yearAt = (s: string, at: number): boolean => ((YEAR.lastIndex = at), YEAR.test(s));
const DATE_AFTER = new RegExp(`[${charClass(DATE_UNITS)}]`, 'y');
const other = new RegExp(OTHER_MATTER);
const wider = new RegExp(WIDER_SCOPE);
const change = new RegExp(CHANGE);
const lastYear = new RegExp(LAST_YEAR);

interface Clause {
  start: number;
  end: number;
  /** The clause says nothing (two figures, a change, another year). */
  mute: boolean;
}

/** The clauses of a sentence, each marked mute when it is ambiguous. */
function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  for (const m of s.matchAll(CLAUSE)) {
    const c = m[0];
    let figures = 0;
    for (const n of c.matchAll(NUMBER)) {
      const at = n.index!;
      DATE_AFTER.lastIndex = at + n[0].length;
      if (yearAt(c, at)) continue;
      if (DATE_AFTER.test(c) || c.slice(at - ORDINAL.length, at) === ORDINAL) continue;
      figures++;
    }
    const mute = figures > 1 || change.test(c);
    out.push({ start: m.index!, end: m.index! + c.length, mute });
  }
  return out;
}

/** The stretch names an outcome other than `key`: one figure, two rows. */
function names2(stretch: string, key: string): boolean {
  return OUTCOME_WORDS.some((w) => w.key !== key && w.re.test(stretch));
}

/** How far back (compact characters) 现行有效 looks for its subject. */
const LOOK_BACK = 120;

/** The clause holding offset `at` (clauses are in order and do not overlap). */
function clauseAt(cls: readonly Clause[], at: number): Clause | undefined {
  let lo = 0;
  let hi = cls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cls[mid]!;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** The sentence names a year other than the report's (last year's figures, next year's plans). */
function otherYear(s: string, year: number | null): boolean {
  if (year === null) return false;
  for (const n of s.matchAll(NUMBER)) if (yearAt(s, n.index!) && Number(n[0]) !== year) return true;
  return false;
}

/** The subject of 现行有效 before `at` in the sentence: the nearest one named, unless its clause names both. */
function activeSubject(s: string, at: number, named: string | undefined): (typeof ACTIVE_SUBJECTS)[number] | null {
  if (named) return ACTIVE_SUBJECTS.find((x) => named.includes(x.word)) ?? null;
  // The subject is named near the figure: a bounded look back keeps a long sentence linear.
  const before = s.slice(Math.max(0, at - LOOK_BACK), at);
  let best: { subject: (typeof ACTIVE_SUBJECTS)[number]; at: number } | null = null;
  for (const x of ACTIVE_SUBJECTS) {
    const i = before.lastIndexOf(x.word);
    if (i >= 0 && (!best || i > best.at)) best = { subject: x, at: i };
  }
  if (!best) return null;
  // Both subjects in the stretch from the chosen one's clause to the figure: two rows, one figure.
  let from = best.at;
  while (from > 0 && !CLAUSE_END.includes(before[from - 1]!)) from--;
  const stretch = before.slice(from);
  return ACTIVE_SUBJECTS.every((x) => stretch.includes(x.word)) ? null : best.subject;
}

/** The prose a report's figures are read from: the preamble (after the title), 一 (to 二's header),
 *  五 and 六, each after its header, so that a title or a header never joins the sentence after it. */
export function proseRanges(r: Report): Range[] {
  const s1 = r.sections.find((s) => s.number === 1);
  const s2 = r.sections.find((s) => s.number === 2);
  const end = s2 ? s2.headerRange.start : s1?.range.end;
  const out: Range[] = [];
  if (end === undefined) return out;
  const start = r.titleRange && r.titleRange.end <= end ? r.titleRange.end : r.range.start;
  if (s1 && s1.headerRange.start >= start && s1.headerRange.end <= end) {
    out.push({ start, end: s1.headerRange.start }, { start: s1.headerRange.end, end });
  } else out.push({ start, end });
  for (const s of r.sections)
    if (s.number === 5 || s.number === 6) out.push({ start: s.headerRange.end, end: s.range.end });
  return out;
}

/** The last few readings, by the prose's text, ranges and year: a keystroke in a table re-checks its
 *  report, whose prose has not changed (the language server's keystroke path, issue 12). */
const recent: { key: string; claims: ProseClaim[] }[] = [];

/** The figures the prose in `ranges` states about the tables. */
export function readProse(text: string, ranges: readonly Range[], year: number | null): ProseClaim[] {
  // Joined, not concatenated: a concatenation keeps its slices, and with them the whole text.
  const parts: (string | number | null)[] = [year];
  for (const r of ranges) parts.push(r.start, r.end, text.slice(r.start, r.end));
  const key = parts.join('\u0000');
  let hit = recent.find((x) => x.key === key);
  if (!hit) {
    hit = { key, claims: readProseAfresh(text, ranges, year) };
    recent.unshift(hit);
    if (recent.length > 8) recent.pop();
  }
  return hit.claims.map((c) => ({ ...c, range: { ...c.range } }));
}

function readProseAfresh(text: string, ranges: readonly Range[], year: number | null): ProseClaim[] {
  const out: ProseClaim[] = [];
  for (const r of ranges) {
    const c = compact(text, r.start, r.end);
    for (const sm of c.text.matchAll(SENTENCE)) {
      const s = sm[0];
      // Every claim is a figure in digits (N): a sentence without one says nothing to check.
      if (!ANY_DIGIT.test(s) || s.includes(FILING)) continue;
      const base = sm.index!;
      const breakdown = s.indexOf(BREAKDOWN);
      if (otherYear(s, year)) continue;
      const cls = clauses(s);
      const isWider = wider.test(s);
      const bound = new Set<number>();
      const found: ProseClaim[] = [];
      for (const { topic, re, exclude } of TOPICS) {
        re.lastIndex = 0;
        for (let m = re.exec(s); m; m = re.exec(s)) {
          const numAt = m.indices![2]![0];
          const numStr = m[2]!;
          if (bound.has(numAt)) continue;
          const clause = clauseAt(cls, numAt);
          // The match must lie in the figure's clause, except a total's gap may span commas it excludes.
          if (!clause || clause.mute) continue;
          if (topic.word && names2(s.slice(clause.start, numAt), topic.key)) continue;
          if (topic.total && breakdown >= 0 && m.index > breakdown) continue;
          const gap = m[1] ?? '';
          if (exclude?.test(gap)) continue;
          if (other.test(gap)) continue;
          if (topic.disclosure && !s.includes(DISCLOSURE)) continue;
          if (topic.needsApplication && !gap.includes(APPLICATION) && !m[3]) continue;
          if (topic.key !== 'carriedOver' && lastYear.test(s.slice(clause.start, clause.end))) continue;
          let row: string | undefined;
          let scope = topic.scope;
          if (topic.key === 'activeDocuments') {
            const subject = activeSubject(s, m.index, m[1] || undefined);
            if (!subject) continue;
            row = subject.row;
            scope = subject.scope;
          }
          bound.add(numAt);
          const at = base + numAt;
          found.push({
            topic,
            ...(row ? { row } : {}),
            scope,
            value: Number(numStr.replace(/,/g, '')),
            raw: numStr,
            range: { start: c.map[at]!, end: c.map[at + numStr.length - 1]! + 1 },
            wider: isWider,
          });
        }
      }
      found.sort((a, b) => a.range.start - b.range.start);
      // One topic, two figures in one sentence: it says nothing about that topic.
      const values = new Map<string, number | null>();
      for (const f of found) {
        const k = `${f.topic.key} ${f.row ?? ''}`;
        const v = values.get(k);
        values.set(k, v === undefined || v === f.value ? f.value : null);
      }
      for (const f of found) if (values.get(`${f.topic.key} ${f.row ?? ''}`) !== null) out.push(f);
    }
  }
  return out;
}
