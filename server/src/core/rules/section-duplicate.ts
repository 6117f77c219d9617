/** section.duplicate — a section appears twice in one report. Range: the second header. */
import { SECTIONS } from '../template';
import { finding, type Rule } from './rule';

export const sectionDuplicate: Rule = {
  code: 'section.duplicate',
  check({ report }) {
    const seen = new Set<number>();
    const out = [];
    for (const s of report.sections) {
      if (seen.has(s.number)) out.push(finding('section.duplicate', s.headerRange, 'section.duplicate', { section: `${SECTIONS[s.number - 1]!.numeral}、${SECTIONS[s.number - 1]!.title}` }));
      seen.add(s.number);
    }
    return out;
  },
};
