/**
 * The words of an organ's name that cross-year checks read (core/crossyear/identity.ts): the level
 * words that end a place (淮安市, 洪泽区, 克井镇), the levels that are one level under another name
 * (a county turned district keeps its reports: 洪泽县 → 洪泽区), and the words that mean the same
 * body (人民政府 ≡ 政府).
 */

/** Level words ending a place name, longest first (a place is a name of at least one character
 *  followed by one of these). */
export const PLACE_LEVELS: readonly string[] = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '街道',
  '省',
  '市',
  '州',
  '盟',
  '区',
  '县',
  '旗',
  '镇',
  '乡',
];

/** Levels read as one (the county level: 区, 县 and their autonomous forms). */
export const SAME_LEVEL: Readonly<Record<string, string>> = { 区: '县', 自治县: '县' };

/** Where the body begins: a place word met after one of these is part of the body's name. */
export const BODY_STARTS: readonly string[] = ['人民政府', '政府', '管理委员会', '管委会', '人民代表大会'];

/** Spellings of one body, the long form first: replaced by the short one in the identity. */
export const BODY_SYNONYMS: readonly (readonly [string, string])[] = [
  ['人民政府', '政府'],
  ['管理委员会', '管委会'],
];

/** The body a name with places only stands for (平潭综合实验区, 宿迁市: the place's government). */
export const DEFAULT_BODY = '政府';
