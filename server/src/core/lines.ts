/** Line tables and the one binary search the core needs. */

/** Index of the last element whose key is at most x (0 when none is). */
export function lastAtOrBefore<T>(arr: ArrayLike<T>, x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(arr[mid]!) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const num = (n: number): number => n;

/** Offsets where the lines of s start (the first is 0). */
export function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Start of the line holding offset i. */
export function lineStartAt(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** End of the line holding offset i (its line break, or the end of the text). */
export function lineEndAt(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

/** Number of line breaks in s. */
export function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Calls f(start, end) for each line of text[from, to) (end excludes the line break). */
export function forEachLine(text: string, from: number, to: number, f: (start: number, end: number) => void): void {
  let pos = from;
  while (pos < to) {
    const end = Math.min(lineEndAt(text, pos), to);
    f(pos, end);
    pos = end + 1;
  }
}
