/**
 * Text normalization before matching.
 *
 * Two levels:
 * 1. `analysisText(text)`: a string of exactly the same length as the input, so that every offset
 *    found in it is an offset in the user's document. Traditional characters become Simplified
 *    (OpenCC's character table, only where one UTF-16 unit maps to one), full-width ASCII forms
 *    become half-width, U+3000 becomes a space, a lone CR becomes LF, and pinyin annotations left
 *    by converters (`號(hào)`) are blanked out with spaces.
 * 2. `compact(text, start, end)`: the key used to match labels: no whitespace, no quotes,
 *    `（一）`→`(一)`, `1、`→`1.`; with a map from each key character back to its offset.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { NUMERALS, TRADITIONAL_MARKERS as MARKER_CHARS } from '../template/vocabulary';

/** Characters frequent in reports that exist only in Traditional script (template/vocabulary.ts). */
const TRADITIONAL_MARKERS = new Uint8Array(65536);
for (const ch of MARKER_CHARS) TRADITIONAL_MARKERS[ch.charCodeAt(0)] = 1;

/** Full-width ASCII forms → half-width, U+3000 → space (one code unit each). */
const WIDTH = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) WIDTH[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) WIDTH[c] = c - 0xfee0;
WIDTH[0x3000] = 32;

let T2S: Uint16Array | undefined;

/** OpenCC's Traditional→Simplified character table, where one code unit maps to one. */
function t2sTable(): Uint16Array {
  if (T2S) return T2S;
  const t = WIDTH.slice();
  for (const entry of TSCharacters.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from.length === 1 && to.length === 1) t[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return (T2S = t);
}

/** Does s hold a character that counts towards Traditional script? */
export function hasTraditionalMarker(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (TRADITIONAL_MARKERS[s.charCodeAt(i)]) return true;
  return false;
}

/** True when the text is written in Traditional script (enough marker characters). */
export function isTraditional(text: string): boolean {
  let hits = 0;
  // The whole text, so that only adding or removing a marker can change the answer.
  for (let i = 0; i < text.length; i++) {
    if (TRADITIONAL_MARKERS[text.charCodeAt(i)]) {
      if (++hits >= 8) return true;
    }
  }
  return false;
}

const PINYIN_ANNOTATION = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}[)）]/g;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]/;

export interface PinyinAnnotation {
  start: number;
  end: number;
}

/** Every pinyin annotation (`(hào)` after `號`) in the text: Latin letters with a tone mark (or
 *  ü) in brackets right after a Chinese character. Purely local, so a piece of a document gives
 *  the same annotations as the whole. */
export function findPinyinAnnotations(text: string): PinyinAnnotation[] {
  const out: PinyinAnnotation[] = [];
  PINYIN_ANNOTATION.lastIndex = 0;
  for (let m = PINYIN_ANNOTATION.exec(text); m; m = PINYIN_ANNOTATION.exec(text)) {
    const before = text.charCodeAt(m.index - 1);
    if (!(before >= 0x4e00 && before <= 0x9fff) || !TONED.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface AnalysisText {
  /** Same length as the original; safe to search and slice with original offsets. */
  text: string;
  traditional: boolean;
  pinyin: PinyinAnnotation[];
}

/** Builds the length-preserving analysis text of a document (see module doc). */
export function analysisText(original: string): AnalysisText {
  const traditional = isTraditional(original);
  const pinyin = findPinyinAnnotations(original);
  return { text: analysisFragment(original, traditional, pinyin), traditional, pinyin };
}

/** The analysis text of a piece of a document, given the document's script and the piece's
 *  pinyin annotations (offsets relative to the piece). */
export function analysisFragment(original: string, traditional: boolean, pinyin: PinyinAnnotation[]): string {
  const table = traditional ? t2sTable() : WIDTH;
  let codes: Uint16Array | null = null;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    // A lone CR is a line break (as LSP counts lines): the parser sees it as LF.
    const d = c === 13 && original.charCodeAt(i + 1) !== 10 ? 10 : table[c]!;
    if (d !== c) {
      if (!codes) {
        codes = new Uint16Array(original.length);
        for (let j = 0; j < i; j++) codes[j] = original.charCodeAt(j);
      }
      codes[i] = d;
    } else if (codes) codes[i] = c;
  }
  if (codes) for (const p of pinyin) codes.fill(32, p.start, p.end);
  if (!codes) {
    if (!pinyin.length) return original;
    codes = new Uint16Array(original.length);
    for (let j = 0; j < original.length; j++) codes[j] = original.charCodeAt(j);
    for (const p of pinyin) codes.fill(32, p.start, p.end);
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192)
    text += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return text;
}
// ---------------------------------------------------------------------------------------------

const SKIP_CHARS = ' \t\n\r\u00a0\u3000\u200b\ufeff“”"‘’\'「」『』*#';
const MAP_PAIRS: [string, string][] = [
  ['（', '('],
  ['）', ')'],
  ['：', ':'],
  ['，', ','],
  ['．', '.'],
  ['；', ';'],
  ['／', '/'],
  ['【', '('],
  ['】', ')'],
  ['〔', '('],
  ['〕', ')'],
  ['﹝', '('],
  ['﹞', ')'],
];

/** Char code → compact char code; 0 drops the character. Built once. */
const TABLE: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  for (const ch of SKIP_CHARS) t[ch.charCodeAt(0)] = 0;
  for (const [a, b] of MAP_PAIRS) t[a.charCodeAt(0)] = b.charCodeAt(0);
  return t;
})();

const COMMA = 44;
const IDEO_COMMA = 0x3001; // 、
const DOT = 46;

export interface Compact {
  text: string;
  /** map[i] = offset in the source of compact character i; map[text.length] = end offset. */
  map: Int32Array;
}

/** The matching key of `src[start, end)`, with its offset map. */
let scratchCodes = new Uint16Array(4096);
let scratchMap = new Int32Array(4097);

export function compact(src: string, start = 0, end = src.length): Compact {
  const len = end - start;
  if (scratchCodes.length < len) {
    scratchCodes = new Uint16Array(len * 2);
    scratchMap = new Int32Array(len * 2 + 1);
  }
  const codes = scratchCodes;
  const map = scratchMap;
  let n = 0;
  for (let i = start; i < end; i++) {
    let c = TABLE[src.charCodeAt(i)]!;
    if (c === 0) continue;
    // `1、` and `1,` before a non-digit are a numbering: `1.`
    if ((c === IDEO_COMMA || c === COMMA) && n > 0 && isDigitCode(codes[n - 1]!) && !isDigitAfter(src, i + 1, end))
      c = DOT;
    codes[n] = c;
    map[n++] = i;
  }
  map[n] = end;
  let text = '';
  for (let i = 0; i < n; i += 8192)
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return { text, map: map.slice(0, n + 1) };
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isDigitAfter(src: string, i: number, end: number): boolean {
  while (i < end && (src[i] === ' ' || src[i] === '\t')) i++;
  return i < end && isDigitCode(src.charCodeAt(i));
}

/** Compact key of a short label string (no map). */
export function key(s: string): string {
  return compact(s).text;
}

/** Levenshtein-based similarity in [0, 1]. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (!m || !n) return 0;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - prev[n]! / Math.max(m, n);
}

/** Numeral → value, 一 → 1 … 十 → 10. */
const CN_DIGITS: Record<string, number> = {};
for (let i = 0; i < NUMERALS.length; i++) CN_DIGITS[NUMERALS[i]!] = i + 1;
const TEN = NUMERALS[9]!;

/** `一`…`十九` → 1…19; NaN otherwise. */
export function chineseNumeral(s: string): number {
  if (!s) return NaN;
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s[0] === TEN) return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === TEN) return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  return NaN;
}
