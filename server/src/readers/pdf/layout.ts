/**
 * A page's text outside its tables, as lines, and the whole document as text: prose lines joined
 * into paragraphs (one per line, so a sentence is never cut), tables as pipe rows, page numbers and
 * running headers and footers dropped.
 */
import type { Table } from './grid';
import { groupLines } from './grid';
import { hasWideGap, isPageNumber, joinLine, type Item } from './text';

export interface PageContent {
  height: number;
  lines: ProseLine[];
  tables: Table[];
}
export interface ProseLine {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  size: number;
  /** A row of a table drawn without lines (wide gaps between its pieces): a line of its own. */
  row: boolean;
}

export function proseLines(items: Item[]): ProseLine[] {
  const out: ProseLine[] = [];
  for (const l of groupLines(items)) {
    const text = joinLine(l).trim();
    if (!text) continue;
    let left = Infinity,
      right = -Infinity,
      top = Infinity,
      bottom = -Infinity,
      size = 0;
    for (const it of l) {
      left = Math.min(left, it.x);
      right = Math.max(right, it.x + it.w);
      top = Math.min(top, it.y - it.size);
      bottom = Math.max(bottom, it.y);
      size = Math.max(size, it.size);
    }
    out.push({ text, left, right, top, bottom, size, row: hasWideGap(l) });
  }
  return out;
}

/** Lines in the top or bottom tenth of a page that are page numbers, or repeat on several pages. */
function dropRunning(pages: PageContent[]): void {
  const seen = new Map<string, number>();
  const band = (p: PageContent, l: ProseLine): boolean => l.bottom < p.height * 0.1 || l.top > p.height * 0.9;
  for (const p of pages) for (const l of p.lines) if (band(p, l)) seen.set(l.text, (seen.get(l.text) ?? 0) + 1);
  const repeated = (t: string): boolean => pages.length >= 3 && (seen.get(t) ?? 0) >= Math.max(3, pages.length / 2);
  for (const p of pages) p.lines = p.lines.filter((l) => !(band(p, l) && (isPageNumber(l.text) || repeated(l.text))));
}

type Block = { kind: 'line'; line: ProseLine; page: number } | { kind: 'table'; table: Table; page: number };

/** The document as text, and where each page starts in it. */
export function render(pages: PageContent[]): { text: string; pages: { page: number; start: number }[] } {
  dropRunning(pages);
  const out: string[] = [];
  const starts: { page: number; start: number }[] = [];
  let length = 0;
  let para = '';
  let prev: { line: ProseLine; page: number; left: number; right: number } | null = null;
  const flush = (): void => {
    if (para) {
      out.push(para);
      length += para.length + 1;
    }
    para = '';
  };
  const emit = (s: string): void => {
    flush();
    out.push(s);
    length += s.length + 1;
  };
  pages.forEach((p, pi) => {
    let left = Infinity;
    let right = -Infinity;
    for (const l of p.lines) {
      left = Math.min(left, l.left);
      right = Math.max(right, l.right);
    }
    const typical = typicalPitch(p.lines);
    const blocks: Block[] = [];
    for (const line of p.lines) blocks.push({ kind: 'line', line, page: pi });
    for (const table of p.tables) blocks.push({ kind: 'table', table, page: pi });
    blocks.sort((a, b) => top(a) - top(b));
    let started = false;
    const start = (offset: number): void => {
      if (!started) starts.push({ page: pi, start: offset });
      started = true;
    };
    for (const b of blocks) {
      if (b.kind === 'table') {
        flush();
        start(length);
        for (const row of b.table.rows) emit(`| ${row.join(' | ')} |`);
        prev = null;
        continue;
      }
      const l = b.line;
      const indent = l.left > left + l.size * 0.8;
      let cont = false;
      if (prev && para) {
        const samePage = prev.page === pi;
        const gap = samePage ? l.top - prev.line.bottom : 0;
        const full = prev.line.right >= prev.right - prev.line.size * 2;
        cont = full && !indent && gap < l.size * 1.2 && (!samePage || pitch(prev.line, l) <= typical * 1.25);
        if (NUMBERED.test(l.text) || l.row || prev.line.row) cont = false;
      }
      if (!cont) flush();
      start(length + para.length);
      para += l.text;
      prev = { line: l, page: pi, left, right };
    }
    start(length + para.length);
  });
  flush();
  const text = out.join('\n') + '\n';
  for (const s of starts) s.start = Math.min(s.start, text.length);
  return { text, pages: starts };
}

/** A line that opens with a heading's numbering: （一） (二) 一、 1. 1、 */
const NUMBERED = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d))/;

const pitch = (a: ProseLine, b: ProseLine): number => b.bottom - a.bottom;

/** The most common distance between consecutive baselines of a page (its line spacing). */
function typicalPitch(lines: ProseLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const d = Math.round(pitch(lines[i - 1]!, lines[i]!));
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = Infinity;
  let n = 0;
  for (const [d, c] of counts) if (c > n || (c === n && d < best)) ((best = d), (n = c));
  return best;
}

function top(b: Block): number {
  return b.kind === 'line' ? b.line.top : b.table.top;
}
