/** report.title-missing — no title line naming the organ and the year. Range: the first header. */
import { found, type Rule } from './rule';

export const reportTitleMissing: Rule<'report.title-missing'> = {
  code: 'report.title-missing',
  severity: 'information',
  figures: [],
  description: { 'zh-CN': '没有写明机关名称和年度的标题行', en: 'no title line with organ and year' },
  messages: {
    'report.title-missing': {
      'zh-CN': '未找到写明机关名称和年度的报告标题',
      en: 'No title line naming the organ and the year',
    },
  },
  check({ report }) {
    if (report.title || !report.sections.length) return [];
    // Excerpts that start in the middle (no 一、总体情况) are not expected to carry a title.
    if (report.sections[0]!.number !== 1) return [];
    return [found(report.sections[0]!.headerRange, 'report.title-missing')];
  },
};
