/**
 * Text normalization before matching.
 *
 * Two levels:
 * 1. `analysisText(text)`: a string of exactly the same length as the input, so that every offset
 *    found in it is an offset in the user's document. Traditional characters become Simplified
 *    (OpenCC's character table, only where one UTF-16 unit maps to one), full-width ASCII forms
 *    become half-width, U+3000 becomes a space, and pinyin annotations left by converters
 *    (`號(hào)`) are blanked out with spaces.
 * 2. `compact(text, start, end)`: the key used to match labels: no whitespace, no quotes,
 *    `（一）`→`(一)`, `1、`→`1.`; with a map from each key character back to its offset.
 */
import { CustomConverter } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/** Characters frequent in reports that exist only in Traditional script. */
const TRADITIONAL_MARKERS = new Set(
  '開報資總請數處關機務門與們這會國個說為書時條實項號發內廢現規範執辦結轉審復議訴訟維糾處續權護濟費權單財頒屬於計劃體測網絡標準'.split(''),
);

let t2sChar: ((s: string) => string) | undefined;

function traditionalToSimplifiedChar(ch: string): string {
  t2sChar ??= CustomConverter(TSCharacters);
  const out = t2sChar(ch);
  return out.length === ch.length ? out : ch;
}

/** True when the text is written in Traditional script (enough marker characters). */
export function isTraditional(text: string): boolean {
  let hits = 0;
  const limit = Math.min(text.length, 200_000);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && TRADITIONAL_MARKERS.has(text[i]!)) {
      if (++hits >= 8) return true;
    }
  }
  return false;
}

const PINYIN_ANNOTATION = /(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}[)）]/g;

export interface PinyinAnnotation {
  start: number;
  end: number;
}

/** Every pinyin annotation (`(hào)` after `號`) in the text. */
export function findPinyinAnnotations(text: string): PinyinAnnotation[] {
  const out: PinyinAnnotation[] = [];
  PINYIN_ANNOTATION.lastIndex = 0;
  for (let m = PINYIN_ANNOTATION.exec(text); m; m = PINYIN_ANNOTATION.exec(text)) {
    // A real annotation carries a tone mark or ü, or is one of many: `(hao)` alone could be prose.
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  // Require several annotations before treating ASCII-only ones as such.
  const toned = out.filter((a) => /[^\x00-\x7f（）]/.test(text.slice(a.start + 1, a.end - 1)));
  return toned.length >= 2 ? out : toned;
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
  let needsWork = traditional || pinyin.length > 0;
  if (!needsWork) {
    // Full-width forms are common; convert only when present.
    for (let i = 0; i < original.length; i++) {
      const c = original.charCodeAt(i);
      if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
        needsWork = true;
        break;
      }
    }
  }
  if (!needsWork) return { text: original, traditional, pinyin };
  const chars: string[] = new Array(original.length);
  const cache = new Map<string, string>();
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const c = original.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) chars[i] = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) chars[i] = ' ';
    else if (traditional && c >= 0x3400 && c <= 0x9fff) {
      let s = cache.get(ch);
      if (s === undefined) {
        s = traditionalToSimplifiedChar(ch);
        cache.set(ch, s);
      }
      chars[i] = s;
    } else chars[i] = ch;
  }
  for (const p of pinyin) for (let i = p.start; i < p.end; i++) chars[i] = ' ';
  return { text: chars.join(''), traditional, pinyin };
}

// ---------------------------------------------------------------------------------------------

const SKIP = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u200b', '\ufeff', '“', '”', '"', '‘', '’', "'", '「', '」', '『', '』', '*', '#']);
const MAP: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '．': '.',
  '；': ';',
  '／': '/',
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '﹝': '(',
  '﹞': ')',
};

export interface Compact {
  text: string;
  /** map[i] = offset in the source of compact character i; map[text.length] = end offset. */
  map: Int32Array;
}

/** The matching key of `src[start, end)`, with its offset map. */
export function compact(src: string, start = 0, end = src.length): Compact {
  const out: string[] = [];
  const map = new Int32Array(end - start + 1);
  let n = 0;
  for (let i = start; i < end; i++) {
    let ch = src[i]!;
    if (SKIP.has(ch)) continue;
    const c = src.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) ch = String.fromCharCode(c - 0xfee0);
    else ch = MAP[ch] ?? ch;
    if ((ch === '、' || ch === ',') && n > 0 && isDigitCode(out[n - 1]!.charCodeAt(0)) && !isDigitAfter(src, i + 1, end)) ch = '.';
    out.push(ch);
    map[n++] = i;
  }
  map[n] = end;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
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

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `一`…`十九` → 1…19; NaN otherwise. */
export function chineseNumeral(s: string): number {
  if (!s) return NaN;
  if (s.length === 1) return CN_DIGITS[s] ?? NaN;
  if (s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  return NaN;
}
