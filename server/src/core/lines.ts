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
