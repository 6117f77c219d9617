/**
 * section.title — a known non-canonical wording of a section title (or a known typo). The 2019
 * trial format's own wordings are canonical for 2019-format reports. Range: the title. Fix data:
 * the canonical header.
 */
import { compact } from '../text/normalize';
import { SECTIONS } from '../template';
import { finding, type Rule } from './rule';

const OFFICIAL_2019 = new Set(['因政府信息公开申请行政复议、提起行政诉讼的情况', '政府信息公开工作存在的主要问题及改进情况'].map((t) => compact(t).text));

export const sectionTitle: Rule = {
  code: 'section.title',
  check({ report }) {
    return report.sections
      .filter((s) => s.titleMatch === 'variant' && !(report.format === '2019' && OFFICIAL_2019.has(s.title)))
      .map((s) => {
        const def = SECTIONS[s.number - 1]!;
        return finding('section.title', s.headerRange, 'section.title', { written: s.title, canonical: def.title }, { canonical: `${def.numeral}、${def.title}`, replacement: `${def.numeral}、${def.title}`, sectionNumber: s.number });
      });
  },
};
