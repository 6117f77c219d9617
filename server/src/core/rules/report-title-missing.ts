/** report.title-missing — no title line naming the organ and the year. Range: the first header. */
import { finding, type Rule } from './rule';

export const reportTitleMissing: Rule = {
  code: 'report.title-missing',
  check({ report }) {
    if (report.title || !report.sections.length) return [];
    // Excerpts that start in the middle (no 一、总体情况) are not expected to carry a title.
    if (report.sections[0]!.number !== 1) return [];
    return [finding('report.title-missing', report.sections[0]!.headerRange, 'report.title-missing')];
  },
};
