/**
 * section.missing — one of the six sections is absent.
 * Range: the header of the next section present (where the missing one belongs), or the last one.
 * Fix data: the canonical header and where to insert it.
 */
import { SECTIONS } from '../template';
import { finding, type Rule } from './rule';
import { lineStartAt } from '../text/lines';

export const sectionMissing: Rule = {
  code: 'section.missing',
  check({ report, text }) {
    if (!report.sections.length) return [];
    const out = [];
    for (const def of SECTIONS) {
      if (report.sections.some((s) => s.number === def.number)) continue;
      const next = report.sections.find((s) => s.number > def.number);
      const last = report.sections[report.sections.length - 1]!;
      const anchor = next ?? last;
      const insertAt = next ? lineStartAt(text, next.headerRange.start) : report.range.end;
      const canonical = `${def.numeral}、${def.title}`;
      out.push(
        finding('section.missing', anchor.headerRange, 'section.missing', { section: canonical }, { sectionNumber: def.number, canonical, insertAt, insertText: `${canonical}\n` }),
      );
    }
    return out;
  },
};
