/**
 * Text normalization before matching.
 *
 * Two levels:
 * 1. `analysisText(text)`: a string of exactly the same length as the input, so that every offset
 *    found in it is an offset in the user's document. Traditional characters become Simplified
 *    (OpenCC's character table, only where one UTF-16 unit maps to one), full-width ASCII forms
 *    become half-width, U+3000 becomes a space, a lone CR becomes LF, and pinyin annotations left
 *    by converters (`號(hào)`) are blanked out with spaces. In a Traditional document the words a
 *    converter swapped (檔案 for 文件, 資訊 for 信息; OpenCC's Taiwan and Hong Kong phrase tables
 *    reversed) are written back where both have the same length and the word is the template's.
 * 2. `compact(text, start, end)`: the key used to match labels: no whitespace, no quotes,
 *    `（一）`→`(一)`, `1、`→`1.`; with a map from each key character back to its offset.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import HKPhrasesRev from 'opencc-js/dict/HKPhrasesRev';
import { NUMERALS, SIMPLIFIED_TOO } from '../template/vocabulary';
import * as T from '../template';

/** The code units WIDTH changes: full-width ASCII forms and U+3000. */
const WIDE = [0x3000];
for (let c = 0xff01; c <= 0xff5e; c++) WIDE.push(c);

/** Full-width ASCII forms → half-width, U+3000 → space (one code unit each). */
const WIDTH = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) WIDTH[c] = c;
for (const c of WIDE) WIDTH[c] = c === 0x3000 ? 32 : c - 0xfee0;

/** OpenCC table entries `from to` where one code unit maps to another. */
function pairs(dict: string): [number, number][] {
  const out: [number, number][] = [];
  // Entries are `from to[ more…]`, separated by `|`: read in place (no string per entry).
  for (let i = 0; i < dict.length;) {
    let end = dict.indexOf('|', i);
    if (end < 0) end = dict.length;
    if (i + 3 <= end && dict.charCodeAt(i + 1) === 32 && (i + 3 === end || dict.charCodeAt(i + 3) === 32)) {
      const from = dict.charCodeAt(i);
      const to = dict.charCodeAt(i + 2);
      if (from !== 32 && to !== 32 && from !== to) out.push([from, to]);
    }
    i = end + 1;
  }
  return out;
}

let TS_PAIRS: [number, number][] | undefined;
/** The pairs of OpenCC's Traditional→Simplified character table, read once. */
const tsPairs = () => (TS_PAIRS ??= pairs(TSCharacters));

let T2S: Uint16Array | undefined;

/** OpenCC's Traditional→Simplified character table, where one code unit maps to one. */
function t2sTable(): Uint16Array {
  if (T2S) return T2S;
  const t = WIDTH.slice();
  for (const [from, to] of tsPairs()) t[from] = to;
  return (T2S = t);
}

let MIXED: Uint16Array | undefined;

/** The table of a Simplified document: Traditional-only characters still become Simplified (a
 *  Simplified document never holds them as such, so a header copied in Traditional still reads),
 *  characters that are Simplified too (於, 乾) stay as written. */
function mixedTable(): Uint16Array {
  if (MIXED) return MIXED;
  const t = WIDTH.slice();
  const script = scriptTable();
  const t2s = t2sTable();
  // Only a key of the Traditional→Simplified table can be Traditional-only.
  for (const [from] of tsPairs()) if (script[from] === TRADITIONAL_ONLY) t[from] = t2s[from]!;
  return (MIXED = t);
}

const TRADITIONAL_ONLY = 1;
const SIMPLIFIED_ONLY = 2;
let SCRIPT: Uint8Array | undefined;

/** Each code unit's script from OpenCC's two character tables: Traditional-only (a key of the
 *  Traditional→Simplified table that is no Simplified character: not a key of the other table, not
 *  in SIMPLIFIED_TOO), Simplified-only (a key of the Simplified→Traditional table that is no
 *  Traditional character), or neither. */
function scriptTable(): Uint8Array {
  if (SCRIPT) return SCRIPT;
  const t = new Uint8Array(65536);
  const ts = tsPairs();
  const st = pairs(STCharacters);
  const tsKeys = new Uint8Array(65536);
  const stKeys = new Uint8Array(65536);
  const stValues = new Uint8Array(65536);
  for (const [from] of ts) tsKeys[from] = 1;
  for (const [from, to] of st) ((stKeys[from] = 1), (stValues[to] = 1));
  for (const [from] of ts) if (!stKeys[from]) t[from] = TRADITIONAL_ONLY;
  for (const ch of SIMPLIFIED_TOO) t[ch.charCodeAt(0)] = 0;
  for (const [from] of st) if (!tsKeys[from] && !stValues[from]) t[from] = SIMPLIFIED_ONLY;
  return (SCRIPT = t);
}

/** Can replacing `removed` by `inserted` change the script of a document read as `traditional`?
 *  Only adding the other script's characters or removing its own can (typing Simplified text into a
 *  Simplified document never needs a recount). */
export function scriptMayChange(traditional: boolean, inserted: string, removed: string): boolean {
  const t = scriptTable();
  const against = traditional ? SIMPLIFIED_ONLY : TRADITIONAL_ONLY;
  const own = traditional ? TRADITIONAL_ONLY : SIMPLIFIED_ONLY;
  for (let i = 0; i < inserted.length; i++) if (t[inserted.charCodeAt(i)] === against) return true;
  for (let i = 0; i < removed.length; i++) if (t[removed.charCodeAt(i)] === own) return true;
  return false;
}

/** True when the text is written in Traditional script: at least 8 Traditional-only characters,
 *  more than its Simplified-only ones (a Simplified report naming 於潜镇 stays Simplified; a
 *  Traditional one quoting a Simplified name stays Traditional). */
export function isTraditional(text: string): boolean {
  const t = scriptTable();
  const counts = SCRIPT_COUNTS.fill(0);
  // The whole text, so that only adding or removing a counted character can change the answer.
  // Every character counts the same way (a count by script): no step runs only once a Traditional
  // or Simplified character comes, which would throw away the optimised loop when one did.
  for (let i = 0; i < text.length; i++) counts[t[text.charCodeAt(i)]!]!++;
  const traditional = counts[TRADITIONAL_ONLY]!;
  return Math.min(traditional - 7, traditional - counts[SIMPLIFIED_ONLY]!) > 0;
}
/** isTraditional's counts by script (neither, Traditional-only, Simplified-only), reused. */
const SCRIPT_COUNTS = new Int32Array(3);

/** The words of the template (labels, headers, titles) as one string, to test a word against. */
function templateWords(): string {
  return JSON.stringify([
    T.SECTIONS,
    T.OVERVIEW_TOPICS,
    T.TABLE_NAMES,
    T.ACTIVE_2021,
    T.ACTIVE_2019,
    T.APPLICANT_COLUMNS,
    T.TABLE3_CORNER_NOTE,
    T.TABLE3_HEADER,
    T.APPLICATIONS_2021,
    T.APPLICATIONS_2019,
    T.REVIEW_BLOCKS,
    T.REVIEW_COLUMNS,
    T.TABLE4_HEADER,
    T.FORMAT_MARKERS,
  ]);
}

/** Swapped word (simplified character by character) → the word it stands for, by first letter,
 *  longest first. */
let PHRASES: Map<string, [string, string][]> | undefined;

/** OpenCC's reversed phrase tables (Taiwan, Hong Kong), kept where the swap is certain to undo a
 *  converter: same length (offsets), the word it gives back is a template word, the swapped word
 *  is neither a template word nor a word any entry gives back (檔案→文件 is kept; 文件→文檔 is not,
 *  文件 being itself a word), and the two differ once simplified. */
function phraseTable(): Map<string, [string, string][]> {
  if (PHRASES) return PHRASES;
  const t2s = t2sTable();
  const simplify = (w: string) => {
    let out = '';
    for (let i = 0; i < w.length; i++) out += String.fromCharCode(t2s[w.charCodeAt(i)]!);
    return out;
  };
  const entries: [string, string][] = [];
  for (const dict of [TWPhrasesRev, HKPhrasesRev])
    for (const entry of dict.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from.length === to.length) entries.push([simplify(from), simplify(to)]);
    }
  const given = new Set(entries.map((e) => e[1]));
  const words = templateWords();
  const map = new Map<string, [string, string][]>();
  for (const [from, to] of entries) {
    // (the rare word the template holds first: one search of its words for most entries)
    if (!words.includes(to) || from === to || given.has(from) || words.includes(from)) continue;
    const list = map.get(from[0]!) ?? [];
    if (!list.some((e) => e[0] === from)) list.push([from, to]);
    map.set(from[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return (PHRASES = map);
}

/** The phrase table's lists by the code unit of their first letter, and a mark for each such unit
 *  (most characters start no phrase: one array read each). */
let PHRASE_STARTS: Map<number, [string, string][]> | undefined;
let PHRASE_FIRST: Uint8Array | undefined;

/** Writes the swapped words of `codes` (a Simplified analysis text) back, in place. */
function unswapPhrases(codes: Uint16Array, text: string): void {
  if (!PHRASE_STARTS || !PHRASE_FIRST) {
    PHRASE_STARTS = new Map();
    PHRASE_FIRST = new Uint8Array(65536);
    for (const [first, list] of phraseTable()) {
      PHRASE_STARTS.set(first.charCodeAt(0), list);
      PHRASE_FIRST[first.charCodeAt(0)] = 1;
    }
  }
  const table = PHRASE_STARTS;
  const starts = PHRASE_FIRST;
  for (let i = 0; i < text.length; i++) {
    if (!starts[text.charCodeAt(i)]) continue;
    const list = table.get(text.charCodeAt(i));
    if (!list) continue;
    for (const [from, to] of list) {
      if (!text.startsWith(from, i)) continue;
      for (let j = 0; j < to.length; j++) codes[i + j] = to.charCodeAt(j);
      i += from.length - 1;
      break;
    }
  }
}

/**
 * Every code unit an analysis text may read as `ch`, in a Simplified or a Traditional document:
 * those either script table maps to it and those a swapped-back word writes it over. A line without
 * one holds no `ch` once analysed, so a search for `ch` need analyse only the lines that hold one.
 */
export function readersOf(ch: string): readonly number[] {
  let list = READERS.get(ch);
  if (list) return list;
  const target = new Set([ch.charCodeAt(0)]);
  for (const entries of phraseTable().values())
    for (const [from, to] of entries)
      for (let j = 0; j < to.length; j++) if (to[j] === ch) target.add(from.charCodeAt(j));
  const t2s = t2sTable();
  const mixed = mixedTable();
  // A code unit either table changes is a key of the character table or a full-width form (WIDTH);
  // every other one reads as itself.
  const changed = [...target, ...WIDE];
  for (const [from] of tsPairs()) changed.push(from);
  list = [...new Set(changed)]
    .filter((c) => (target.has(t2s[c]!) || target.has(mixed[c]!)) && !(c >= 0xd800 && c <= 0xdfff))
    .sort((a, b) => a - b);
  READERS.set(ch, list);
  return list;
}
const READERS = new Map<string, number[]>();

/** `readersOf(ch)` as a global regex that finds them in an original text. */
export function readsAs(ch: string): RegExp {
  const known = READS_AS.get(ch);
  if (known) return known;
  const cls = readersOf(ch).map((c) => `\\u${c.toString(16).padStart(4, '0')}`);
  // one character class: linear (test/unit/regex.test.ts checks it)
  const readers = new RegExp(`[${cls.join('')}]`, 'g');
  READS_AS.set(ch, readers);
  return readers;
}
const READS_AS = new Map<string, RegExp>();

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
  const table = traditional ? t2sTable() : mixedTable();
  const n = original.length;
  // The first code unit the analysis changes: a text with none (and no pinyin) is its own analysis
  // text. A lone CR is a line break (as LSP counts lines): the parser sees it as LF.
  let first = 0;
  for (; first < n; first++) {
    const c = original.charCodeAt(first);
    if (table[c] !== c || (c === 13 && original.charCodeAt(first + 1) !== 10)) break;
  }
  if (first === n && !pinyin.length) return original;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    codes[i] = c === 13 && original.charCodeAt(i + 1) !== 10 ? 10 : table[c]!;
  }
  for (const p of pinyin) codes.fill(32, p.start, p.end);
  // The words are found in the Simplified text (so `檔案` and `档案` both read 文件).
  if (traditional && first < n) unswapPhrases(codes, stringOf(codes, n));
  return stringOf(codes, n);
}

/** The host's TextDecoder for UTF-16 (Node, browsers and web workers all have one; the core asks
 *  for it by feature, it declares no host types), or null; null too on a big-endian host, where a
 *  Uint16Array's bytes are not UTF-16LE. */
const UTF16 = ((): { decode(units: Uint16Array): string } | null => {
  const TD = (globalThis as { TextDecoder?: new (label: string) => { decode(units: Uint16Array): string } })
    .TextDecoder;
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  try {
    return TD && littleEndian ? new TD('utf-16le') : null;
  } catch {
    return null;
  }
})();

/** The string of code units codes[0, n). A TextDecoder makes it at once where no unit is a
 *  surrogate (it would replace a lone one); otherwise, and for a few units, String.fromCharCode, in
 *  chunks. */
function stringOf(codes: Uint16Array, n: number): string {
  if (UTF16 && n >= 64) {
    let surrogate = false;
    for (let i = 0; i < n && !surrogate; i++) surrogate = (codes[i]! & 0xf800) === 0xd800;
    if (!surrogate) return UTF16.decode(codes.subarray(0, n));
  }
  let text = '';
  for (let i = 0; i < n; i += 8192)
    text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
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
  const n = compactInto(src, start, end);
  const codes = scratchCodes;
  const map = scratchMap;
  return { text: stringOf(codes, n), map: map.slice(0, n + 1) };
}

/** The matching key of `src[start, end)` as code units, without the text or the offset map (a
 *  view of a scratch buffer: valid until the next call). */
export function compactCodes(src: string, start = 0, end = src.length): Uint16Array {
  return scratchCodes.subarray(0, compactInto(src, start, end));
}

/** Writes the key's code units and offsets into the scratch buffers; returns how many. */
function compactInto(src: string, start: number, end: number): number {
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
  return n;
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
