/**
 * section.missing — one of the six sections is absent.
 * Range: the header of the next section present (where the missing one belongs), or the last one.
 * Fix: the canonical header inserted there, with the section's empty table when it has one.
 * The sections after the cut of a truncated text are left to report.truncated.
 */
import { SECTIONS } from '../template';
import { renderTable } from '../features/render';
import { lineStartAt } from '../text/lines';
import { found, insertAt, type Rule } from './rule';
import { TABLE_OF_SECTION } from './table-missing';
import { truncation } from './report-truncated';

/** The missing section and where it goes. */
type Data = { sectionNumber: number; canonical: string; insertAt: number };

export const sectionMissing: Rule<'section.missing', Data> = {
  code: 'section.missing',
  severity: 'error',
  description: { 'zh-CN': '六个部分之一缺失', en: 'one of the six sections is absent' },
  messages: {
    'section.missing': { 'zh-CN': '缺少“{section}”部分', en: 'Section “{section}” is missing' },
    'section.missing.fix': { 'zh-CN': '插入“{section}”', en: 'Insert “{section}”' },
  },
  check({ report, text }) {
    if (!report.sections.length) return [];
    const out = [];
    // The sections after a cut are report.truncated's one finding.
    const cut = truncation(report, text);
    for (const def of SECTIONS) {
      if (report.sections.some((s) => s.number === def.number)) continue;
      if (cut && def.number > cut.section) continue;
      const next = report.sections.find((s) => s.number > def.number);
      const last = report.sections[report.sections.length - 1]!;
      const anchor = next ?? last;
      const at = next ? lineStartAt(text, next.headerRange.start) : report.range.end;
      const canonical = `${def.numeral}、${def.title}`;
      out.push(
        found(
          anchor.headerRange,
          'section.missing',
          { section: canonical },
          { sectionNumber: def.number, canonical, insertAt: at },
        ),
      );
    }
    return out;
  },
  safeFix: true,
  fix({ data }, { text, report, layout }) {
    if (!data) return [];
    const kind = TABLE_OF_SECTION[data.sectionNumber];
    const body = kind ? renderTable(kind, report.format, layout) + '\n' : '';
    const lead = data.insertAt > 0 && text[data.insertAt - 1] !== '\n' ? '\n' : '';
    return insertAt(data.insertAt, `${lead}${data.canonical}\n${body}`, 'section.missing.fix', {
      section: data.canonical,
    });
  },
};
