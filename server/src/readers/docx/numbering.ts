/**
 * Word's automatic list numbering (numbering.xml): a heading typed as a numbered list has no 一、 in
 * its text; the number comes from the list's level (numFmt, lvlText such as `%1、` or `（%2）`, start)
 * and a counter per level. As Word counts, the lists (numId) of one definition (abstractNum) share
 * their counters: a list continues the sequence, except that a list's first paragraph at a level it
 * overrides (startOverride) restarts it there. Using a level restarts the deeper levels.
 */
import { forEachElement, type XmlAttrs } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  /** Legal numbering: every %n of this level is written in decimal. */
  legal: boolean;
  /** What follows the number: 'tab' (default), 'space' or 'nothing'. */
  suffix: string;
  /** w:lvlRestart: restart when a level above this 1-based number is used; 0 never; absent: any higher level. */
  restart?: number;
}

interface List {
  abstractId: string;
  /** startOverride per level (a w:lvlOverride of this numId). */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const MAX_LEVEL = 9;

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly lists = new Map<string, List>();
  /** Running counts per definition (abstractNumId) and level; -1 before the level's first use. */
  private readonly counters = new Map<string, number[]>();
  /** Lists already seen at a level (`numId/level`): a startOverride applies at the first only. */
  private readonly seen = new Set<string>();

  constructor(xml: string | null) {
    if (xml !== null) this.read(xml);
  }

  private read(xml: string): void {
    let abstractId: string | null = null;
    let numId: string | null = null;
    let level: Level | null = null;
    let levelOf: Map<number, Level> | null = null;
    let overrideLevel = -1;
    forEachElement(xml, (name: string, attrs: XmlAttrs, open: boolean) => {
      if (!open) {
        if (name === 'abstractNum') abstractId = null;
        else if (name === 'num') numId = null;
        else if (name === 'lvl') level = null;
        else if (name === 'lvlOverride') overrideLevel = -1;
        return;
      }
      const val = attrs['val'];
      if (name === 'abstractNum') {
        abstractId = attrs['abstractNumId'] ?? '';
        levelOf = new Map();
        this.abstracts.set(abstractId, levelOf);
      } else if (name === 'num') {
        numId = attrs['numId'] ?? '';
        this.lists.set(numId, { abstractId: '', starts: new Map(), levels: new Map() });
      } else if (name === 'abstractNumId' && numId !== null && val !== undefined) {
        this.lists.get(numId)!.abstractId = val;
      } else if (name === 'lvlOverride' && numId !== null) {
        overrideLevel = Number(attrs['ilvl'] ?? 0);
      } else if (name === 'startOverride' && numId !== null && overrideLevel >= 0) {
        this.lists.get(numId)!.starts.set(overrideLevel, Number(val ?? 1) || 0);
      } else if (name === 'lvl') {
        const ilvl = Number(attrs['ilvl'] ?? 0);
        level = { start: 1, format: 'decimal', text: '', legal: false, suffix: 'tab' };
        if (numId !== null && overrideLevel >= 0) this.lists.get(numId)!.levels.set(ilvl, level);
        else if (abstractId !== null && levelOf) levelOf.set(ilvl, level);
      } else if (level !== null && val !== undefined) {
        const l: Level = level;
        if (name === 'start') l.start = Number(val) || 0;
        else if (name === 'numFmt') l.format = val;
        else if (name === 'lvlText') l.text = val;
        else if (name === 'suff') l.suffix = val;
        else if (name === 'lvlRestart') l.restart = Number(val) || 0;
        else if (name === 'isLgl') l.legal = val !== '0' && val !== 'false';
      } else if (level !== null && name === 'isLgl') (level as Level).legal = true;
    });
  }

  private level(list: List, ilvl: number): Level | undefined {
    return list.levels.get(ilvl) ?? this.abstracts.get(list.abstractId)?.get(ilvl);
  }

  /** The number text of the next paragraph of list numId at level ilvl ('' when none). */
  next(numId: string, ilvl: number): string {
    const list = this.lists.get(numId);
    if (!list || ilvl < 0 || ilvl >= MAX_LEVEL) return '';
    const here = this.level(list, ilvl);
    if (!here) return '';
    let counts = this.counters.get(list.abstractId);
    if (!counts) {
      counts = new Array<number>(MAX_LEVEL).fill(-1);
      this.counters.set(list.abstractId, counts);
    }
    const startOf = (i: number): number => list.starts.get(i) ?? this.level(list, i)?.start ?? 1;
    const first = !this.seen.has(`${numId}/${ilvl}`);
    this.seen.add(`${numId}/${ilvl}`);
    const restart = first && list.starts.has(ilvl);
    counts[ilvl] = counts[ilvl]! < 0 || restart ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let i = ilvl + 1; i < MAX_LEVEL; i++) {
      if (ilvl < (this.level(list, i)?.restart ?? i)) counts[i] = -1;
    }
    if (here.format === 'bullet' || here.format === 'none') return '';
    const text = here.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const n = counts[i]! < 0 ? startOf(i) : counts[i]!;
      const fmt = i === ilvl || !here.legal ? (this.level(list, i)?.format ?? 'decimal') : 'decimal';
      return formatNumber(n, fmt);
    });
    if (text === '') return '';
    // A number that ends in a letter or digit is kept apart from the heading's words by a space.
    return here.suffix !== 'nothing' && /[0-9A-Za-z]$/.test(text) ? text + ' ' : text;
  }
}

const DIGITS = '〇一二三四五六七八九';
const TRADITIONAL = '甲乙丙丁戊己庚辛壬癸';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (up to 9999; decimal beyond). */
function chineseCounting(n: number): string {
  if (n <= 0 || n > 9999) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, k) => {
    const unit = units[digits.length - 1 - k]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
    }
  });
  return out;
}

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  const ch = base[(n - 1) % 26]!;
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n)
        .split('')
        .map((d) => (/\d/.test(d) ? DIGITS[Number(d)] : d))
        .join('');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TRADITIONAL[n - 1]! : String(n);
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}
