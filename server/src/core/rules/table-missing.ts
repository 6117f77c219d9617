/**
 * table.missing — section 二, 三 or 四 has no table. Range: the section header. Not the section a
 * truncated text stops in (its table cut off with the rest: report.truncated).
 * Fix: an empty table of the format (zeros) after the header, laid out as the report's other tables.
 */
import type { TableKind } from '../template';
import { renderTable } from '../features/render';
import { found, insertAt, type Rule } from './rule';
import { truncation } from './report-truncated';

/** The table each section holds. */
export const TABLE_OF_SECTION: Readonly<Record<number, TableKind>> = { 2: 'active', 3: 'applications', 4: 'review' };

/** Where the table goes. */
type Data = { sectionNumber: number; insertAt: number };

export const tableMissing: Rule<'table.missing', Data> = {
  code: 'table.missing',
  severity: 'error',
  figures: [],
  description: { 'zh-CN': '第二、三或四部分没有表格', en: 'section 二, 三 or 四 has no table' },
  messages: {
    'table.missing.active': {
      'zh-CN': '“二、主动公开政府信息情况”下没有表格',
      en: 'Section 二 (主动公开政府信息情况) has no table',
    },
    'table.missing.applications': {
      'zh-CN': '“三、收到和处理政府信息公开申请情况”下没有表格',
      en: 'Section 三 (收到和处理政府信息公开申请情况) has no table',
    },
    'table.missing.review': {
      'zh-CN': '“四、政府信息公开行政复议、行政诉讼情况”下没有表格',
      en: 'Section 四 (行政复议、行政诉讼情况) has no table',
    },
    'table.missing.fix': { 'zh-CN': '插入空白表格', en: 'Insert an empty table' },
  },
  check({ report, text }) {
    const out = [];
    const cut = truncation(report, text);
    for (const s of report.sections) {
      const kind = TABLE_OF_SECTION[s.number];
      if (kind && !report.tables[kind] && cut?.section !== s.number) {
        out.push(
          found(s.headerRange, `table.missing.${kind}`, {}, { sectionNumber: s.number, insertAt: s.headerRange.end }),
        );
      }
    }
    return out;
  },
  safeFix: false,
  fix({ data }, { report, layout }) {
    const kind = data && TABLE_OF_SECTION[data.sectionNumber];
    if (!data || !kind) return [];
    return insertAt(data.insertAt, '\n' + renderTable(kind, report.format, layout), 'table.missing.fix');
  },
};
