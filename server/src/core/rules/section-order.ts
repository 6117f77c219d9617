/** section.order — a section comes after one with a higher number. Range: its header. */
import { SECTIONS } from '../template';
import { found, type Rule } from './rule';

export const sectionOrder: Rule<'section.order'> = {
  code: 'section.order',
  severity: 'warning',
  figures: [],
  description: { 'zh-CN': '各部分顺序有误', en: 'sections out of order' },
  messages: {
    'section.order': {
      'zh-CN': '“{section}”排在第{after}部分之后，顺序有误',
      en: 'Section “{section}” comes after section {after}: out of order',
    },
  },
  check({ report }) {
    const out = [];
    let max = 0;
    for (const s of report.sections) {
      if (s.number < max) {
        const def = SECTIONS[s.number - 1]!;
        out.push(
          found(s.headerRange, 'section.order', {
            section: `${def.numeral}、${def.title}`,
            after: SECTIONS[max - 1]!.numeral,
          }),
        );
      }
      max = Math.max(max, s.number);
    }
    return out;
  },
};
