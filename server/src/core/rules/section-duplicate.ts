/** section.duplicate — a section appears twice in one report. Range: the second header. */
import { SECTIONS } from '../template';
import { found, type Rule } from './rule';

export const sectionDuplicate: Rule<'section.duplicate'> = {
  code: 'section.duplicate',
  severity: 'warning',
  figures: [],
  description: { 'zh-CN': '同一报告中某一部分出现两次', en: 'a section appears twice in one report' },
  messages: {
    'section.duplicate': {
      'zh-CN': '“{section}”在同一报告中出现了两次',
      en: 'Section “{section}” appears twice in this report',
    },
  },
  check({ report }) {
    const seen = new Set<number>();
    const out = [];
    for (const s of report.sections) {
      const def = SECTIONS[s.number - 1]!;
      if (seen.has(s.number))
        out.push(found(s.headerRange, 'section.duplicate', { section: `${def.numeral}、${def.title}` }));
      seen.add(s.number);
    }
    return out;
  },
};
