/**
 * The national template (国办公开办函〔2021〕30号 and the 2019 trial format 国办公开办函〔2019〕60号)
 * as data. Every other module — parser, rules, completion, preview — reads the format from here;
 * no label string is written anywhere else.
 *
 * Labels are given in their canonical written form. Matching happens on "compact" keys (see
 * normalize.ts): Simplified script, half-width punctuation, no whitespace, no quotes.
 */

export type Format = '2021' | '2019';

export interface SectionDef {
  number: number;
  numeral: string;
  title: string;
  /** Other wordings seen in real reports (accepted, with a hint towards the canonical title). */
  variants: string[];
}

export const SECTIONS: SectionDef[] = [
  { number: 1, numeral: '一', title: '总体情况', variants: [] },
  { number: 2, numeral: '二', title: '主动公开政府信息情况', variants: [] },
  { number: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', variants: [] },
  {
    number: 4,
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '因政府信息公开申请行政复议、提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '政府信息公开行政法复议、行政诉讼情况',
    ],
  },
  {
    number: 5,
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在问题及改进情况',
      '存在的主要问题及整改措施',
      '存在的主要问题和改进情况',
    ],
  },
  { number: 6, numeral: '六', title: '其他需要报告的事项', variants: ['其他事项', '其他需要报告事项'] },
];

/** The five topics 一、总体情况 is expected to cover, with words that show each one. */
export const OVERVIEW_TOPICS: { key: string; title: string; words: string[] }[] = [
  { key: 'active', title: '主动公开', words: ['主动公开'] },
  { key: 'onRequest', title: '依申请公开', words: ['依申请公开', '依申请'] },
  { key: 'management', title: '政府信息管理', words: ['政府信息管理', '信息管理'] },
  { key: 'platform', title: '政府信息公开平台建设', words: ['平台建设', '公开平台'] },
  { key: 'oversight', title: '监督保障', words: ['监督保障', '监督', '考核', '社会评议', '责任追究'] },
];

/** Words of a title line: `<organ><year>年(度)政府信息公开工作年度报告`. */
export const TITLE_PATTERN = /政府信息公开(?:工作)?年度报告|政府信息公开工作年报/;

// ---------------------------------------------------------------------------------------------
// Tables

export type TableKind = 'active' | 'applications' | 'review';

/** The tables' names in the outline. */
export const TABLE_NAMES: Readonly<Record<TableKind, string>> = {
  active: '表二 主动公开政府信息情况',
  applications: '表三 收到和处理政府信息公开申请情况',
  review: '表四 行政复议、行政诉讼情况',
};

/** Between a section's numeral and its title (`一、总体情况`). */
export const SECTION_SEPARATOR = '、';

export interface RowDef {
  /** Key in the normalized JSON (contract.md); dotted keys nest (`denied.stateSecret`). */
  key: string;
  /** Canonical label, with its numbering, as the template prints it. */
  label: string;
  /** The numbering prefix as printed (`1.`, `（一）`, `一、`), empty when none. */
  numbering: string;
  /** Label text without numbering. */
  text: string;
  /** Shorter forms that identify the row on their own (prefix match on the compact text). */
  minPrefix: number;
  /** Other wordings that identify the same row. */
  variants?: string[];
  /** The label is too common on its own (`其他`, `总计`): only matched with its numbering. */
  needsNumbering?: boolean;
  /** Number of value cells; 0 for a group row that carries no numbers. */
  values: number;
  /** Group this row belongs to (table 三): '', 'denied', 'unable', 'notProcessed', 'other'. */
  group?: string;
  /** Kind of value: integer counts, signed change, amount. */
  valueKind?: ('count' | 'signed' | 'amount')[];
}

function row(
  key: string,
  label: string,
  values: number,
  opts: Partial<Pick<RowDef, 'minPrefix' | 'variants' | 'needsNumbering' | 'group' | 'valueKind'>> = {},
): RowDef {
  const m = /^((?:\d+[.、])|(?:（[一二三四五六七八九十]+）)|(?:[一二三四五六七八九十]+、))?(.*)$/.exec(label)!;
  const numbering = m[1] ?? '';
  const text = m[2]!;
  return {
    key,
    label,
    numbering,
    text,
    minPrefix: opts.minPrefix ?? Math.min(text.length, 8),
    values,
    ...(opts.variants ? { variants: opts.variants } : {}),
    ...(opts.needsNumbering ? { needsNumbering: true } : {}),
    ...(opts.group !== undefined ? { group: opts.group } : {}),
    ...(opts.valueKind ? { valueKind: opts.valueKind } : {}),
  };
}

export interface CaptionDef {
  /** `第二十条第（一）项` etc. */
  label: string;
  item: string;
  header: string[];
  rows: RowDef[];
}

export interface ActiveTableDef {
  captions: CaptionDef[];
}

const C = 'count' as const;
const S = 'signed' as const;
const A = 'amount' as const;

export const ACTIVE_2021: ActiveTableDef = {
  captions: [
    {
      label: '第二十条第（一）项',
      item: '一',
      header: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        row('regulations', '规章', 3, { minPrefix: 2 }),
        row('normativeDocuments', '行政规范性文件', 3, { variants: ['规范性文件'] }),
      ],
    },
    {
      label: '第二十条第（五）项',
      item: '五',
      header: ['信息内容', '本年处理决定数量'],
      rows: [row('licensing', '行政许可', 1)],
    },
    {
      label: '第二十条第（六）项',
      item: '六',
      header: ['信息内容', '本年处理决定数量'],
      rows: [row('punishment', '行政处罚', 1), row('coercion', '行政强制', 1)],
    },
    {
      label: '第二十条第（八）项',
      item: '八',
      header: ['信息内容', '本年收费金额（单位：万元）'],
      rows: [row('fees', '行政事业性收费', 1, { valueKind: [A] })],
    },
  ],
};

export const ACTIVE_2019: ActiveTableDef = {
  captions: [
    {
      label: '第二十条第（一）项',
      item: '一',
      header: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        row('regulations', '规章', 3, { minPrefix: 2 }),
        row('normativeDocuments', '规范性文件', 3, { variants: ['行政规范性文件'] }),
      ],
    },
    {
      label: '第二十条第（五）项',
      item: '五',
      header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        row('licensing', '行政许可', 3, { valueKind: [C, S, C] }),
        row('otherServices', '其他对外管理服务事项', 3, { valueKind: [C, S, C] }),
      ],
    },
    {
      label: '第二十条第（六）项',
      item: '六',
      header: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        row('punishment', '行政处罚', 3, { valueKind: [C, S, C] }),
        row('coercion', '行政强制', 3, { valueKind: [C, S, C] }),
      ],
    },
    {
      label: '第二十条第（八）项',
      item: '八',
      header: ['信息内容', '上一年项目数量', '本年增/减'],
      rows: [row('fees', '行政事业性收费', 2, { valueKind: [C, S] })],
    },
    {
      label: '第二十条第（九）项',
      item: '九',
      header: ['信息内容', '采购项目数量', '采购总金额'],
      rows: [row('procurement', '政府集中采购', 2, { valueKind: [C, A] })],
    },
  ],
};

/** Header words of table 二 that tell the two formats apart. */
export const FORMAT_MARKERS: Record<Format, string[]> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '采购项目数量',
    '其他对外管理服务事项',
    '政府集中采购',
  ],
};

export const APPLICANT_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;

export const TABLE3_CORNER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Header words of table 三 (recognised and skipped; never row labels). */
export const TABLE3_HEADER = [
  '本列数据的勾稽关系为',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
];

const T3_COMMON_HEAD: RowDef[] = [
  row('newReceived', '一、本年新收政府信息公开申请数量', 7, { minPrefix: 4 }),
  row('carriedOver', '二、上年结转政府信息公开申请数量', 7, { minPrefix: 4 }),
  row('', '三、本年度办理结果', 0, { minPrefix: 5 }),
  row('granted', '（一）予以公开', 7, { minPrefix: 4 }),
  row('partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 7, { minPrefix: 4 }),
  row('', '（三）不予公开', 0, { minPrefix: 4 }),
  row('denied.stateSecret', '1.属于国家秘密', 7, { group: 'denied' }),
  row('denied.prohibitedByLaw', '2.其他法律行政法规禁止公开', 7, { group: 'denied' }),
  row('denied.threeSecurities', '3.危及“三安全一稳定”', 7, { group: 'denied', minPrefix: 4 }),
  row('denied.thirdPartyRights', '4.保护第三方合法权益', 7, { group: 'denied', minPrefix: 6 }),
  row('denied.internalAffairs', '5.属于三类内部事务信息', 7, { group: 'denied', minPrefix: 6 }),
  row('denied.processInformation', '6.属于四类过程性信息', 7, { group: 'denied', minPrefix: 6 }),
  row('denied.enforcementFiles', '7.属于行政执法案卷', 7, { group: 'denied', minPrefix: 6 }),
  row('denied.inquiryMatters', '8.属于行政查询事项', 7, { group: 'denied', minPrefix: 6 }),
  row('', '（四）无法提供', 0, { minPrefix: 4 }),
  row('unable.notHeld', '1.本机关不掌握相关政府信息', 7, { group: 'unable', minPrefix: 7 }),
  row('unable.needsCreation', '2.没有现成信息需要另行制作', 7, { group: 'unable', minPrefix: 6 }),
  row('unable.stillUnclear', '3.补正后申请内容仍不明确', 7, { group: 'unable', minPrefix: 6 }),
  row('', '（五）不予处理', 0, { minPrefix: 4 }),
  row('notProcessed.petition', '1.信访举报投诉类申请', 7, { group: 'notProcessed', minPrefix: 6 }),
  row('notProcessed.repeated', '2.重复申请', 7, { group: 'notProcessed', minPrefix: 4 }),
  row('notProcessed.publications', '3.要求提供公开出版物', 7, { group: 'notProcessed', minPrefix: 6 }),
  row('notProcessed.excessive', '4.无正当理由大量反复申请', 7, { group: 'notProcessed', minPrefix: 8 }),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', 7, {
    group: 'notProcessed',
    minPrefix: 8,
  }),
];

const T3_COMMON_TAIL: RowDef[] = [
  row('totalProcessed', '（七）总计', 7, { needsNumbering: true, minPrefix: 2 }),
  row('carriedForward', '四、结转下年度继续办理', 7, { minPrefix: 5 }),
];

export const APPLICATIONS_2021: RowDef[] = [
  ...T3_COMMON_HEAD,
  row('', '（六）其他处理', 0, { minPrefix: 4 }),
  row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 7, {
    group: 'other',
    minPrefix: 10,
  }),
  row('other.unpaidFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 7, {
    group: 'other',
    minPrefix: 10,
  }),
  row('other.other', '3.其他', 7, { group: 'other', needsNumbering: true, minPrefix: 2 }),
  ...T3_COMMON_TAIL,
];

export const APPLICATIONS_2019: RowDef[] = [
  ...T3_COMMON_HEAD,
  row('other', '（六）其他处理', 7, { minPrefix: 4 }),
  ...T3_COMMON_TAIL,
];

/** The heading row of each group of table 三 (`denied` → `（三）不予公开`): the row before its first item. */
export const GROUP_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  APPLICATIONS_2021.flatMap((d, i) => {
    const before = APPLICATIONS_2021[i - 1];
    return d.group && before && before.group !== d.group ? [[d.group, before.label]] : [];
  }),
);

export const REVIEW_BLOCKS = [
  { key: 'reconsideration', title: '行政复议' },
  { key: 'litigationDirect', title: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigationAfterReconsideration', title: '行政诉讼（复议后起诉）' },
] as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

/** Header words of table 四 (recognised and skipped). */
export const TABLE4_HEADER = [
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
];

export function activeTable(format: Format): ActiveTableDef {
  return format === '2021' ? ACTIVE_2021 : ACTIVE_2019;
}
export function applicationRows(format: Format): RowDef[] {
  return format === '2021' ? APPLICATIONS_2021 : APPLICATIONS_2019;
}
