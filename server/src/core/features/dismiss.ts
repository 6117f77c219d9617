/**
 * Dismissals (issue 14, item 4): a reviewer marks a finding as reviewed, and it stays dismissed
 * across runs and editors until the text it points at changes. The baseline file that lists them
 * is read and written outside the core (node/baseline.ts); here is what both the command line and
 * the language server agree on: a finding's fingerprint.
 *
 * A fingerprint is not a line number (an edit above the finding moves it): it is a hash of the
 * finding's code, its report's organ (by identity: crossyear/identity.ts, so 人民政府 and 政府
 * agree) and year, the text of its range, the text of the line it starts on and its column there.
 * Two findings alike in all of these (the same cell written the same way on two identical lines)
 * share a fingerprint: dismissing one dismisses both, which is what a reviewer who judged that text
 * acceptable means.
 *
 * `report.not-found` is never dismissed: a file that was not read never counts as a pass.
 */
import { organIdentity } from '../crossyear/identity';
import type { Report } from '../model';
import type { Finding } from '../rules/findings';

/** Codes a reviewer cannot dismiss. */
const UNDISMISSABLE: ReadonlySet<string> = new Set(['report.not-found']);

export const canDismiss = (f: Pick<Finding, 'code'>): boolean => !UNDISMISSABLE.has(f.code);

/** The line of `text` holding `offset` (lines break at CR, LF and CRLF), and where it starts. */
function lineAround(text: string, offset: number): { line: string; start: number } {
  let s = Math.min(Math.max(0, offset), text.length);
  let e = s;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return { line: text.slice(s, e), start: s };
}

/** fmix32 of MurmurHash3: every input bit reaches every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 128 bits (32 hex digits) of four multiply-xor lanes over the UTF-16 code units: not a
 *  cryptographic hash (nothing here is secret), only one whose collisions no reviewer will meet. */
function hash128(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b ^ s.length;
  let d = 0xc2b2ae35;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b ^ x, 0x5bd1e995);
    b ^= b >>> 15;
    c = Math.imul(c ^ x, 0xcc9e2d51);
    c = (c << 13) | (c >>> 19);
    d = (Math.imul(d ^ x, 0x1b873593) + i) | 0;
  }
  const lanes = [mix(a ^ d), mix(b ^ a), mix(c ^ b), mix(d ^ c)];
  return lanes.map((h) => h.toString(16).padStart(8, '0')).join('');
}

/**
 * The fingerprint of a finding of `report` (null: a finding outside every report) in `text`, the
 * text its offsets count (the document's own text, not the normalised one).
 */
export function fingerprintOf(
  f: Pick<Finding, 'code' | 'range'>,
  text: string,
  report: Pick<Report, 'organ' | 'year'> | null,
): string {
  const start = Math.min(f.range.start, f.range.end);
  const end = Math.max(f.range.start, f.range.end);
  const organ = report?.organ ? organIdentity(report.organ).key : '';
  const year = report?.year ?? '';
  const { line, start: lineStart } = lineAround(text, start);
  // The column tells apart two cells of one line written alike (table 四's two totals of 0): it
  // moves only when the line's text changes, which ends the dismissal anyway.
  const column = String(start - lineStart);
  return hash128([f.code, organ, String(year), text.slice(start, end), line, column].join('\u0000'));
}

/** Whether `f` is dismissed by the set of fingerprints. */
export function isDismissed(
  f: Pick<Finding, 'code' | 'range'>,
  text: string,
  report: Pick<Report, 'organ' | 'year'> | null,
  dismissed: ReadonlySet<string> | undefined,
): boolean {
  return !!dismissed?.size && canDismiss(f) && dismissed.has(fingerprintOf(f, text, report));
}
