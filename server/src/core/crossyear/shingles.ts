/**
 * Prose repeated from one year to the next (crossyear.copied-text): each prose section's text as a
 * set of character shingles (runs of SHINGLE characters of its matching key, digits read as one
 * digit so that 2023 and 2024 do not tell two copies apart), kept as a bottom-k sketch (the K
 * smallest hashes) so that a report of another year costs little to hold; the Jaccard index of two
 * sketches estimates the share of shingles the two texts have in common (exact when both hold
 * fewer than K shingles). Linear in the text (one hash per character, one sort of the distinct ones).
 */
import type { Report } from '../model';
import { compactCodes } from '../text/normalize';

/** The sections that are prose (一 总体情况, 五 问题及改进, 六 其他事项); 二 to 四 are tables. */
export const PROSE_SECTIONS: readonly number[] = [1, 5, 6];
export const SHINGLE = 6;
export const K = 256;

export interface ProseSketch {
  /** The section's number (1 to 6). */
  section: number;
  /** How many distinct shingles the section has. */
  size: number;
  /** The smallest hashes of its shingles, ascending (at most K). */
  hashes: Uint32Array;
}

/** The sketch of a text's shingles. */
export function sketch(key: string): { size: number; hashes: Uint32Array } {
  const codes = new Uint16Array(key.length);
  for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i);
  return sketchCodes(codes);
}

/** Digits read as one digit, kept for the hashing (grown as needed). */
let units = new Uint16Array(4096);

/** The sketch of a key given as code units (normalize.ts `compactCodes`: no string is made). */
function sketchCodes(key: Uint16Array): { size: number; hashes: Uint32Array } {
  if (units.length < key.length) units = new Uint16Array(key.length * 2);
  const u = units;
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    u[i] = c >= 48 && c <= 57 ? 48 : c;
  }
  // Every shingle's hash in a typed array, sorted natively, then counted distinct: no Set of
  // numbers (hashes past 2^31 would each be a heap number).
  const n = Math.max(0, key.length - SHINGLE + 1);
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ u[j]!, 0x01000193) >>> 0;
    all[i] = h;
  }
  all.sort();
  const hashes = new Uint32Array(Math.min(K, n));
  let size = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && all[i] === all[i - 1]) continue;
    if (size < K) hashes[size] = all[i]!;
    size++;
  }
  return { size, hashes: size < hashes.length ? hashes.slice(0, size) : hashes };
}

/** The prose sections of a report (first of each number), sketched from `text` (the document's
 *  analysis text or its source: the report's ranges are offsets into it). */
export function proseSketches(text: string, report: Report): ProseSketch[] {
  const out: ProseSketch[] = [];
  for (const s of report.sections) {
    if (!PROSE_SECTIONS.includes(s.number) || out.some((o) => o.section === s.number)) continue;
    const end = Math.min(s.range.end, text.length);
    const start = Math.min(s.headerRange.end, end);
    out.push({ section: s.number, ...sketchCodes(compactCodes(text, start, end)) });
  }
  return out;
}

/** The estimated Jaccard index of two sketches (0 to 1): among the K smallest hashes of the union,
 *  the share held by both. */
export function jaccard(a: ProseSketch, b: ProseSketch): number {
  const x = a.hashes;
  const y = b.hashes;
  // Beyond the larger of the two last kept hashes, a sketch no longer says what its set holds.
  const limit = Math.min(
    a.size > x.length ? x[x.length - 1]! : Infinity,
    b.size > y.length ? y[y.length - 1]! : Infinity,
  );
  let i = 0;
  let j = 0;
  let both = 0;
  let union = 0;
  while ((i < x.length || j < y.length) && union < K) {
    const u = i < x.length ? x[i]! : Infinity;
    const v = j < y.length ? y[j]! : Infinity;
    const m = Math.min(u, v);
    if (m > limit) break;
    if (u === v) {
      both++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
    union++;
  }
  return union ? both / union : 0;
}
