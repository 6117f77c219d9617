/**
 * The ruling lines of a page, taken from its drawing operators: every straight horizontal or
 * vertical stroke, and every filled rectangle thin enough to be a line (Word and browsers draw
 * table borders as thin filled boxes). Coordinates are the page's, y growing downwards.
 */

export interface HLine {
  y: number;
  x1: number;
  x2: number;
}
export interface VLine {
  x: number;
  y1: number;
  y2: number;
}
export interface Rules {
  h: HLine[];
  v: VLine[];
}

type Matrix = [number, number, number, number, number, number];

/** The operator numbers this module reads (pdfjs's OPS, passed in so this file stays library-free). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const THIN = 2.5; // a filled box at most this thick is a line
const MAX_SEGMENTS = 100_000;

function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Reads the ruling lines out of an operator list (fnArray/argsArray of pdfjs). */
export function extractRules(fnArray: number[], argsArray: unknown[], ops: OpCodes, pageHeight: number): Rules {
  const out: Rules = { h: [], v: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke]);
  const strokeOps2 = new Set([ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length && out.h.length + out.v.length < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = mul(args as Matrix, ctm);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (Array.isArray(m) && m.length === 6) ctm = mul(m, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const stroke = strokeOps.has(op) || strokeOps2.has(op);
      const fill = fillOps.has(op) || strokeOps2.has(op) || op === ops.fillStroke || op === ops.eoFillStroke;
      if (stroke || fill) addPath(data, ctm, stroke, fill, pageHeight, out);
    }
  }
  return out;
}

function addPath(data: ArrayLike<number>, m: Matrix, stroke: boolean, fill: boolean, ph: number, out: Rules): void {
  const pt = (x: number, y: number): [number, number] => [
    m[0] * x + m[2] * y + m[4],
    ph - (m[1] * x + m[3] * y + m[5]),
  ];
  let sub: [number, number][] = [];
  const flush = (close: boolean): void => {
    if (sub.length > 1) {
      if (stroke) {
        const n = close ? sub.length : sub.length - 1;
        for (let k = 0; k < n; k++) segment(sub[k]!, sub[(k + 1) % sub.length]!, out);
      }
      if (fill) {
        let x1 = Infinity,
          x2 = -Infinity,
          y1 = Infinity,
          y2 = -Infinity;
        for (const [x, y] of sub) {
          x1 = Math.min(x1, x);
          x2 = Math.max(x2, x);
          y1 = Math.min(y1, y);
          y2 = Math.max(y2, y);
        }
        if (y2 - y1 <= THIN && x2 - x1 > THIN) out.h.push({ y: (y1 + y2) / 2, x1, x2 });
        else if (x2 - x1 <= THIN && y2 - y1 > THIN) out.v.push({ x: (x1 + x2) / 2, y1, y2 });
      }
    }
    sub = [];
  };
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      flush(false);
      sub.push(pt(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === 1) {
      sub.push(pt(data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === 2) {
      sub = []; // a curve: not a table
      i += 6;
    } else if (op === 3) {
      sub = [];
      i += 4;
    } else if (op === 4) flush(true);
    else break;
  }
  flush(false);
}

function segment(a: [number, number], b: [number, number], out: Rules): void {
  const [ax, ay] = a;
  const [bx, by] = b;
  if (Math.abs(ay - by) < 1 && Math.abs(ax - bx) > 1)
    out.h.push({ y: (ay + by) / 2, x1: Math.min(ax, bx), x2: Math.max(ax, bx) });
  else if (Math.abs(ax - bx) < 1 && Math.abs(ay - by) > 1)
    out.v.push({ x: (ax + bx) / 2, y1: Math.min(ay, by), y2: Math.max(ay, by) });
}
