/**
 * The words of the prose that restate a table's figures (read by parse/prose.ts, compared by
 * rules/narrative-mismatch.ts). Patterns are regex sources over the compact key (text/normalize.ts:
 * no whitespace, half-width punctuation, brackets as `()`); `N` in a pattern stands for the figure.
 * Each topic names the cell it restates by a topic key; the rule reads the table for it.
 */

/** What a clause of the prose may restate. */
export type ProseTopicKey =
  | 'received'
  | 'processed'
  | 'carriedOver'
  | 'carriedForward'
  | 'granted'
  | 'partiallyGranted'
  | 'denied'
  | 'unable'
  | 'notProcessed'
  | 'other'
  | 'reconsideration'
  | 'litigation'
  | 'activeDocuments';

export interface ProseTopic {
  key: ProseTopicKey;
  /** The table's name of the figure, for messages. */
  scope: string;
  /** The pattern, with `N` where the figure stands and one group `(…)` named the gap (checked below). */
  pattern: string;
  /** The gap must not contain these. */
  exclude?: string;
  /** The gap (or the word after the figure) must name an application. */
  needsApplication?: boolean;
  /** An outcome's own words (regex source): a clause that names two outcomes before one figure
   *  (`予以公开及部分公开42件`) says nothing. */
  word?: string;
  /** Said of many matters (申请, 办结, 复议, 诉讼): the sentence must speak of disclosure (DISCLOSURE). */
  disclosure?: boolean;
  /** A total: after 其中 (a breakdown) it is not this figure. */
  total?: boolean;
}

/** Units of a count the prose writes after a figure the table holds. */
const UNIT = '(?:件|份|起)';
const SUM = '(?:共计|共|合计|总计|总数为|为|有)?';

/** The six outcomes of table 三 (and 结转下年度) as the prose breaks them down. Checked before the
 *  totals, so that `不予公开答复2件` is 不予公开, never 办结/答复 (（七）总计). */
const GAP = '([^\\d。;,|]{0,6}?)';
const FORWARD = '(?:结转|顺延|转)(?:到|至|入)?(?:下一?年度?|\\d{4}年度?)';
const outcome = (key: ProseTopicKey, scope: string, word: string): ProseTopic => ({
  key,
  scope,
  word,
  pattern: `${word}${GAP}${SUM}N${UNIT}`,
});
const OUTCOMES: ProseTopic[] = [
  {
    key: 'carriedForward',
    scope: '结转下年度继续办理',
    word: FORWARD,
    pattern: `${FORWARD}([^\\d。;,|]{0,10}?)${SUM}N${UNIT}`,
  },
  {
    key: 'carriedForward',
    scope: '结转下年度继续办理',
    pattern: `()N件(?:申请)?(?:将)?(?:结转|顺延)(?:到|至)?下一?年度`,
  },
  outcome('partiallyGranted', '（二）部分公开', '(?:同意|予以)?部分公开'),
  outcome('granted', '（一）予以公开', '(?<!不)(?:予以公开|同意公开|准予公开|全部公开)'),
  outcome('denied', '（三）不予公开', '(?:不予公开|不予以公开|不同意公开)'),
  outcome('unable', '（四）无法提供', '无法提供'),
  outcome('notProcessed', '（五）不予处理', '不予处理'),
  outcome('other', '（六）其他处理', '其他处理'),
];

const TOTALS: ProseTopic[] = [
  {
    key: 'received',
    scope: '本年新收',
    pattern: `(?:收到|受理|接收|收悉|新收)([^\\d。;|]{0,20}?)(?:共计|共|合计|总计)?N(?:件|份)(申请)?`,
    needsApplication: true,
    disclosure: true,
    exclude: '结转|办结|答复|复议|诉讼|中|[,]',
    total: true,
  },
  {
    key: 'processed',
    scope: '（七）总计',
    pattern: `(?:办结|答复|办理完毕)([^\\d。;|]{0,15}?)(?:共计|共|合计)?N(?:件|份)`,
    exclude: '[,]|结转|复议|诉讼',
    disclosure: true,
    total: true,
  },
  {
    key: 'carriedOver',
    scope: '上年结转',
    pattern: `(?:上一?年度?结转|上年遗留)([^\\d。;,|]{0,10}?)N(?:件|份)`,
    total: true,
  },
  {
    key: 'reconsideration',
    scope: '行政复议总计',
    pattern: `行政复议((?:案件|申请)?(?:共计|共)?)N(?:件|起)`,
    disclosure: true,
    total: true,
  },
  {
    key: 'litigation',
    scope: '行政诉讼总计',
    pattern: `(?:行政诉讼|(?<!行政)诉讼)((?:案件)?(?:共计|共)?)N(?:件|起)`,
    disclosure: true,
    total: true,
  },
  {
    key: 'activeDocuments',
    scope: '现行有效件数',
    pattern: `现行有效的?((?:行政)?规范性文件|规章)?${SUM}N件`,
    total: true,
  },
];

/** Every topic, outcomes first. */
export const PROSE_TOPICS: readonly ProseTopic[] = [...OUTCOMES, ...TOTALS];

/** The subjects of 现行有效 (table 二's rows), a longer word first. */
export const ACTIVE_SUBJECTS: readonly { word: string; row: 'normativeDocuments' | 'regulations'; scope: string }[] = [
  { word: '规范性文件', row: 'normativeDocuments', scope: '行政规范性文件·现行有效件数' },
  { word: '规章', row: 'regulations', scope: '规章·现行有效件数' },
];

/** Ends a sentence / a clause in the compact key. */
export const SENTENCE_END = '。;!?！？';
export const CLAUSE_END = ',:()';

/** The word that names an application (收到…申请). */
export const APPLICATION = '申请';
/** A sentence about 备案 restates no figure of the tables. */
export const FILING = '备案';
/** Begins a breakdown: totals after it are parts. */
export const BREAKDOWN = '其中';
/** A gap that names another kind of matter (messages, letters, rates). */
export const OTHER_MATTER = '留言|咨询|来信|信件|建议|提案|投诉|举报|热线|信访|率|许可|审批|处罚|强制|事项';
/** A sentence that speaks of disclosure (not of licences or of every reconsideration case). */
export const DISCLOSURE = '公开';
/** A sentence about a wider scope than the office (the table may be the office's own). */
export const WIDER_SCOPE = '全区|全市|全县|全省|全镇|全乡|各级|各地|各部门|各单位|下属|所属|系统内';
/** A clause that compares (`同比增长3件`) states a change, not the figure. */
export const CHANGE = '同比|环比|增长|增加|减少|下降|上升|较上年|比上年|较去年|比去年|增幅|降幅';
/** A clause about last year (except 上年结转, which is this year's table). */
export const LAST_YEAR = '上年度|上一年度|去年|上年';
/** After a number: a date or a year, not a figure. */
export const DATE_UNITS = '年月日号';
/** Before a number: an ordinal (第3条), not a figure. */
export const ORDINAL = '第';
