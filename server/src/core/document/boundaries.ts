/** When a re-read piece still keeps the boundaries a whole read would give it. */
import type { Report } from '../model';
import { findTitle } from '../parse';
import { NUMERALS } from '../template/vocabulary';
import { lineStartAt } from '../text/lines';

/** Is offset i the start of a line of text? */
export function isLineStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return c === 10 || (c === 13 && text.charCodeAt(i) !== 10);
}

/** Could replacing source[s, e) with insert add or complete an HTML tag? */
export function mayBeHtml(source: string, s: number, e: number, insert: string): boolean {
  if (insert.includes('<') || insert.includes('>')) return true;
  const around = source.slice(Math.max(0, s - 12), s) + source.slice(e, e + 12);
  return around.includes('<') || around.includes('>');
}

/** A header written with its numeral (`二、`): only such headers start or extend a report. */
export function hasNumeral(s: { numeral: string }): boolean {
  return s.numeral.length === 1 && NUMERALS.includes(s.numeral);
}

/**
 * Would a whole read put the boundary between a report (analysis text `atext`, its last header
 * ending at `tail`) and the next piece exactly where it is, with the title the next report has?
 * The same search parseReports makes: the last title-like line between the two, or the next first
 * header, taken at its line's start unless that line began before `tail`.
 */
export function sameBoundary(atext: string, tail: number, next: { atext: string; report: Report | null }): boolean {
  const first = next.report?.sections[0]?.headerRange.start;
  if (first === undefined) return false;
  const between = atext.slice(tail) + next.atext.slice(0, first);
  const t = findTitle(between, 0, between.length);
  const base = atext.length - tail;
  return lineStartAt(between, t ? t.range.start : base + first) === base && (t?.title ?? null) === next.report!.title;
}
