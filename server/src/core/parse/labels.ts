/**
 * Finding template labels inside a piece of text, whatever the layout: on the compact key
 * (normalize.ts), by longest prefix, with the row's numbering looked up just before it.
 */
import { compact, type Compact } from '../text/normalize';
import {
  ACTIVE_2019,
  ACTIVE_2021,
  APPLICATIONS_2019,
  APPLICATIONS_2021,
  FORMAT_MARKERS,
  TABLE3_HEADER,
  TABLE4_HEADER,
  type RowDef,
} from '../template';
import { NUMERALS, TABLE2_UNIT_HEADER, TABLE3_CORNER_WORDS, WAN_YUAN_NOTE } from '../template/vocabulary';

export type LabelKind = 'row' | 'header' | 'caption';

const CLOSING = new Set(['”', '"', '’', '」', '』']);

/** A numbering of numerals as the template writes it, compact: `(三)`, `三.`, `三`. */
const NUMERAL_NUMBERING = new RegExp(`^\\(?([${NUMERALS}]+)[)、.]?$`);
/** A numbering just before a label: `(三)`, `三、`, `三.`, `6.`. */
const NUMBERING_BEFORE = new RegExp(`(?:\\(([${NUMERALS}]{1,2})\\)|([${NUMERALS}]{1,2})[、.]|(\\d{1,2})\\.)$`);

export interface LabelEntry {
  kind: LabelKind;
  /** Compact key (without numbering). */
  key: string;
  minPrefix: number;
  /** Compact numbering forms accepted before the key, e.g. ['6.'] or ['(三)', '三.', '三、']. */
  numbering: string[];
  needsNumbering: boolean;
  /** For rows: template row keys by format ('' for group rows), and whether this text is the
   *  canonical label in that format or a variant. */
  rows?: { '2021'?: { def: RowDef; variant: boolean }; '2019'?: { def: RowDef; variant: boolean } };
  /** For captions: the item numeral (一, 五, 六, 八, 九). */
  item?: string;
  /** For headers: the canonical word. */
  word?: string;
}

export interface LabelHit {
  entry: LabelEntry;
  /** Offsets in the source text. */
  start: number;
  end: number;
  /** Start of the numbering (== start when none). */
  labelStart: number;
  numbering: string;
  /** Matched the whole key (not only a prefix). */
  full: boolean;
}

function numberingForms(numbering: string): string[] {
  const k = compact(numbering).text;
  if (!k) return [];
  const m = NUMERAL_NUMBERING.exec(k);
  if (m) return [`(${m[1]})`, `${m[1]}.`, `${m[1]}、`, `${m[1]},`];
  const d = /^(\d+)[.、]?$/.exec(k);
  if (d) return [`${d[1]}.`, `${d[1]}、`];
  return [k];
}

/** The longest note a label may carry in brackets (compact characters, brackets included). */
const MAX_NOTE = 80;
/** A bracket that holds only a numbering (`(一)`, `(3)`): the next row's, never a note. */
const NUMBERING_ONLY = new RegExp(`^\\([${NUMERALS}\\d]{1,3}\\)$`);

/**
 * The end of a filling note in brackets at t[j] (`(不含行政处罚、行政强制)`): just after its closing
 * bracket, within MAX_NOTE characters; -1 when t[j] opens none, the bracket is a numbering, or it does
 * not close (a note whose end was lost is not taken: what follows may be values).
 */
function noteEnd(t: string, j: number): number {
  if (t[j] !== '(') return -1;
  let depth = 0;
  let digitRuns = 0;
  const max = Math.min(t.length, j + MAX_NOTE);
  for (let k = j; k < max; k++) {
    const ch = t[k]!;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth === 0) return NUMBERING_ONLY.test(t.slice(j, k + 1)) || digitRuns > 2 ? -1 : k + 1;
    } else if (ch >= '0' && ch <= '9' && !(t[k - 1]! >= '0' && t[k - 1]! <= '9')) digitRuns++;
  }
  // A note that goes on in the next line (the cell ends inside it, with no figure in it).
  return max === t.length && digitRuns === 0 && t.length - j > 2 ? t.length : -1;
}

/** Whether a label found at t[i, e) is words of a note opened on an earlier line (`行政强制)`, the end
 *  of `行政许可(不含行政处罚、` / `行政强制)`): a closing bracket follows it before any opening one,
 *  with no figure between, and no bracket before it in the text (`firstBracket`: the first one's index). */
function endOfNote(t: string, firstBracket: number, i: number, e: number): boolean {
  if (firstBracket < i) return false;
  const max = Math.min(t.length, e + MAX_NOTE);
  for (let k = e; k < max; k++) {
    const ch = t[k]!;
    if (ch === ')') return true;
    if (ch === '(' || (ch >= '0' && ch <= '9')) return false;
  }
  return false;
}

/**
 * How much of a row's key the text at t[i] spells (`len`) and how many characters of the text that
 * takes (`used`). A filling note in brackets inside or after the label belongs to the label: it is
 * skipped, so that its words never make another row (`行政许可(不含行政处罚、行政强制)`) and never
 * cut the label short (`无正当理由(经告知后仍)大量反复申请`). Where the key itself goes on in a
 * bracket the text words differently (`部分公开(说明…)`), the text's bracket is the note.
 */
function matchKey(t: string, i: number, e: LabelEntry): { len: number; used: number } {
  const key = e.key;
  let L = 0;
  let j = i;
  if (e.kind !== 'row') {
    const max = Math.min(key.length, t.length - i);
    while (L < max && t.charCodeAt(i + L) === key.charCodeAt(L)) L++;
    return { len: L, used: L };
  }
  let open = -1; // text index of the key's last unclosed bracket
  while (L < key.length && j < t.length) {
    if (t.charCodeAt(j) === key.charCodeAt(L)) {
      if (key[L] === '(') open = j;
      else if (key[L] === ')') open = -1;
      L++;
      j++;
      continue;
    }
    if (L === 0) break;
    const skip = noteEnd(t, j);
    if (skip < 0) break;
    j = skip;
  }
  if (L === 0) return { len: 0, used: 0 };
  if (L < key.length && open >= 0) {
    // The text's bracket closes where the key's went on: the note is the text's.
    const skip = noteEnd(t, open);
    if (skip >= 0) return { len: L, used: skip - i };
  }
  // Notes right after the label.
  for (let n = 0; n < 3; n++) {
    const skip = noteEnd(t, j);
    if (skip < 0) break;
    j = skip;
  }
  return { len: L, used: j - i };
}

export class LabelMatcher {
  private byFirst = new Map<string, LabelEntry[]>();
  readonly entries: LabelEntry[] = [];

  add(e: LabelEntry): void {
    const existing = this.entries.find((x) => x.key === e.key && x.kind === e.kind);
    if (existing) {
      if (e.rows) existing.rows = { ...existing.rows, ...e.rows };
      return;
    }
    this.entries.push(e);
    const f = e.key[0]!;
    const list = this.byFirst.get(f) ?? [];
    list.push(e);
    list.sort((a, b) => b.key.length - a.key.length);
    this.byFirst.set(f, list);
  }

  /** Every label in src[start, end), left to right, non-overlapping. */
  scan(src: string, start: number, end: number, c: Compact = compact(src, start, end)): LabelHit[] {
    const out: LabelHit[] = [];
    const t = c.text;
    const open = t.indexOf('(');
    const close = t.indexOf(')');
    const firstBracket = Math.min(open < 0 ? t.length : open, close < 0 ? t.length : close);
    let i = 0;
    while (i < t.length) {
      const cands = this.byFirst.get(t[i]!);
      let best: { e: LabelEntry; len: number; used: number; full: boolean; num: string } | undefined;
      if (cands) {
        for (const e of cands) {
          const { len: L, used } = matchKey(t, i, e);
          const full = L === e.key.length;
          if (!full && L < e.minPrefix) continue;
          const num = this.numberingBefore(t, i, e, out.length ? out[out.length - 1]!.end : -1, c);
          if (e.needsNumbering && num === null) continue;
          if (!best || L > best.len || (L === best.len && full && !best.full))
            best = { e, len: L, used, full, num: num ?? '' };
        }
      }
      if (best && best.e.kind === 'row' && !best.num && endOfNote(t, firstBracket, i, i + best.used)) {
        i += best.used;
        continue;
      }
      if (best) {
        const s = c.map[i - best.num.length]!;
        // A closing quote right after the label belongs to it (`危及“三安全一稳定”`).
        let e = c.map[i + best.used - 1]! + 1;
        while (e < end && CLOSING.has(src[e]!)) e++;
        out.push({
          entry: best.e,
          start: c.map[i]!,
          end: e,
          labelStart: s,
          numbering: best.num,
          full: best.full,
        });
        i += best.used;
      } else i++;
    }
    return out;
  }

  private numberingBefore(t: string, i: number, e: LabelEntry, prevEndOffset: number, c: Compact): string | null {
    for (const form of e.numbering) {
      if (i >= form.length && t.startsWith(form, i - form.length)) {
        if (prevEndOffset >= 0 && c.map[i - form.length]! < prevEndOffset) continue;
        return form;
      }
    }
    if (!e.numbering.length) return '';
    if (e.needsNumbering) return null;
    // A numbering other than the template's (misnumbered row): only where it cannot be digits of a value.
    const m = NUMBERING_BEFORE.exec(t.slice(Math.max(0, i - 4), i));
    if (m) {
      const before = t[i - m[0].length - 1];
      if (m[3] && before !== undefined && /\d/.test(before)) return null;
      if (prevEndOffset >= 0 && c.map[i - m[0].length]! < prevEndOffset) return null;
      return m[0];
    }
    return null;
  }
}

function addRows(m: LabelMatcher, defs: RowDef[], format: '2021' | '2019', extraVariants = true): void {
  for (const def of defs) {
    const k = compact(def.text).text;
    m.add({
      kind: 'row',
      key: k,
      minPrefix: Math.min(def.minPrefix, k.length),
      numbering: numberingForms(def.numbering),
      needsNumbering: !!def.needsNumbering,
      rows: { [format]: { def, variant: false } },
    });
    if (extraVariants)
      for (const v of def.variants ?? []) {
        const vk = compact(v).text;
        m.add({
          kind: 'row',
          key: vk,
          minPrefix: vk.length,
          numbering: [],
          needsNumbering: false,
          rows: { [format]: { def, variant: true } },
        });
      }
  }
}

function header(m: LabelMatcher, word: string): void {
  const k = compact(word).text;
  m.add({ kind: 'header', key: k, minPrefix: k.length, numbering: [], needsNumbering: false, word });
}

let table2: LabelMatcher | undefined;
let table3: LabelMatcher | undefined;
let table4: LabelMatcher | undefined;

/** Labels of table 二 (both formats). */
export function table2Matcher(): LabelMatcher {
  if (table2) return table2;
  const m = new LabelMatcher();
  for (const [fmt, def] of [
    ['2021', ACTIVE_2021],
    ['2019', ACTIVE_2019],
  ] as const) {
    for (const cap of def.captions) {
      const k = compact(cap.label).text;
      m.add({ kind: 'caption', key: k, minPrefix: k.length, numbering: [], needsNumbering: false, item: cap.item });
      for (const h of cap.header) header(m, h.replace(WAN_YUAN_NOTE, ''));
      addRows(m, cap.rows, fmt, false);
    }
  }
  for (const w of [...FORMAT_MARKERS['2021'], ...FORMAT_MARKERS['2019']]) header(m, w);
  header(m, TABLE2_UNIT_HEADER);
  return (table2 = m);
}

/** Labels of table 三 (both formats). */
export function table3Matcher(): LabelMatcher {
  if (table3) return table3;
  const m = new LabelMatcher();
  addRows(m, APPLICATIONS_2021, '2021');
  addRows(m, APPLICATIONS_2019, '2019');
  for (const w of TABLE3_HEADER) header(m, w);
  header(m, TABLE3_CORNER_WORDS);
  return (table3 = m);
}

/** Header words of table 四. */
export function table4Matcher(): LabelMatcher {
  if (table4) return table4;
  const m = new LabelMatcher();
  for (const w of TABLE4_HEADER) header(m, w);
  return (table4 = m);
}
