/**
 * Tables rebuilt from their ruling lines: the lines that touch each other form a table; the distinct
 * x of its vertical lines and y of its horizontal lines form a grid; grid cells with no line between
 * them are one (spanned) cell; every piece of text whose centre lies in a cell belongs to it, its
 * wrapped lines joined.
 */
import type { HLine, Rules, VLine } from './rules';
import { joinLine, type Item } from './text';

export interface Table {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Rows of cells, one entry per spanned cell (a cell spanning columns is one entry). */
  rows: string[][];
}

const TOL = 2.5;
/** Grid cells a table may have (the national tables have a few hundred). */
const MAX_CELLS = 20_000;
const MAX_LINES = 5_000;
const FIGURE = /^[-+]?[\d,，]+(\.\d+)?$/;

class UnionFind {
  private readonly p: number[];
  constructor(n: number) {
    this.p = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.p[i] !== i) {
      this.p[i] = this.p[this.p[i]!]!;
      i = this.p[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function touches(h: HLine, v: VLine): boolean {
  return v.x >= h.x1 - TOL && v.x <= h.x2 + TOL && h.y >= v.y1 - TOL && h.y <= v.y2 + TOL;
}

/** Distinct values, each cluster of values closer than TOL read as one (their mean). */
function cluster(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i === s.length || s[i]! - s[i - 1]! > TOL) {
      let sum = 0;
      for (let k = start; k < i; k++) sum += s[k]!;
      out.push(sum / (i - start));
      start = i;
    }
  }
  return out;
}

/** Groups the lines into tables (two or more lines each way, touching). */
export function findTables(rules: Rules, items: Item[]): { tables: Table[]; used: Set<Item> } {
  const { h, v } = rules;
  const tables: Table[] = [];
  const used = new Set<Item>();
  if (h.length < 2 || v.length < 2 || h.length * v.length > 4_000_000) return { tables, used };
  const uf = new UnionFind(h.length + v.length);
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) if (touches(h[i]!, v[j]!)) uf.union(i, h.length + j);
  // pieces of one line (a border drawn cell by cell) belong together even where no line crosses
  joinCollinear(
    h.map((l, i) => ({ at: l.y, a: l.x1, b: l.x2, i })),
    uf,
  );
  joinCollinear(
    v.map((l, j) => ({ at: l.x, a: l.y1, b: l.y2, i: h.length + j })),
    uf,
  );
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  const group = (root: number): { h: HLine[]; v: VLine[] } => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  for (let i = 0; i < h.length; i++) group(uf.find(i)).h.push(h[i]!);
  for (let j = 0; j < v.length; j++) group(uf.find(h.length + j)).v.push(v[j]!);
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = buildGrid(g.h, g.v);
    if (grid) grids.push(grid);
  }
  // text inside a grid first; then text overflowing a grid's last row by less than half a line
  // (a cell cut by the page's end), where no other table holds it
  for (const slack of [0, 0.6])
    for (const it of items) if (!used.has(it) && grids.some((g) => g.place(it, slack))) used.add(it);
  for (const g of grids) tables.push(g.finish());
  tables.sort((a, b) => a.top - b.top);
  return { tables, used };
}

interface Grid {
  place(it: Item, slack: number): boolean;
  finish(): Table;
}

function joinCollinear(segs: { at: number; a: number; b: number; i: number }[], uf: UnionFind): void {
  segs.sort((p, q) => p.at - q.at || p.a - q.a);
  for (let k = 1; k < segs.length; k++) {
    const s = segs[k]!;
    // earlier pieces on the same line (bounded look-back) that meet this one
    for (let m = k - 1; m >= 0 && m >= k - 400 && s.at - segs[m]!.at <= TOL; m--) {
      const o = segs[m]!;
      if (o.b >= s.a - TOL && o.a <= s.b + TOL) uf.union(o.i, s.i);
    }
  }
}

function buildGrid(h: HLine[], v: VLine[]): Grid | null {
  if (h.length + v.length > MAX_LINES) return null;
  const xs = cluster(v.map((l) => l.x));
  const ys = cluster(h.map((l) => l.y));
  // a table cut by the page's end (or continued at its top) has vertical lines past its last rule
  extend(
    ys,
    v.map((l) => l.y1),
    v.map((l) => l.y2),
  );
  extend(
    xs,
    h.map((l) => l.x1),
    h.map((l) => l.x2),
  );
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  if (nr * nc > MAX_CELLS) return null; // a hatching or a chart, not a table
  const vAt = (x: number, y: number): boolean =>
    v.some((l) => Math.abs(l.x - x) <= TOL && l.y1 - TOL <= y && l.y2 + TOL >= y);
  const hAt = (y: number, x: number): boolean =>
    h.some((l) => Math.abs(l.y - y) <= TOL && l.x1 - TOL <= x && l.x2 + TOL >= x);
  const uf = new UnionFind(nr * nc);
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const my = (ys[r]! + ys[r + 1]!) / 2;
      const mx = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < nc && !vAt(xs[c + 1]!, my)) uf.union(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && !hAt(ys[r + 1]!, mx)) uf.union(r * nc + c, (r + 1) * nc + c);
    }
  // the extent of each spanned cell, and its text
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number; items: Item[] }>();
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const k = uf.find(r * nc + c);
      const b = box.get(k);
      if (!b) box.set(k, { r0: r, r1: r, c0: c, c1: c, items: [] });
      else {
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  const left = xs[0]!;
  const right = xs[nc]!;
  const top = ys[0]!;
  const bottom = ys[nr]!;
  const place = (it: Item, slack: number): boolean => {
    if (it.cx < left || it.cx > right || it.cy < top || it.cy > bottom + it.size * slack) return false;
    box.get(uf.find(index(ys, it.cy) * nc + index(xs, it.cx)))!.items.push(it);
    return true;
  };
  const finish = (): Table => {
    // a column that never holds a figure is a label column: its empty cells are the rest of a label
    // spanning rows or columns, and are left out (a blank there would read as a blank value)
    const figures = new Set<number>();
    const texts = new Map<number, string>();
    for (const [k, b] of box) {
      const text = cellText(b.items);
      texts.set(k, text);
      if (FIGURE.test(text)) for (let c = b.c0; c <= b.c1; c++) figures.add(c);
    }
    const rows: string[][] = [];
    for (let r = 0; r < nr; r++) {
      const row: string[] = [];
      let any = false;
      for (let c = 0; c < nc;) {
        const k = uf.find(r * nc + c);
        const b = box.get(k)!;
        const text = b.r0 === r ? texts.get(k)! : '';
        if (text) any = true;
        let labelOnly = true;
        for (let cc = c; cc <= b.c1; cc++) if (figures.has(cc)) labelOnly = false;
        if (text || !labelOnly) row.push(text);
        c = Math.max(c + 1, b.c1 + 1);
      }
      if (any) rows.push(row);
    }
    return { top, bottom, left, right, rows };
  };
  return { place, finish };
}

function extend(edges: number[], starts: number[], ends: number[]): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of starts) lo = Math.min(lo, x);
  for (const x of ends) hi = Math.max(hi, x);
  if (edges.length && lo < edges[0]! - TOL) edges.unshift(lo);
  if (edges.length && hi > edges[edges.length - 1]! + TOL) edges.push(hi);
}

/** The grid interval holding `x` (the last one for a value on the far edge). */
function index(edges: number[], x: number): number {
  let i = 0;
  while (i < edges.length - 2 && x > edges[i + 1]!) i++;
  return i;
}

/** The text of a cell: its lines top to bottom, joined without a break (a wrap inside a cell). */
export function cellText(items: Item[]): string {
  const lines = groupLines(items);
  let s = '';
  for (const l of lines) s += joinLine(l);
  return s.replace(/\|/g, '｜').trim();
}

/** Items grouped into lines by their vertical centre, top to bottom, each line left to right. */
export function groupLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => a.cy - b.cy || a.x - b.x);
  const lines: Item[][] = [];
  let cur: Item[] = [];
  let cy = -Infinity;
  let size = 0;
  for (const it of sorted) {
    if (cur.length && Math.abs(it.cy - cy) > Math.min(size, it.size) * 0.5) {
      lines.push(cur);
      cur = [];
    }
    if (!cur.length) {
      cy = it.cy;
      size = it.size;
    }
    cur.push(it);
  }
  if (cur.length) lines.push(cur);
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}
