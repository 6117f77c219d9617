/**
 * Splitting digits that a copy ran together (`230 000023` → 23,0,0,0,0,0,23).
 *
 * Each written token is cut into one or more numbers (no leading zeros, an optional leading minus,
 * decimals only where allowed) so that the row gets exactly the number of cells it needs; a
 * constraint (row total, table 四 block totals) filters the candidates.
 */
import { rowTotalsHold } from '../template/arithmetic';

/** A number a double holds exactly as written (`-` and `,` allowed): integer part at most
 *  2^53 − 1, at most 15 significant digits with decimals. Anything longer would be a rounded value. */
export function exact(digits: string): boolean {
  const unsigned = digits.replace(/,/g, '').replace(/^-/, '');
  const dot = unsigned.indexOf('.');
  const int = dot >= 0 ? unsigned.slice(0, dot) : unsigned;
  if (!Number.isSafeInteger(Number(int))) return false;
  if (dot < 0) return true;
  let a = 0;
  while (a < int.length && int[a] === '0') a++;
  let e = unsigned.length;
  while (e > dot + 1 && unsigned[e - 1] === '0') e--;
  return int.length - a + (e - dot - 1) <= 15;
}

export type Constraint = (cells: number[]) => boolean;

export interface SplitOptions {
  /** Which cells may carry a minus sign (2019 table 二 本年增/减). */
  signed?: boolean[];
  /** Allow decimals (amounts). */
  decimals?: boolean;
  /** Stop after this many candidates. */
  maxCandidates?: number;
  /** Give up after this many steps (keeps pathological input bounded). */
  maxSteps?: number;
}

const cache = new Map<string, number[][]>();
const constraintIds = new Map<Constraint, number>();

/** All ways to read `tokens` as exactly `n` numbers satisfying `ok` (memoized: a compilation repeats rows). */
export function splitCandidates(tokens: string[], n: number, ok: Constraint, opts: SplitOptions = {}): number[][] {
  let cid = constraintIds.get(ok);
  if (cid === undefined) constraintIds.set(ok, (cid = constraintIds.size));
  const key = `${tokens.join(' ')}|${n}|${cid}|${opts.signed?.map(Number).join('') ?? ''}|${opts.decimals ? 1 : 0}|${opts.maxCandidates ?? ''}|${opts.maxSteps ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit.map((c) => [...c]);
  const out = computeSplits(tokens, n, ok, opts);
  if (cache.size > 5000) cache.clear();
  cache.set(key, out);
  return out.map((c) => [...c]);
}

function computeSplits(tokens: string[], n: number, ok: Constraint, opts: SplitOptions): number[][] {
  const maxCandidates = opts.maxCandidates ?? 50;
  let steps = opts.maxSteps ?? 20_000;
  const out: number[][] = [];
  const cur: number[] = [];
  const totalChars = tokens.reduce((s, t) => s + t.length, 0);
  if (totalChars < n) return out;

  const validPart = (s: string): boolean => {
    let i = 0;
    if (s.charCodeAt(0) === 45) {
      if (!opts.signed?.[cur.length]) return false;
      i = 1;
    }
    if (i >= s.length) return false;
    // No leading zero unless the integer part is 0; at most one decimal point, digits after it.
    const first = s.charCodeAt(i);
    let dot = -1;
    for (let j = i; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 46) {
        if (dot >= 0 || !opts.decimals || j === i) return false;
        dot = j;
      } else if (c < 48 || c > 57) return false;
    }
    if (dot === s.length - 1) return false;
    const intEnd = dot >= 0 ? dot : s.length;
    return !(first === 48 && intEnd - i > 1);
  };

  // Characters and tokens left after token i: each cell takes at least one character, and each
  // token at least one cell, which bounds how many cells the rest can still make.
  const charsAfter: number[] = new Array(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) charsAfter[i] = charsAfter[i + 1]! + tokens[i]!.length;
  const walk = (ti: number, pos: number): void => {
    if (out.length >= maxCandidates || --steps < 0) return;
    if (ti < tokens.length) {
      const cellsLeft = n - cur.length;
      const charsLeft = charsAfter[ti]! - pos;
      const tokensLeft = tokens.length - ti - (pos === tokens[ti]!.length ? 1 : 0);
      if (cellsLeft < tokensLeft || cellsLeft > charsLeft) return;
    }
    if (ti === tokens.length) {
      if (cur.length === n && ok(cur)) out.push([...cur]);
      return;
    }
    const tok = tokens[ti]!;
    if (pos === tok.length) {
      walk(ti + 1, 0);
      return;
    }
    // Remaining characters must be able to fill the remaining cells and vice versa.
    if (cur.length >= n) return;
    for (let end = pos + 1; end <= tok.length; end++) {
      const part = tok.slice(pos, end);
      if (!exact(part)) break; // past 2^53 (or 15 digits with decimals): a rounded value, and longer parts too
      if (!validPart(part)) {
        if (part === '-' || part.endsWith('.')) continue;
        if (/^-?0\d/.test(part)) break; // leading zero never becomes valid by extending
        continue;
      }
      cur.push(Number(part));
      walk(ti, end);
      cur.pop();
      if (out.length >= maxCandidates || steps < 0) return;
    }
  };
  walk(0, 0);
  return out;
}

/** Table 三's row total (template/arithmetic.ts): 总计 is the sum of the applicant columns. */
export const rowTotal: Constraint = (c) => rowTotalsHold('applications', c);

/** Table 四 (template/arithmetic.ts): in each block, 总计 is the sum of the results before it. */
export const reviewBlocks: Constraint = (c) => rowTotalsHold('review', c);

export const noConstraint: Constraint = () => true;
