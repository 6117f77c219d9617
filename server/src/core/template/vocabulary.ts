/**
 * The format's words that are not row labels: numerals, units, the words of a title line and of a
 * page mark, header lines as printed, Traditional marker characters, and the words the editor
 * writes (a skeleton, completion labels, table names). The parser and the features take them from
 * here (patterns are built from them, escaped: text/pattern.ts), so that no Chinese word is spelt
 * outside template/ and i18n.ts (test/unit/literals.test.ts).
 */
import { APPLICATIONS_2019, REVIEW_COLUMNS, SECTIONS, TABLE3_CORNER_NOTE, type TableKind } from './index';

// ---- numerals and numbers -------------------------------------------------------------------

/** The numerals of section headers and numbered rows, 一 to 十: `NUMERALS[n - 1]` writes n. */
export const NUMERALS = '一二三四五六七八九十';

/** Units of money written after a number, a longer one before the unit it begins with. */
export const MONEY_UNITS = ['万元', '万', '元'] as const;
/** Units of a count written after a number (`12件`). */
export const COUNT_UNITS = ['件', '条', '个', '次', '项'] as const;
/** Every unit a number may carry, money first. */
export const UNITS = [...MONEY_UNITS, ...COUNT_UNITS] as const;
/** The unit of the amount columns of table 二 (`本年收费金额（单位：万元）`). */
export const WAN_YUAN = '万元';
/** Plain yuan: not a figure in a column in 万元. */
export const YUAN = '元';
/** The note of a header that names its unit, left out of the header word. */
export const WAN_YUAN_NOTE = '（单位：万元）';

/** A cell that says "not applicable": slashes, dashes, 无, a backslash (each the whole cell). */
export const NOT_APPLICABLE = ['/', '／', '-', '—', '–', '——', '无', '－', '\\'] as const;

/** A page mark of a converted PDF: `第 3 页`, `第 3 页 共 12 页`. */
export const PAGE_WORDS = { nth: '第', page: '页', of: '共' } as const;

// ---- titles and headers ---------------------------------------------------------------------

/** `年` after a year, and `度` that may follow it in a title (`2023年度`). */
export const YEAR = '年';
export const YEAR_SUFFIX = '度';
/** The name of the report as the template writes it (after `<organ><year>年`). */
export const REPORT_NAME = '政府信息公开工作年度报告';
/** A title may begin with `关于`; the organ is what follows it. */
export const TITLE_ABOUT = '关于';
/** Labels of a metadata line that holds the title (`标题：…`), not part of it. */
export const TITLE_META_LABELS = ['标题', '名称', '题目', '文章标题'] as const;
/** `统计期限…2023年`: the words before the year of the statistics. */
export const STATISTICS_PERIOD = '统计期限';

/** The last character of every section title and variant: a line that holds none of them holds no
 *  header written out (the parser's cheap filter). */
export const SECTION_TITLE_ENDINGS = [
  ...new Set(SECTIONS.flatMap((s) => [s.title, ...s.variants]).map((t) => t[t.length - 1]!)),
].join('');

/** Section n's header as the template prints it: `二、主动公开政府信息情况`. */
export function sectionHeading(n: number): string {
  const s = SECTIONS[n - 1]!;
  return `${s.numeral}、${s.title}`;
}

/** The section each table stands in. */
export const TABLE_SECTION: Record<TableKind, number> = { active: 2, applications: 3, review: 4 };

/** The table a section holds (二, 三, 四), or null. */
export function sectionTable(section: number): TableKind | null {
  for (const k in TABLE_SECTION) if (TABLE_SECTION[k as TableKind] === section) return k as TableKind;
  return null;
}

/** A table's numeral, as in `表二`: its section's. */
export function tableNumeral(kind: TableKind): string {
  return SECTIONS[TABLE_SECTION[kind] - 1]!.numeral;
}

// ---- tables as printed ----------------------------------------------------------------------

/** The article the captions of table 二 cite (`第二十条第（一）项`). */
export const CAPTION_ARTICLE = '第二十条';
/** A header word of table 二 seen on its own line. */
export const TABLE2_UNIT_HEADER = '单位:万元';
/** The corner note of table 三 as its compact words (the note without its opening). */
export const TABLE3_CORNER_WORDS = '第一项加第二项之和,等于第三项加第四项之和';
/** Table 三's header block as printed, one line per header row. */
export const TABLE3_HEADER_LINES: readonly (readonly string[])[] = [
  [TABLE3_CORNER_NOTE, '申请人情况'],
  ['自然人', '法人或其他组织', '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];
/** Table 四's header block as printed, before its line of column names. */
export const TABLE4_HEADER_LINES: readonly (readonly string[])[] = [
  ['行政复议', '行政诉讼'],
  [...REVIEW_COLUMNS, '未经复议直接起诉', '复议后起诉'],
];
/** The label of table 四's one row of values. */
export const REVIEW_ROW_LABEL = '行政复议、行政诉讼';
/** Table 三's 2019 （六） row, also read in 2021 reports that print it as one row. */
export const OTHER_OUTCOME_LABEL = APPLICATIONS_2019.find((r) => r.key === 'other')!.label;

// ---- what the editor writes -----------------------------------------------------------------

/** A table's name (`表二`), the first column of a table in Markdown exports (`项目`). */
export const TABLE_WORD = '表';
export const ITEM_COLUMN = '项目';

/** A new report's placeholders: the organ, and section 六's sentence. */
export const SKELETON = { organ: '（机关名称）', feeSentence: '本年度未收取信息处理费。' } as const;

/** The completion list's labels and filter words (the document's language, whatever the locale). */
export const COMPLETION_WORDS = {
  tableAlias: '表格',
  header: '表头',
  skeleton: `${REPORT_NAME}（模板）`,
  skeletonFilter: '年度报告 模板',
} as const;

// ---- script ---------------------------------------------------------------------------------

/** Traditional characters (keys of OpenCC's Traditional→Simplified table) that are standard
 *  Simplified characters too, kept for names and set words (通用规范汉字表): 於 (於潜镇, a surname),
 *  乾 (乾坤), 徵 (宫商角徵羽), 藉, 瞭, 麽, 覆. They never count towards Traditional script. */
export const SIMPLIFIED_TOO = '於乾徵藉瞭麽覆';
