/** table.missing — section 二, 三 or 四 has no table. Range: the section header. Fix data: an empty table. */
import { finding, type Rule } from './rule';

const KIND = { 2: 'active', 3: 'applications', 4: 'review' } as const;

export const tableMissing: Rule = {
  code: 'table.missing',
  check({ report }) {
    const out = [];
    for (const s of report.sections) {
      const kind = KIND[s.number as 2 | 3 | 4];
      if (kind && !report.tables[kind]) out.push(finding('table.missing', s.headerRange, `table.missing.${kind}`, {}, { sectionNumber: s.number, insertAt: s.headerRange.end }));
    }
    return out;
  },
};
