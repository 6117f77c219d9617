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

/** Offsets where the lines of s start (the first is 0). Lines break at `\r\n`, `\r` and `\n`, as
 *  LSP counts them. */
export function lineStarts(s: string): number[] {
  const out = [0];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (s.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}

/** Start of the line holding offset i (in analysis text, where every line break ends in `\n`). */
export function lineStartAt(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** End of the line holding offset i (its line break, or the end of the text). */
export function lineEndAt(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

/** Number of line breaks in s (`\r\n`, `\r` and `\n`). */
export function countLines(s: string): number {
  return lineStarts(s).length - 1;
}

/** End of line l's content (before its line break), given the text's line starts. */
export function lineContentEnd(s: string, starts: readonly number[], l: number): number {
  if (l + 1 >= starts.length) return s.length;
  let e = starts[l + 1]! - 1;
  if (e > starts[l]! && s.charCodeAt(e) === 10 && s.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** Calls f(start, end) for each line of text[from, to) (end excludes the line break). Analysis
 *  text only (its line breaks all end in `\n`); a range past the text's end is cut to it. */
export function forEachLine(text: string, from: number, to: number, f: (start: number, end: number) => void): void {
  let pos = Math.max(0, from);
  const stop = Math.min(to, text.length);
  while (pos < stop) {
    const end = Math.min(lineEndAt(text, pos), stop);
    f(pos, end);
    pos = end + 1;
  }
}

export interface Position {
  line: number;
  character: number;
}

/** Line/offset conversion for a text, as LSP counts lines (`\r\n`, `\r`, `\n`): the one line index
 *  of the core (the document's pieces, the CLI and the exports all use it). */
const isBreak = (c: number) => c === 10 || c === 13;

export class LineIndex {
  readonly starts: number[];

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? lineStarts(text);
  }

  /** The index of `text`, which is this index's text with [s, e) replaced by `inserted` characters:
   *  when neither the removed nor the inserted text holds a line break (nor a CR before the edit that
   *  could pair with an LF after it), the line starts after the edit only move. */
  edited(text: string, s: number, e: number, inserted: number): LineIndex {
    const old = this.text;
    if (s > 0 && (old.charCodeAt(s - 1) === 13 || text.charCodeAt(s - 1) === 13)) return new LineIndex(text);
    for (let i = s; i < e; i++) if (isBreak(old.charCodeAt(i))) return new LineIndex(text);
    for (let i = s; i < s + inserted; i++) if (isBreak(text.charCodeAt(i))) return new LineIndex(text);
    const delta = inserted - (e - s);
    if (!delta) return new LineIndex(text, this.starts);
    const starts = this.starts.slice();
    for (let l = this.lineAt(s) + 1; l < starts.length; l++) starts[l]! += delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset, num);
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: offset - this.starts[line]! };
  }

  /** A line past the end is the end of the text; a character past its line's end, the line's end. */
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const line = Math.max(0, pos.line);
    return Math.min(this.starts[line]! + Math.max(0, pos.character), lineContentEnd(this.text, this.starts, line));
  }
}
