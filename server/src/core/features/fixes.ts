/**
 * Quick fixes, in general: each rule proposes candidate edits for its own findings (its `fix`, in
 * rules/<code>.ts); this module knows no code by name. Every candidate is tried before it is
 * offered: the report is read again with the edit applied, and the fix is kept only if its finding
 * is gone (or, for a candidate that `removes: 'code'`, every finding of its code) and no other
 * finding appeared — but for findings of the codes a candidate `expects` inside the text it inserts
 * (an inserted section still to be filled in). Fix-all batches the preferred candidates of the rules that declare their fix
 * safe, none changing a digit of the text. Works on one report's text, in offsets local to it.
 */
import type { CheckOptions } from '../rules/check';
import { DocumentAnalysis } from '../document/analysis';
import type { Finding, Message } from '../rules/findings';
import { ruleOf } from '../rules';
import type { FixCandidate } from '../rules/rule';
import type { Report, Table } from '../model';
import type { TextEdit } from './format';
import type { TextLayout } from './render';

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** The finding it removes. */
  finding: Finding;
  preferred: boolean;
}

/** How the report lays out its tables (a fix that writes a row or a table writes it the same way). */
function layoutOf(report: Report): TextLayout {
  for (const t of [report.tables.applications, report.tables.active, report.tables.review] as (Table | null)[]) {
    if (!t) continue;
    if (t.layout === 'tab') return 'tab';
    if (t.layout === 'cell-per-line') return 'cell-per-line';
    if (t.layout === 'pipe') return 'pipe';
  }
  return 'pipe';
}

/** A digit, ASCII or full-width. */
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /[0-9０-９]/.test(ch);

/** The text's digit runs, in order: what fix-all must leave as it found it. */
function digitRuns(text: string): string {
  return (text.match(/[0-9０-９]+/g) ?? []).join(',');
}

/** Whether an edit changes a digit run of the text: compared over the edit's range widened to the
 *  digits on either side (deleting `(hào)` from `1(hào)2` joins two runs into one). */
export function changesDigits(text: string, edits: readonly TextEdit[]): boolean {
  for (const e of edits) {
    let s = e.start;
    let t = e.end;
    while (s > 0 && isDigit(text[s - 1])) s--;
    while (t < text.length && isDigit(text[t])) t++;
    const after = text.slice(s, e.start) + e.newText + text.slice(e.end, t);
    if (digitRuns(text.slice(s, t)) !== digitRuns(after)) return true;
  }
  return false;
}

/** The candidate edits of one finding (not yet tried): its rule's fix, if it has one. */
function candidates(
  f: Finding,
  text: string,
  report: Report,
  pinyin: { start: number; end: number }[],
): FixCandidate[] {
  const rule = ruleOf(f.code);
  if (!rule?.fix) return [];
  return rule.fix(f, { text, report, pinyin, layout: layoutOf(report) });
}

const keyOf = (f: Finding) => `${f.code}\u0000${JSON.stringify(f.message)}`;

/** Findings of `text` read as one report (the way DocumentAnalysis reads a piece); null findings when
 *  it no longer reads as exactly one report (an edit that splits or dissolves the report). */
export function checkPiece(
  text: string,
  opts: CheckOptions = {},
): { report: Report | null; findings: Finding[] | null; pinyin: { start: number; end: number }[] } {
  const a = new DocumentAnalysis(text);
  const p = a.piece(0);
  // A document read whole (HTML, reports inside a line) is compared whole.
  if (a.readWhole) return { report: p.report, findings: a.allFindings(opts), pinyin: p.pinyin };
  if (a.pieceCount !== 1 || !p.report) return { report: p.report, findings: null, pinyin: p.pinyin };
  return { report: p.report, findings: a.localFindings(0, opts), pinyin: p.pinyin };
}

function countKeys(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
  return m;
}

/** Text a fix inserts, where it lies once the edits are applied, and the codes expected in it. */
interface Expected {
  start: number;
  end: number;
  codes: readonly string[];
}

/** Where the new text of each edit of the candidates lies in the edited text (edits applied in one
 *  pass), for the candidates that expect findings in it. */
function expectedIn(cands: readonly { edits: readonly TextEdit[]; expects?: readonly string[] }[]): Expected[] {
  const all: { e: TextEdit; codes?: readonly string[] }[] = [];
  for (const c of cands) for (const e of c.edits) all.push({ e, ...(c.expects ? { codes: c.expects } : {}) });
  all.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end);
  const out: Expected[] = [];
  let shift = 0;
  for (const { e, codes } of all) {
    const start = e.start + shift;
    if (codes?.length) out.push({ start, end: start + e.newText.length, codes });
    shift += e.newText.length - (e.end - e.start);
  }
  return out;
}

/** Whether a finding not counted in `before` appeared: more findings of a kind than before, not
 *  counting the ones a candidate expects inside the text it inserts. */
function appeared(before: Map<string, number>, after: readonly Finding[], expected: readonly Expected[]): boolean {
  const counts = new Map<string, number>();
  for (const f of after) {
    const inside = (x: Expected) => x.codes.includes(f.code) && x.start <= f.range.start && f.range.end <= x.end;
    if (expected.length && expected.some(inside)) continue;
    counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
  }
  for (const [k, n] of counts) if (n > (before.get(k) ?? 0)) return true;
  return false;
}

/** `text` with non-overlapping edits applied, in one pass (edits in any order). */
export function applySorted(text: string, edits: TextEdit[]): string {
  const sorted = edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    const start = Math.max(at, e.start);
    parts.push(text.slice(at, start), e.newText);
    at = Math.max(start, e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Tried fixes for the findings of one report's text (local offsets). */
export function fixesFor(
  text: string,
  report: Report,
  findings: Finding[],
  pinyin: { start: number; end: number }[],
  targets: Finding[],
  opts: CheckOptions = {},
): Fix[] {
  const out: Fix[] = [];
  const before = countKeys(findings);
  for (const target of targets) {
    candidates(target, text, report, pinyin).forEach((c, i) => {
      const after = checkPiece(applySorted(text, c.edits), opts).findings;
      if (!after) return;
      const counts = countKeys(after);
      // The target is gone (one fewer of its kind), and nothing else appeared (but what it expects).
      const tk = keyOf(target);
      let ok = true;
      if (c.removes === 'code') {
        for (const k of counts.keys()) if (k.startsWith(target.code + '\u0000')) ok = false;
      } else ok = (counts.get(tk) ?? 0) < (before.get(tk) ?? 0);
      if (appeared(before, after, expectedIn([c]))) ok = false;
      if (ok) out.push({ title: c.title, edits: c.edits, finding: target, preferred: i === 0 });
    });
  }
  return byEdit(out, (x) => x).map((g) => ({ ...g[0]!, preferred: g.some((x) => x.preferred) }));
}

/** The edits a fix makes, whatever their order: two fixes with the same key change the text alike. */
export function editKey(edits: readonly TextEdit[]): string {
  const sorted = edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.map((e) => `${e.start}:${e.end}:${e.newText}`).join('\u0000');
}

/**
 * One wrong cell, one quick fix: items whose fixes make the same edits (row-total, outcome-total and
 * balance all setting （七）总计's 总计) grouped, groups in order of first appearance, the clearest
 * title first in each group: the one that says the most (names the row as well as the value), the
 * earliest of equals.
 */
export function byEdit<T>(items: readonly T[], fixOf: (t: T) => Fix): T[][] {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const k = editKey(fixOf(t).edits);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  const says = (t: T) => Object.keys(fixOf(t).title.args ?? {}).length;
  const out: T[][] = [];
  for (const g of groups.values()) {
    let best = 0;
    for (let i = 1; i < g.length; i++) if (says(g[i]!) > says(g[best]!)) best = i;
    if (best > 0) g.unshift(g.splice(best, 1)[0]!);
    out.push(g);
  }
  return out;
}

/** Re-reads of one report that fix-all may spend (the whole batch first, halves when it fails). */
export const FIX_ALL_TRIES = 48;

/**
 * source.fixAll for one report (it runs on save): the preferred candidate of every finding whose rule
 * declares its fix safe (`safeFix`: labels, numbering, headers, pinyin, inserted sections) and whose
 * edits leave every digit run of the text as it was; never a figure. A candidate is kept only where
 * none of its edits overlaps an edit kept before (one pass), then all are tried with one re-read: kept
 * if every finding they target is gone and nothing appeared. A batch that fails is split in halves,
 * each tried alone and then both together, within FIX_ALL_TRIES re-reads; what the budget does not
 * reach is left out (the user can run fix-all again). `isCancelled` is asked before every re-read.
 * Returns the edits sorted by offset, or null when cancelled.
 */
export function fixAll(
  text: string,
  report: Report,
  findings: Finding[],
  pinyin: { start: number; end: number }[],
  opts: CheckOptions = {},
  isCancelled: () => boolean = () => false,
  all: Finding[] = findings,
): TextEdit[] | null {
  // One candidate per finding whose rule declares its fix safe, its edits sorted; a candidate that
  // would change a digit of the text is left to the user (a quick fix), whatever its rule says.
  const cands: { finding: Finding; edits: TextEdit[]; start: number; end: number; expects?: readonly string[] }[] = [];
  for (const f of findings) {
    if (!ruleOf(f.code)?.safeFix) continue;
    const c = candidates(f, text, report, pinyin)[0];
    if (!c || !c.edits.length || changesDigits(text, c.edits)) continue;
    const edits = c.edits.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    let ok = true;
    for (let i = 1; i < edits.length; i++)
      if (
        edits[i]!.start < edits[i - 1]!.end ||
        (edits[i]!.start === edits[i - 1]!.start && edits[i]!.start === edits[i]!.end)
      )
        ok = false;
    const expects = c.expects ? { expects: c.expects } : {};
    if (ok) cands.push({ finding: f, edits, start: edits[0]!.start, end: edits[edits.length - 1]!.end, ...expects });
  }
  // Sorted by first edit, a candidate is kept when none of its edits overlaps an edit kept before;
  // its edits may fall between those of another (one fix for all the pinyin of a report spans the
  // report, the numbering fixes lie between its edits). An insertion at the very point of a kept
  // insertion counts as overlapping.
  cands.sort((a, b) => a.start - b.start || a.end - b.end);
  const batch: typeof cands = [];
  const kept: TextEdit[] = [];
  for (const c of cands) {
    if (c.edits.some((e) => overlapsKept(kept, e))) continue;
    batch.push(c);
    for (const e of c.edits) kept.splice(firstEndingAtOrAfter(kept, e.start, e.start === e.end), 0, e);
  }
  if (!batch.length) return [];

  // `all`: every finding the re-read text is compared with (the whole document, when read whole).
  const before = countKeys(all);
  const digits = digitRuns(text);
  let budget = FIX_ALL_TRIES;
  let cancelled = false;
  const good = (b: typeof cands): boolean => {
    if (cancelled || isCancelled()) {
      cancelled = true;
      return false;
    }
    budget--;
    const edits: TextEdit[] = [];
    for (const c of b) for (const e of c.edits) edits.push(e);
    const fixed = applySorted(text, edits);
    // Edits that are each digit-neutral may still join runs where they meet.
    if (digitRuns(fixed) !== digits) return false;
    const after = checkPiece(fixed, opts).findings;
    if (!after) return false;
    const counts = countKeys(after);
    const need = new Map<string, number>();
    for (const c of b) need.set(keyOf(c.finding), (need.get(keyOf(c.finding)) ?? 0) + 1);
    if (appeared(before, after, expectedIn(b))) return false;
    for (const [k, n] of need) if ((counts.get(k) ?? 0) > (before.get(k) ?? 0) - n) return false;
    return true;
  };
  const select = (b: typeof cands): typeof cands => {
    if (!b.length || budget <= 0) return [];
    if (good(b)) return b;
    if (b.length === 1 || budget <= 0) return [];
    const mid = b.length >> 1;
    const x = select(b.slice(0, mid));
    const y = select(b.slice(mid));
    if (x.length && y.length && budget > 0) {
      const both = x.concat(y);
      if (good(both)) return both;
    }
    return x.length >= y.length ? x : y;
  };
  const chosen = select(batch);
  if (cancelled) return null;
  const out: TextEdit[] = [];
  for (const c of chosen) for (const e of c.edits) out.push(e);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** In `kept` (sorted, non-overlapping, so their ends never decrease), the index of the first edit
 *  that ends at or after `at` (after it, for an insertion: it goes after a replacement ending there). */
function firstEndingAtOrAfter(kept: readonly TextEdit[], at: number, insertion = false): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const e = kept[mid]!;
    if (e.end < at || (insertion && e.end === at && e.start < e.end)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `e` overlaps an edit of `kept`: their ranges share a character, or both insert at one point. */
function overlapsKept(kept: readonly TextEdit[], e: TextEdit): boolean {
  for (let i = firstEndingAtOrAfter(kept, e.start); i < kept.length && kept[i]!.start <= e.end; i++) {
    const k = kept[i]!;
    if (e.start < k.end && k.start < e.end) return true;
    if (e.start === e.end && k.start === k.end && e.start === k.start) return true;
  }
  return false;
}
