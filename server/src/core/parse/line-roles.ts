/**
 * What a line's place in a table region says, once its tokens are read (tokenize.ts): a separated
 * line of words is a header, not a row; a row label without values whose row comes again with its
 * values is a header word; in one cell per line, empty lines after a row label may be its empty cells.
 */
import { compact } from '../text/normalize';
import { NUMERALS } from '../template/vocabulary';
import type { LabelEntry } from './labels';
import { token, type Token } from './tokenize';

/**
 * A row label with no value before the next label, whose row is written again further on with its
 * values, is a header word (a mid-table header of row keywords in one cell per line, or in
 * space-aligned columns: `项目`, `本年新收件数`, `上年结转件数`…): it yields no row.
 */
export function valuelessRepeats(tokens: Token[]): Token[] {
  const valued = new Set<LabelEntry>();
  const labelled: { i: number; values: boolean }[] = [];
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label') {
      open = -1;
      if (valuedRow(t)) {
        open = labelled.length;
        labelled.push({ i, values: false });
      }
    } else if ((t.kind === 'num' || t.kind === 'na') && open >= 0) labelled[open]!.values = true;
  }
  const drop = new Set<number>();
  for (const l of labelled) if (l.values) valued.add(tokens[l.i]!.hit!.entry);
  for (const l of labelled) if (!l.values && valued.has(tokens[l.i]!.hit!.entry)) drop.add(l.i);
  return drop.size ? tokens.filter((_, i) => !drop.has(i)) : tokens;
}

/** The lines of a tokenized range, by line number (two arrays: no object per line). `kind`:
 *  LINE_EMPTY, LINE_SKIPPED (a page number or a Markdown separator line) or LINE_CONTENT. */
export interface LineInfo {
  start: number[];
  kind: number[];
}
export const LINE_EMPTY = 0;
export const LINE_SKIPPED = 1;
export const LINE_CONTENT = 2;

/** A cell's kind for telling a header line: a row label with values (or numbered words that look
 *  like one), a group label only, or other words (header words, `类别`, `数据1`). */
type CellKind = 'row' | 'group' | 'words';

const NUMBERED_WORDS = new RegExp(`^(?:\\(?[${NUMERALS}]{1,2}[)、.]|\\d{1,2}[.、])\\p{Script=Han}{2}`, 'u');

function valuedRow(t: Token): boolean {
  const rows = t.hit?.entry.rows;
  return !!rows && ((rows['2021']?.def.values ?? 0) > 0 || (rows['2019']?.def.values ?? 0) > 0);
}

/**
 * A separated line with no value and words in two cells or more is a header, not a row, when its
 * first cell is not a row label (`| 类别 | 数据1 | … | 总计 |`, `| 项目 | 本年新收件数 | … |`) or
 * when row labels stand in two cells or more (`| 本年新收 | 上年结转 |`). A row label followed by
 * group labels or words is a row (`| （三）不予公开 | 1.属于国家秘密 |  |`, `| （一）予以公开 | abc |`).
 */
export function headerLine(tokens: Token[], starts: readonly number[], count: number): boolean {
  let cells = 0;
  let rows = 0;
  let first: CellKind | null = null;
  for (let c = 0; c < count; c++) {
    const end = c + 1 < count ? starts[c + 1]! : tokens.length;
    let kind: CellKind | null = null;
    for (let i = starts[c]!; i < end; i++) {
      const t = tokens[i]!;
      if (t.kind === 'num' || t.kind === 'na') return false;
      if (t.kind === 'blank') continue;
      if (valuedRow(t) || (t.kind === 'text' && NUMBERED_WORDS.test(compact(t.text).text))) kind = 'row';
      else if (t.kind === 'label' && t.hit!.entry.kind === 'row') kind = kind === 'row' ? kind : 'group';
      else kind ??= 'words';
    }
    if (!kind) continue;
    cells++;
    if (kind === 'row') rows++;
    first ??= kind;
  }
  return cells >= 2 && (first === 'words' || rows >= 2);
}

/** A header line keeps its header words and captions (they end the row before them and tell the
 *  format); its row labels and other words are no row and no value. */
export function dropHeaderWords(tokens: Token[], first: number): void {
  let w = first;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label' && t.hit!.entry.kind !== 'row') tokens[w++] = t;
  }
  tokens.length = w;
}

/** The widths a row label's row may have (either format), none for other tokens. */
function rowWidths(t: Token): number[] {
  const rows = t.kind === 'label' ? t.hit!.entry.rows : undefined;
  const out: number[] = [];
  for (const f of ['2021', '2019'] as const) {
    const n = rows?.[f]?.def.values ?? 0;
    if (n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * One cell per line: the empty lines after a row label are its empty cells where they make its
 * width exactly (`label`, six empty lines, `5`: 5 is its 总计; seven empty lines: a row of blanks),
 * counting the lines up to its last value, and after it as many as the row lacks (one more may
 * separate it from the next row). Where the row has its values, or the lines do not add up (a
 * blank line after every cell, a page break), empty lines are only separators.
 */
export function emptyLineCells(tokens: Token[], lines: LineInfo, headerRow = 0): Token[] {
  // Double spaced (an empty line after most lines): empty lines separate cells, none is a cell.
  let content = 0;
  let spaced = 0;
  const count = lines.start.length;
  for (let i = 0; i + 1 < count; i++) {
    if (lines.kind[i] !== LINE_CONTENT) continue;
    content++;
    if (lines.kind[i + 1] === LINE_EMPTY) spaced++;
  }
  if (spaced * 2 > content) return tokens;
  const onLine: Token[][] = Array.from({ length: count }, () => []);
  for (const t of tokens) onLine[t.line]?.push(t);
  const gaps: Token[] = [];
  // A row without a label of its own (table 四): its values follow the last header word.
  const firstValue = tokens.findIndex((t) => t.kind === 'num' || t.kind === 'na');
  let anchor: Token | undefined;
  if (headerRow && firstValue > 0)
    for (let i = firstValue - 1; i >= 0 && !anchor; i--) if (tokens[i]!.kind === 'label') anchor = tokens[i];
  for (const t of tokens) {
    const widths = t === anchor ? [headerRow] : rowWidths(t);
    const own = onLine[t.line]!;
    if (!widths.length || own[own.length - 1] !== t) continue;
    // The lines after the label: a value alone on its line ('v') or empty ('e'), up to anything else.
    const seq: number[] = [];
    let values = 0;
    let lastValue = -1;
    let broken = false;
    for (let ln = t.line + 1; ln < count; ln++) {
      const kind = lines.kind[ln];
      if (kind === LINE_SKIPPED) {
        broken = true;
        break;
      }
      const ts = onLine[ln]!;
      // The rest of a label broken over lines (words only, right after it) is not a cell.
      if (kind === LINE_CONTENT && !seq.length && ts.length && ts.every((x) => x.kind === 'text')) continue;
      if (kind === LINE_CONTENT && !(ts.length === 1 && (ts[0]!.kind === 'num' || ts[0]!.kind === 'na'))) break;
      seq.push(ln);
      if (kind === LINE_CONTENT) {
        values++;
        lastValue = seq.length - 1;
      }
    }
    const empties = seq.length - values;
    if (broken || !empties) continue;
    for (const n of widths) {
      if (values >= n) continue;
      // The lines up to the last value make the width, or with the empty lines after it (and one more).
      const upTo = lastValue + 1;
      if (upTo !== n && !(upTo < n && (seq.length === n || seq.length === n + 1))) continue;
      for (let i = 0; i < n; i++) {
        const ln = seq[i]!;
        if (lines.kind[ln] === LINE_EMPTY) {
          const at = lines.start[ln]!;
          gaps.push(token('blank', at, at, '', ln, undefined, true, undefined, true));
        }
      }
      break;
    }
  }
  if (!gaps.length) return tokens;
  const out: Token[] = [];
  let g = 0;
  for (const t of tokens) {
    while (g < gaps.length && gaps[g]!.start <= t.start) out.push(gaps[g++]!);
    out.push(t);
  }
  while (g < gaps.length) out.push(gaps[g++]!);
  return out;
}
