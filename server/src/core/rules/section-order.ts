/** section.order — a section comes after one with a higher number. Range: its header. */
import { SECTIONS } from '../template';
import { finding, type Rule } from './rule';

export const sectionOrder: Rule = {
  code: 'section.order',
  check({ report }) {
    const out = [];
    let max = 0;
    for (const s of report.sections) {
      if (s.number < max) out.push(finding('section.order', s.headerRange, 'section.order', { section: `${SECTIONS[s.number - 1]!.numeral}、${SECTIONS[s.number - 1]!.title}`, after: SECTIONS[max - 1]!.numeral }));
      max = Math.max(max, s.number);
    }
    return out;
  },
};
