/**
 * Splitting digits that a copy ran together (`230 000023` → 23,0,0,0,0,0,23).
 *
 * Each written token is cut into one or more numbers (no leading zeros, an optional leading minus,
 * decimals only where allowed) so that the row gets exactly the number of cells it needs; a
 * constraint (row total, table 四 block totals) filters the candidates.
 */

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

/** All ways to read `tokens` as exactly `n` numbers satisfying `ok`. */
export function splitCandidates(tokens: string[], n: number, ok: Constraint, opts: SplitOptions = {}): number[][] {
  const maxCandidates = opts.maxCandidates ?? 50;
  let steps = opts.maxSteps ?? 20_000;
  const out: number[][] = [];
  const cur: number[] = [];
  const totalChars = tokens.reduce((s, t) => s + t.length, 0);
  if (totalChars < n) return out;

  const validPart = (s: string): boolean => {
    let body = s;
    if (body.startsWith('-')) {
      if (!opts.signed?.[cur.length]) return false;
      body = body.slice(1);
    }
    if (!body) return false;
    if (body.includes('.')) {
      if (!opts.decimals) return false;
      if (!/^(0|[1-9]\d*)\.\d+$/.test(body)) return false;
      return true;
    }
    return /^(0|[1-9]\d*)$/.test(body);
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

/** Row total: the last cell equals the sum of the others. Blank cells (NaN) pass. */
export const rowTotal: Constraint = (c) => {
  let s = 0;
  for (let i = 0; i < c.length - 1; i++) s += c[i]!;
  return Math.abs(s - c[c.length - 1]!) < 1e-9;
};

/** Table 四: each block of five, the fifth is the sum of the four before it. */
export const reviewBlocks: Constraint = (c) => {
  for (let b = 0; b + 4 < c.length; b += 5) {
    if (c[b]! + c[b + 1]! + c[b + 2]! + c[b + 3]! !== c[b + 4]!) return false;
  }
  return true;
};

export const noConstraint: Constraint = () => true;
