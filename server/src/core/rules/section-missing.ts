/**
 * section.missing — one of the six sections is absent.
 * Range: the first line of the section's table when it was found without its heading (a report
 * without headings), else the header (or such a table) of the next section present, or the last one.
 * Fix: the canonical header inserted there, with the section's empty table when it has one and
 * none was found (a table that was found gets its heading alone).
 * The sections after the cut of a truncated text are left to report.truncated.
 */
import type { Range, Report } from '../model';
import { SECTIONS } from '../template';
import { renderTable } from '../features/render';
import { lineEndAt, lineStartAt } from '../text/lines';
import { found, insertAt, type Rule } from './rule';
import { TABLE_OF_SECTION } from './table-missing';
import { truncation } from './report-truncated';

/** The missing section and where it goes. */
type Data = { sectionNumber: number; canonical: string; insertAt: number; tableFound: boolean };

/** A place that shows a section: its header, or its table found without one. */
interface Mark {
  number: number;
  range: Range;
  at: number;
  table: boolean;
}

/** The headers of a report and the tables it holds without their heading, in text order. */
function marks(report: Report, text: string): Mark[] {
  const out: Mark[] = report.sections.map((s) => ({
    number: s.number,
    range: s.headerRange,
    at: lineStartAt(text, s.headerRange.start),
    table: false,
  }));
  for (const [n, kind] of Object.entries(TABLE_OF_SECTION)) {
    const t = report.tables[kind];
    if (!t || report.sections.some((s) => s.number === Number(n))) continue;
    out.push({ number: Number(n), range: firstLine(text, t.range), at: lineStartAt(text, t.range.start), table: true });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The first non-blank line of a range, without its surrounding whitespace. */
function firstLine(text: string, r: Range): Range {
  let s = r.start;
  while (s < r.end && /\s/.test(text[s]!)) s++;
  let e = Math.min(lineEndAt(text, s), r.end);
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** What an inserted, still empty section may raise in its own text (features/fixes.ts accepts it). */
const EXPECTED_IN_INSERTED: Readonly<Record<number, readonly string[]>> = {
  1: ['overview.topic-missing', 'report.title-missing'],
  6: ['section6.fee-missing'],
};

export const sectionMissing: Rule<'section.missing', Data> = {
  code: 'section.missing',
  severity: 'error',
  figures: [],
  description: { 'zh-CN': '六个部分之一缺失', en: 'one of the six sections is absent' },
  messages: {
    'section.missing': { 'zh-CN': '缺少“{section}”部分', en: 'Section “{section}” is missing' },
    'section.missing.fix': { 'zh-CN': '插入“{section}”', en: 'Insert “{section}”' },
  },
  check({ report, text }) {
    const ms = marks(report, text);
    if (!ms.length) return [];
    const out = [];
    // The sections after a cut are report.truncated's one finding.
    const cut = truncation(report, text);
    for (const def of SECTIONS) {
      if (report.sections.some((s) => s.number === def.number)) continue;
      if (cut && def.number > cut.section) continue;
      const own = ms.find((m) => m.number === def.number);
      const next = own ?? ms.find((m) => m.number > def.number);
      const anchor = next ?? ms[ms.length - 1]!;
      const at = next ? next.at : report.range.end;
      const canonical = `${def.numeral}、${def.title}`;
      out.push(
        found(
          anchor.range,
          'section.missing',
          { section: canonical },
          { sectionNumber: def.number, canonical, insertAt: at, tableFound: !!own },
        ),
      );
    }
    return out;
  },
  safeFix: true,
  fix({ data }, { text, report, layout }) {
    if (!data) return [];
    const kind = TABLE_OF_SECTION[data.sectionNumber];
    const body = kind && !data.tableFound ? renderTable(kind, report.format, layout) + '\n' : '';
    const lead = data.insertAt > 0 && text[data.insertAt - 1] !== '\n' ? '\n' : '';
    const fix = insertAt(data.insertAt, `${lead}${data.canonical}\n${body}`, 'section.missing.fix', {
      section: data.canonical,
    });
    // The new heading stands for a section still to be written: what its own rules say of an empty
    // 一 or 六 (and, once 一 is there, of the missing title) is expected, not a new problem.
    const expects = EXPECTED_IN_INSERTED[data.sectionNumber];
    return expects ? fix.map((c) => ({ ...c, expects })) : fix;
  },
};
