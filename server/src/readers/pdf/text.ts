/** A piece of text on a page, in page coordinates with y growing downwards. */
export interface Item {
  str: string;
  /** Left edge and width. */
  x: number;
  w: number;
  /** Baseline, and the centre of the glyphs (what decides the line and the cell). */
  y: number;
  cx: number;
  cy: number;
  size: number;
}

const LATIN = /[0-9A-Za-z.,%]$/;
const LATIN_START = /^[0-9A-Za-z.(%]/;

/** A gap this many font sizes wide inside a line separates cells (a table drawn without lines). */
export const WIDE_GAP = 1.5;

/**
 * One line's items joined: touching pieces run together; a gap becomes a space between Latin or
 * digits, and any wide gap becomes a space (the cells of a table drawn without lines stay apart).
 */
export function joinLine(items: Item[]): string {
  let s = '';
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x - end;
    if (s && (gap > it.size * WIDE_GAP || (gap > it.size * 0.3 && LATIN.test(s) && LATIN_START.test(it.str)))) s += ' ';
    s += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return s;
}

/** Whether a line has a wide gap between two of its pieces. */
export function hasWideGap(items: Item[]): boolean {
  let end = Infinity;
  for (const it of items) {
    if (it.x - end > it.size * WIDE_GAP) return true;
    end = Math.max(end === Infinity ? -Infinity : end, it.x + it.w);
  }
  return false;
}

/** A page number or running footer: `- 1 -`, `第 1 页`, `1/5`, `3`. */
export function isPageNumber(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return (
    /^[-—–_－]*\d{1,4}[-—–_－]*$/.test(t) || /^第\d{1,4}页(,?共\d{1,4}页)?$/.test(t) || /^\d{1,4}\/\d{1,4}$/.test(t)
  );
}
