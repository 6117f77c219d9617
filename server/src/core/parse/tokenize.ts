/**
 * Reading a table region as a stream of tokens, whatever the layout: pipe rows, tab rows,
 * space-aligned PDF columns, one cell per line (with `|` lines), or everything on one line with the
 * digits run together. Labels are found inside cells (labels.ts); what is left between them is cut
 * into number, blank, not-applicable and text tokens.
 */
import { own } from '../text/own';
import { compact } from '../text/normalize';
import { exact } from './split';
import { forEachLine, lineEndAt, lineStartAt } from '../text/lines';
import type { LabelHit, LabelMatcher } from './labels';
import {
  dropHeaderWords,
  emptyLineCells,
  headerLine,
  valuelessRepeats,
  LINE_CONTENT,
  LINE_EMPTY,
  LINE_SKIPPED,
  type LineInfo,
} from './line-roles';
import type { Layout } from '../model';
import type { Slot } from './tables/cells';
import { MONEY_UNITS, NOT_APPLICABLE, PAGE_WORDS, UNITS } from '../template/vocabulary';
import { anyOf, escapeRegExp } from '../text/pattern';

export type TokenKind = 'label' | 'num' | 'blank' | 'na' | 'text';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Text as written (analysis text). */
  text: string;
  /** For 'num': the parsed value, or NaN when the digits must be split (`000023`, `35-15`) or
   *  cannot be read exactly (`large`). */
  value?: number;
  /** For 'num': a unit written after the number (`万`, `万元`, `元`, `件`…); `text` is without it. */
  unit?: string;
  /** For 'num' with leading zeros (`007`): the value they write, taken where the cell is known to
   *  hold one value (a separated cell in a row of as many cells as columns). */
  padded?: number;
  /** For 'num': more digits than a double holds exactly (past 2^53): never a value. */
  large?: true;
  /** The token is the whole content of a separated cell (pipe or tab field): one value, or an
   *  invalid one. */
  cell?: true;
  /** For 'blank': an empty line that stands for a cell (one cell per line, line-roles.ts). */
  emptyLine?: true;
  hit?: LabelHit;
  /** Index of the source line (0-based within the region). */
  line: number;
}

/**
 * Every token is made here, with every field in one order: the code that reads tokens (the table
 * readers, line roles) then meets one shape of object, not the nine that literals of the kinds made
 * (a property read that meets more than four shapes is looked up in a global cache each time).
 */
export function token(
  kind: TokenKind,
  start: number,
  end: number,
  text: string,
  line: number,
  value?: number,
  cell?: true,
  hit?: LabelHit,
  emptyLine?: true,
): Token {
  return {
    kind,
    start,
    end,
    text,
    line,
    value,
    unit: undefined,
    padded: undefined,
    large: undefined,
    cell,
    emptyLine,
    hit,
  };
}

// Every pattern here runs in linear time (test/unit/regex.test.ts): no two quantifiers may compete
// for the same characters. `Page 3 …` is `Page\s+\d.*\s*$`, written so that `.*` and `\s*` do not
// share the spaces (a line break may only be followed by whitespace).
// The words (`第 3 页`, units, `无`) are the template's (template/vocabulary.ts).
const NTH = escapeRegExp(PAGE_WORDS.nth);
const PAGE = escapeRegExp(PAGE_WORDS.page);
const OF = escapeRegExp(PAGE_WORDS.of);
export const PAGE_NUMBER = new RegExp(
  `^\\s*(?:(?:[-—–]\\s*\\d{1,3}\\s*[-—–]|` +
    `${NTH}\\s*\\d+\\s*${PAGE}(?:\\s*${OF}\\s*\\d+\\s*${PAGE})?|P\\.\\s*\\d+)\\s*|` +
    `Page\\s+\\d[^\\n\\r\\u2028\\u2029]*(?:[\\n\\r\\u2028\\u2029]\\s*)?)$`,
  'i',
);
const MD_CELL = /^:?-{2,}:?$/;
const NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const UNIT = new RegExp(`(?:${anyOf(UNITS)})$`);
const NA = new RegExp(`^(?:${anyOf(NOT_APPLICABLE)})$`);
/** A word cut at the boundaries of its numbers (a number may carry a unit of money). */
const NUMBER_OR_WORD = new RegExp(`[-−]?\\d[\\d.,]*(?:[-−]\\d[\\d.]*)*(?:${anyOf(MONEY_UNITS)})?|[^\\d-−]+|[-−]`, 'g');

const isMinus = (c: number) => c === 45 || c === 0x2212;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A chunk of digits with separators, what `^[-−]?[\d.,]*\d(?:[-−]?[\d.]+)*$` accepts, in one pass
 * (that pattern backtracked exponentially: minutes on 39 digits). An optional sign; then digits,
 * dots and commas with a digit after the last comma; then any number of `-`/`−`, each followed by
 * a digit or a dot, and no more commas.
 */
export function isNumericChunk(s: string): boolean {
  let i = s.length > 0 && isMinus(s.charCodeAt(0)) ? 1 : 0;
  let digitAfterComma = false;
  let signs = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digitAfterComma = true;
    else if (c === 44) {
      if (signs) return false;
      digitAfterComma = false;
    } else if (isMinus(c)) {
      const next = s.charCodeAt(i + 1);
      if (!digitAfterComma || !(isDigit(next) || next === 46)) return false;
      signs = true;
    } else if (c !== 46) return false;
  }
  return digitAfterComma;
}

/**
 * A Markdown table's separator line (`|---|:--:|`), what `^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`
 * accepts (that pattern was quadratic on runs of spaces): cells of `:?-{2,}:?` between pipes, an
 * optional pipe at each end, whitespace around.
 */
export function isMarkdownSeparator(line: string): boolean {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|')) s = s.slice(0, -1);
  for (const cell of s.split('|')) if (!MD_CELL.test(cell.trim())) return false;
  return true;
}

export interface StreamResult {
  tokens: Token[];
  layout: Layout;
  /** The slots of the table last read from these tokens (tables/stream.ts `keepSlots`). */
  slots?: readonly Slot[];
}

interface RawCell {
  start: number;
  end: number;
  /** An explicit empty field (pipe or tab layout). */
  explicit: boolean;
}

/** Tokens of text[start, end). */
/** `headerRow`: the width of a row that has no label and follows the last header word (table 四). */
export function tokenize(text: string, start: number, end: number, matcher: LabelMatcher, headerRow = 0): StreamResult {
  const tokens: Token[] = [];
  const votes: Votes = { counts: [0, 0, 0, 0], order: [] };
  // A lone `|` line is an empty cell where cells end in ` |` (one cell per line); where cells
  // carry no pipe at all, `|` lines are only separators between them.
  const lonePipeIsCell = hasContentWithPipe(text, start, end);
  const lines: LineInfo = { start: [], kind: [] };
  let lineNo = 0;
  // Lines are read in place, by offsets into the text: no copy of each line (charCodeAt on a slice
  // of the text goes through the slice to the text on every call).
  forEachLine(text, start, end, (pos, nl) => {
    const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.start.push(pos);
    if (blank(text, pos, lineEnd)) lines.kind.push(LINE_EMPTY);
    else if (
      (mayBePageNumber(text, pos, lineEnd) && PAGE_NUMBER.test(text.slice(pos, lineEnd))) ||
      (mayBeSeparator(text, pos, lineEnd) && isMarkdownSeparator(text.slice(pos, lineEnd)))
    )
      lines.kind.push(LINE_SKIPPED);
    else {
      lines.kind.push(LINE_CONTENT);
      const mode = splitLine(text, pos, lineEnd, lonePipeIsCell);
      if (!votes.counts[mode]++) votes.order.push(mode);
      const first = tokens.length;
      // Where each cell's tokens start, for the header-line test of separated cells.
      const separated = mode === PIPE || mode === TAB;
      for (let k = 0; k < cellCount; k++) {
        if (separated) CELL_STARTS[k] = tokens.length;
        cellTokens(text, CELLS_OF_LINE[k]!, matcher, lineNo, tokens);
      }
      if (separated && headerLine(tokens, CELL_STARTS, cellCount)) dropHeaderWords(tokens, first);
    }
    lineNo++;
  });
  const layout = layoutOf(votes, tokens);
  const kept = valuelessRepeats(tokens);
  // One cell per line (no `|` lines): empty lines may be the row's empty cells.
  if (layout === 'cell-per-line' && !votes.counts[PIPE])
    return { tokens: emptyLineCells(kept, lines, headerRow), layout };
  return { tokens: kept, layout };
}

/** Where each cell of the line being read starts among the tokens: the first `cellCount` (reused
 *  from line to line, never shortened). */
const CELL_STARTS: number[] = [];

/** How `splitLine` read a line. */
const PIPE = 0;
const TAB = 1;
const SINGLE = 2;
const SPACE = 3;
type Mode = typeof PIPE | typeof TAB | typeof SINGLE | typeof SPACE;
const MODE_LAYOUT: readonly string[] = ['pipe', 'tab', 'single', 'space'];

/** The lines of each mode, and the modes in the order they first came (the first of the most
 *  lines wins a tie). */
interface Votes {
  counts: [number, number, number, number];
  order: Mode[];
}

/** Whether text[s, e) may be a Markdown separator line: only pipes, colons, dashes and whitespace,
 *  with `--` among them (most lines are told by their first letter). */
function mayBeSeparator(text: string, s: number, e: number): boolean {
  let dashes = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dashes ||= i > s && text.charCodeAt(i - 1) === 45;
    else if (c !== 124 && c !== 58 && !isJsSpace(c)) return false;
  }
  return dashes;
}

const NTH_CODE = PAGE_WORDS.nth.charCodeAt(0);

/** Whether PAGE_NUMBER may match: the line's first character that is not whitespace (as `\s`
 *  reads it) may start one (a dash, 第, `P`/`p`). Most lines of a table are not asked the pattern. */
function mayBePageNumber(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2014 || c === 0x2013 || c === NTH_CODE || c === 80 || c === 112) return true;
    if (!isJsSpace(c)) return false;
  }
  return false;
}

/** What `\s` matches, by code unit (asked of a line's first letters: no one-letter string each). */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function blank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isWs(text.charCodeAt(i))) return false;
  return true;
}

function hasContentWithPipe(text: string, start: number, end: number): boolean {
  for (let p = text.indexOf('|', start); p >= 0 && p < end; p = text.indexOf('|', p + 1)) {
    const ls = lineStartAt(text, p);
    const le = Math.min(lineEndAt(text, p), end);
    if (/[^|\s]/.test(text.slice(Math.max(ls, start), le))) return true;
    p = le;
  }
  return false;
}

function layoutOf(votes: Votes, tokens: Token[]): Layout {
  let best: string = 'unknown';
  let n = 0;
  for (const mode of votes.order) if (votes.counts[mode] > n) [best, n] = [MODE_LAYOUT[mode]!, votes.counts[mode]];
  if (best === 'single') {
    let lines = 0;
    for (let i = 0; i < tokens.length && lines <= 2; i++) if (!i || tokens[i]!.line !== tokens[i - 1]!.line) lines++;
    return lines <= 2 || tokens.some((t) => t.kind === 'num' && Number.isNaN(t.value))
      ? 'run-together'
      : 'cell-per-line';
  }
  if (best === 'pipe') {
    // One cell per line with a trailing `|`: most lines hold one cell. (Tokens come line by line.)
    let lines = 0;
    let single = 0;
    for (let i = 0; i < tokens.length;) {
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.line === tokens[i]!.line) j++;
      lines++;
      if (j - i === 1) single++;
      i = j;
    }
    return single > lines * 0.7 ? 'cell-per-line' : 'pipe';
  }
  return best as Layout;
}

function isWs(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x200b ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

/** Splits the line text[from, to) into its cells (CELLS_OF_LINE) and says how it is laid out. */
function splitLine(text: string, from: number, to: number, lonePipeIsCell: boolean): Mode {
  cellCount = 0;
  // Trim spaces but not tabs: a trailing tab ends an empty field.
  let s = from;
  let e = to;
  while (s < e && text.charCodeAt(s) !== 9 && isWs(text.charCodeAt(s))) s++;
  while (e > s && text.charCodeAt(e - 1) !== 9 && isWs(text.charCodeAt(e - 1))) e--;
  // One pass: a pipe, a tab, anything but pipes (what follows the trimmed line is spaces).
  let pipe = false;
  let tab = false;
  let other = false;
  for (let i = s; i < e && !(pipe && other); i++) {
    const c = text.charCodeAt(i);
    if (c === 124) pipe = true;
    else {
      other = true;
      if (c === 9) tab = true;
    }
  }
  if (pipe) {
    if (!other) {
      // A lone `|` is an empty cell in one-cell-per-line copies; `||`, `|||` are padding.
      if (e - s === 1 && lonePipeIsCell) addCell(s, s, true);
      return PIPE;
    }
    if (text.charCodeAt(s) === 124) s++;
    if (e > s && text.charCodeAt(e - 1) === 124) e--;
    let cs = s;
    for (let i = s; i <= e; i++) {
      if (i === e || text.charCodeAt(i) === 124) {
        trimCell(text, cs, i);
        cs = i + 1;
      }
    }
    return PIPE;
  }
  if (tab) {
    let cs = s;
    let seenContent = false;
    for (let i = s; i <= e; i++) {
      if (i === e || text.charCodeAt(i) === 9) {
        const c = trimCell(text, cs, i);
        if (c.end > c.start) seenContent = true;
        // Leading empty fields are indentation under a group cell, not blank values.
        if (!seenContent) cellCount--;
        cs = i + 1;
      }
    }
    return TAB;
  }
  // Space-separated words; neighbouring words that are not numbers are merged into one label.
  let i = s;
  while (i < e) {
    while (i < e && isWs(text.charCodeAt(i))) i++;
    if (i >= e) break;
    const ws = i;
    while (i < e && !isWs(text.charCodeAt(i))) i++;
    addCell(ws, i, false);
  }
  if (cellCount <= 1) return SINGLE;
  mergeText(text);
  return SPACE;
}

/**
 * The cells of the line `splitLine` split last: CELLS_OF_LINE[0, cellCount). The objects are
 * reused from line to line (tokenize reads a line's cells before it splits the next): a table's
 * lines make no garbage of their cells.
 */
const CELLS_OF_LINE: RawCell[] = [];
let cellCount = 0;

function addCell(start: number, end: number, explicit: boolean): RawCell {
  let c = CELLS_OF_LINE[cellCount];
  if (c) {
    c.start = start;
    c.end = end;
    c.explicit = explicit;
  } else CELLS_OF_LINE.push((c = { start, end, explicit }));
  cellCount++;
  return c;
}

/** In space-separated lines, neighbouring words that are not numbers belong to one label: the
 *  line's cells merged in place. */
function mergeText(text: string): void {
  // A chunk begins with a digit, a sign, `.` or `,` (a unit only ends one): any other first letter
  // (most words) is told without a copy of the word.
  const isNum = (c: RawCell) => {
    const first = text.charCodeAt(c.start);
    if (!isDigit(first) && !isMinus(first) && first !== 44 && first !== 46) return false;
    return isNumericChunk(text.slice(c.start, c.end).replace(UNIT, ''));
  };
  // Whether the last cell kept is a number, known once (a merged label grows word by word).
  let prevNum = false;
  let kept = 0;
  for (let k = 0; k < cellCount; k++) {
    const c = CELLS_OF_LINE[k]!;
    const num = isNum(c);
    if (kept && !prevNum && !num) CELLS_OF_LINE[kept - 1]!.end = c.end;
    else {
      const to = CELLS_OF_LINE[kept++]!;
      to.start = c.start;
      to.end = c.end;
      to.explicit = c.explicit;
      prevNum = num;
    }
  }
  cellCount = kept;
}

/** A separated cell, its spaces trimmed, added to the line's cells. */
function trimCell(text: string, s: number, e: number): RawCell {
  while (s < e && isWs(text.charCodeAt(s))) s++;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  return addCell(s, e, true);
}

/**
 * The tokens of a cell holding words, by matcher, by the cell's text (explicit cells keyed apart):
 * offsets from the cell's start, line 0. A cell's tokens depend on its text alone, and the labels
 * of the template repeat from row to row and report to report: a label is scanned once.
 */
const CELLS = new WeakMap<LabelMatcher, [Map<string, readonly Token[]>, Map<string, readonly Token[]>]>();
const CELLS_MAX = 20_000;
/** Longer cells (prose pasted into a table) are not kept. */
const CELL_KEY_MAX = 120;

function cellTokens(text: string, cell: RawCell, matcher: LabelMatcher, line: number, out: Token[]): void {
  if (cell.end === cell.start) {
    if (cell.explicit) out.push(token('blank', cell.start, cell.end, '', line, undefined, true));
    return;
  }
  const raw = text.slice(cell.start, cell.end);
  if (plainCount(raw)) {
    // What valueToken makes of it, made directly (most cells of a table are such counts).
    const start = cell.start;
    const end = cell.end;
    const value = Number(raw);
    out.push(token('num', start, end, raw, line, value, cell.explicit ? true : undefined));
    return;
  }
  if (isValueText(raw)) {
    const t = valueToken(raw, cell.start, cell.end, line);
    if (cell.explicit) t.cell = true;
    out.push(t);
    return;
  }
  if (raw.length > CELL_KEY_MAX) return wordTokens(text, cell, raw, matcher, line, out);
  let caches = CELLS.get(matcher);
  if (!caches) CELLS.set(matcher, (caches = [new Map(), new Map()]));
  const cache = caches[cell.explicit ? 1 : 0];
  let kept = cache.get(raw);
  if (!kept) {
    const first = out.length;
    wordTokens(text, cell, raw, matcher, 0, out);
    // Kept with strings of their own: a slice would keep the whole text it was cut from alive.
    kept = out.slice(first).map((t) => {
      const m = moved(t, -cell.start, 0);
      m.text = own(m.text);
      return m;
    });
    if (cache.size >= CELLS_MAX) cache.clear();
    cache.set(own(raw), kept);
    // The tokens just made are the cell's own.
    for (let i = first; i < out.length; i++) out[i]!.line = line;
    return;
  }
  for (const t of kept) out.push(moved(t, cell.start, line));
}

/** A copy of a token (and of its label hit) moved by `by`, on line `line`. */
function moved(t: Token, by: number, line: number): Token {
  const c = token(
    t.kind,
    t.start + by,
    t.end + by,
    t.text,
    line,
    t.value,
    t.cell,
    t.hit && movedHit(t.hit, by),
    t.emptyLine,
  );
  c.unit = t.unit;
  c.padded = t.padded;
  c.large = t.large;
  return c;
}

function movedHit(h: LabelHit, by: number): LabelHit {
  return {
    entry: h.entry,
    start: h.start + by,
    end: h.end + by,
    labelStart: h.labelStart + by,
    numbering: h.numbering,
    full: h.full,
  };
}

/** The tokens of a cell that is not one value: labels, numbers and words. */
function wordTokens(text: string, cell: RawCell, raw: string, matcher: LabelMatcher, line: number, out: Token[]): void {
  const c = compact(text, cell.start, cell.end);
  const hits = matcher.scan(text, cell.start, cell.end, c);
  const first = out.length;
  let p = cell.start;
  for (const h of hits) {
    if (h.labelStart > p) residual(text, p, h.labelStart, line, out, p > cell.start);
    out.push(token('label', h.labelStart, h.end, text.slice(h.labelStart, h.end), line, undefined, undefined, h));
    p = h.end;
  }
  if (p < cell.end) residual(text, p, cell.end, line, out, p > cell.start);
  // A separated cell holding no label and words that are not Chinese (`abc`, `NaN`, `½`, `①`, `٣`,
  // `12a`) or only words (`三`): one text token for the whole cell, which a row takes as an invalid
  // value in its column. Chinese words next to a number (`2024年`, `约12`) are left as they are.
  if (cell.explicit && !hits.length && out.length > first) {
    let words = 0;
    let han = false;
    let nums = 0;
    for (let i = first; i < out.length; i++) {
      const t = out[i]!;
      if (t.kind === 'text') {
        words++;
        if (HAN.test(t.text)) han = true;
      } else if (t.kind === 'num') nums++;
    }
    if (words && (!nums || !han)) {
      out.length = first;
      out.push(token('text', cell.start, cell.end, raw, line, undefined, true));
    }
  }
}

const HAN = /\p{Script=Han}/u;

/** 1 to 15 ASCII digits, no leading zero but `0` itself: a count read exactly as it is written. */
function plainCount(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15 || (n > 1 && s.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The code units a value's text may start with: a digit, a sign, a separator (isNumericChunk), or
 *  the first letter of a word of NOT_APPLICABLE. */
const VALUE_FIRST = (() => {
  const m = new Uint8Array(65536);
  for (const ch of '0123456789-\u2212.,') m[ch.charCodeAt(0)] = 1;
  for (const w of NOT_APPLICABLE) m[w.charCodeAt(0)] = 1;
  return m;
})();

function isValueText(raw: string): boolean {
  const s = raw.trim();
  // Most cells that are not plain counts are labels: told apart by their first letter.
  if (!VALUE_FIRST[s.charCodeAt(0)]) return false;
  return NA.test(s) || isNumericChunk(s.replace(UNIT, ''));
}

function valueToken(raw: string, start: number, end: number, line: number): Token {
  const s = raw.trim();
  if (NA.test(s)) return token('na', start, end, s, line);
  const unit = UNIT.exec(s)?.[0] ?? '';
  const body = s.slice(0, s.length - unit.length).replace('−', '-');
  const t = token('num', start, end, body, line, NaN);
  if (unit) t.unit = unit;
  if (!NUMBER.test(body)) return t;
  const digits = body.replace(/,/g, '');
  if (!exact(digits)) t.large = true;
  else if (/^-?0\d/.test(body)) t.padded = Number(digits);
  else t.value = Number(digits);
  return t;
}

/** A number glued to the letter before it (`数据1`, `指2019年`, `如-8`): a word, not a value. */
function gluedNumber(word: string): boolean {
  const re = NUMBER_OR_WORD;
  re.lastIndex = 0;
  for (let m = re.exec(word); m; m = re.exec(word))
    if (m.index > 0 && /\d/.test(m[0]) && LETTER.test(word[m.index - 1]!)) return true;
  return false;
}

const LETTER = /\p{L}/u;

/**
 * Text between labels inside a cell: numbers split on whitespace, words kept as text. A word that
 * glues a number to the letters before it is a word; only digits glued to a label (`afterLabel`: the
 * text starts where a label ends, as in run-together copies) are cut from it.
 */
function residual(text: string, s: number, e: number, line: number, out: Token[], afterLabel = false): void {
  let i = s;
  let textStart = -1;
  let textEnd = -1;
  const flushText = () => {
    if (textStart >= 0) {
      const t = text.slice(textStart, textEnd);
      if (/[\p{L}\p{N}]/u.test(t)) out.push(token('text', textStart, textEnd, t, line));
      textStart = -1;
    }
  };
  while (i < e) {
    while (i < e && /\s/.test(text[i]!)) i++;
    if (i >= e) break;
    const ws = i;
    while (i < e && !/\s/.test(text[i]!)) i++;
    const word = text.slice(ws, i);
    if (!(afterLabel && ws === s) && gluedNumber(word)) {
      if (textStart < 0) textStart = ws;
      textEnd = i;
      continue;
    }
    // A word may mix text and digits (`情况2293`): cut it at the boundaries.
    const re = NUMBER_OR_WORD;
    re.lastIndex = 0;
    for (let m = re.exec(word); m; m = re.exec(word)) {
      const a = ws + m.index;
      const b = a + m[0].length;
      const after = word[m.index + m[0].length];
      const isNumbering =
        /^\d{1,2}[.、]?$/.test(m[0]) &&
        (m[0].endsWith('.') || after === '、') &&
        /^[^\d\s]/.test(word.slice(m.index + m[0].length).replace(/^、/, ''));
      if (!isNumbering && /\d/.test(m[0]) && isValueText(m[0].replace(/,$/, ''))) {
        flushText();
        const tok = m[0].replace(/[.,]$/, '');
        out.push(valueToken(tok, a, a + tok.length, line));
      } else if (NA.test(m[0]) && word.length === m[0].length) {
        flushText();
        out.push(valueToken(m[0], a, b, line));
      } else {
        if (textStart < 0) textStart = a;
        textEnd = b;
      }
    }
  }
  flushText();
}
