/**
 * word/document.xml → lines of text: each paragraph one line (a line break inside it starts a new
 * line), its automatic list number written before it; each table row one line `| a | b | … |`, one
 * cell per w:tc (a cell spanning columns, w:gridSpan, is written once; a cell continuing a vertical
 * merge, w:vMerge, is left out, as a browser copy of a table gives them), blank cells empty. A table
 * inside a cell is read into that cell. Deleted text, field instructions and the fallback copy of
 * alternate content are skipped.
 */
import type { Numbering } from './numbering';
import { forEachElement } from './xml';

/** Paragraph properties a style gives (numbering), by style id. */
export interface StyleNumbering {
  get(styleId: string): { numId: string; ilvl: number } | undefined;
}

interface Para {
  text: string;
  numId: string | null;
  ilvl: number;
  styleId: string | null;
}

interface CellState {
  parts: string[];
  continued: boolean;
}

/** Word separates cell paragraphs visually; in one cell they are one value or one label. */
function joinParts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (p === '') continue;
    out += out !== '' && /[0-9A-Za-z]$/.test(out) && /^[0-9A-Za-z]/.test(p) ? ' ' + p : p;
  }
  return out;
}

/** Elements whose content is not shown text: deleted runs, field instructions, the fallback copy of
 *  alternate content, the properties before a tracked change, the phonetic guide over characters (w:rt). */
const SKIPPED = new Set(['del', 'delText', 'instrText', 'Fallback', 'pPrChange', 'rPrChange', 'moveFrom', 'rt']);

/** A table row as one line, `| a | b |`; null when every cell continues a merge from above. */
function rowLine(cells: CellState[]): string | null {
  const kept = cells.filter((c) => !c.continued).map((c) => joinParts(c.parts).replace(/\|/g, '¦'));
  return kept.length > 0 ? `| ${kept.join(' | ')} |` : null;
}

const clean = (s: string): string => s.replace(/[\t\u00a0\u3000 ]+/g, ' ').trim();

export function documentLines(xml: string, numbering: Numbering, styles: StyleNumbering): string[] {
  const lines: string[] = [];
  const paras: Para[] = [];
  let rows: (string | null)[] = [];
  let cells: CellState[] = [];
  let tableDepth = 0;
  /** Depth inside elements whose text is not shown (deleted text, field code, fallback, pPr/rPr). */
  let skip = 0;
  let inText = false;
  /** The current run is hidden text (w:vanish in its properties). */
  let hidden = false;

  const para = (): Para | undefined => paras[paras.length - 1];
  const closeParagraph = (p: Para): void => {
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === null && p.styleId !== null) {
      const s = styles.get(p.styleId);
      if (s) {
        numId = s.numId;
        if (ilvl < 0) ilvl = s.ilvl;
      }
    }
    const label = numId !== null && numId !== '0' ? numbering.next(numId, Math.max(0, ilvl)) : '';
    const text = label + p.text;
    const cell = tableDepth > 0 ? cells[cells.length - 1] : undefined;
    if (cell) {
      cell.parts.push(clean(text.replace(/\n/g, '')));
      return;
    }
    for (const l of text.split('\n')) {
      const c = clean(l);
      if (c !== '') lines.push(c);
    }
  };

  forEachElement(
    xml,
    (name, attrs, open) => {
      if (SKIPPED.has(name)) {
        skip += open ? 1 : -1;
        return;
      }
      if (skip > 0) return;
      const p = para();
      switch (name) {
        case 'p':
          if (open) paras.push({ text: '', numId: null, ilvl: -1, styleId: null });
          else {
            const done = paras.pop();
            if (done) closeParagraph(done);
          }
          return;
        case 't':
          inText = open;
          return;
        case 'r':
          if (open) hidden = false;
          return;
        case 'vanish':
          if (open) hidden = attrs['val'] !== '0' && attrs['val'] !== 'false';
          return;
        case 'tab':
          // w:tab inside w:tabs (paragraph properties) is a tab stop, not a tab.
          if (open && p && !attrs['pos']) p.text += '\t';
          return;
        case 'br':
        case 'cr':
          if (open && p) p.text += '\n';
          return;
        case 'noBreakHyphen':
          if (open && p) p.text += '-';
          return;
        case 'pStyle':
          if (open && p) p.styleId = attrs['val'] ?? null;
          return;
        case 'numId':
          if (open && p) p.numId = attrs['val'] ?? null;
          return;
        case 'ilvl':
          if (open && p) p.ilvl = Number(attrs['val'] ?? 0) || 0;
          return;
        case 'tbl':
          tableDepth += open ? 1 : -1;
          if (open && tableDepth === 1) rows = [];
          if (!open && tableDepth === 0) {
            for (const r of rows) if (r !== null) lines.push(r);
            rows = [];
          }
          return;
        case 'tr':
          if (tableDepth !== 1) return;
          if (open) cells = [];
          else {
            rows.push(rowLine(cells));
            cells = [];
          }
          return;
        case 'tc':
          if (tableDepth === 1 && open) cells.push({ parts: [], continued: false });
          return;
        case 'vMerge':
          if (open && tableDepth === 1 && cells.length > 0 && attrs['val'] !== 'restart') {
            cells[cells.length - 1]!.continued = true;
          }
          return;
        default:
          return;
      }
    },
    (text) => {
      if (inText && skip === 0 && !hidden) {
        const p = para();
        if (p) p.text += text;
      }
    },
  );
  // A part cut short: close what is still open, so that nothing read is lost.
  while (paras.length > 0) closeParagraph(paras.pop()!);
  if (tableDepth > 0 && cells.length > 0) rows.push(rowLine(cells));
  for (const r of rows) if (r !== null) lines.push(r);
  return lines;
}
