/** One report from its headers and title: sections, year, format, tables, sub-headings. */
import { forEachLine } from '../text/lines';
import type { ParseNote, Range, Report, Section, SubHeading, Table } from '../model';
import { readActive, readApplications, readReview } from './tables';
import { type Format } from '../template';
import { NUMERALS } from '../template/vocabulary';
import type { HeaderCandidate } from './headers';
import { yearFromText, type TitleInfo } from './title';

export function buildReport(text: string, range: Range, headers: HeaderCandidate[], title: TitleInfo | null): Report {
  const notes: ParseNote[] = [];
  const sections: Section[] = headers.map((h, i) => ({
    number: h.number,
    title: h.title,
    numeral: h.numeral,
    separator: h.separator,
    headerRange: { start: h.start, end: h.end },
    range: { start: h.start, end: headers[i + 1]?.start ?? range.end },
    titleMatch: h.titleMatch,
  }));
  const year = title?.year ?? yearFromText(text, range);
  const hint: Format = year !== null && year <= 2020 ? '2019' : '2021';
  const sec = (n: number) => sections.find((s) => s.number === n);
  const s2 = sec(2);
  const s3 = sec(3);
  const s4 = sec(4);
  let active: Table | null = null;
  let format: Format = hint;
  let formatEvidence: Report['formatEvidence'] = year !== null ? 'year' : 'default';
  if (s2) {
    const r = readActive(text, s2.headerRange.end, s2.range.end, hint, notes);
    if (r.table.rows.length) active = r.table;
    if (r.format) {
      format = r.format;
      formatEvidence = 'table2-header';
      if (r.format !== hint) {
        const again = readActive(text, s2.headerRange.end, s2.range.end, r.format, []).table;
        active = again.rows.length ? again : null;
      }
    }
  }
  let applications: Table | null = null;
  if (s3) {
    let notes3: ParseNote[] = [];
    applications = readApplications(text, s3.headerRange.end, s3.range.end, format, notes3);
    if (formatEvidence !== 'table2-header') {
      const f = formatFromTable3(applications, year);
      if (f && f !== format) {
        format = f;
        formatEvidence = 'table3-rows';
        notes3 = [];
        applications = readApplications(text, s3.headerRange.end, s3.range.end, format, notes3);
      }
    }
    for (const n of notes3) notes.push(n);
    if (!applications.rows.length) applications = null;
  }
  let review: Table | null = null;
  if (s4) {
    review = readReview(text, s4.headerRange.end, s4.range.end, notes);
    if (!review.rows.length) review = null;
  }
  const overviewHeadings = sec(1) ? subHeadings(text, sec(1)!.headerRange.end, sec(1)!.range.end) : [];
  return {
    range,
    title: title?.title ?? null,
    titleRange: title?.range ?? null,
    organ: title?.organ ?? null,
    year,
    format,
    formatEvidence,
    sections,
    overviewHeadings,
    tables: { active, applications, review },
    notes,
  };
}

/** Table 三 tells the format when table 二 did not: （六） with sub-items is 2021; a single （六）
 *  row is 2019 when no year says otherwise. */
export function formatFromTable3(t: Table, year: number | null): Format | null {
  const has2021Other = t.rows.some((r) => r.key.startsWith('other.'));
  const has2019Other = t.rows.some((r) => r.key === 'other');
  return has2021Other ? '2021' : has2019Other && year === null ? '2019' : null;
}

const SUB_HEADING = new RegExp(
  `^\\s*(?:#+\\s*)?(\\(([${NUMERALS}]{0,2})\\)|[（(]\\s*[)）]|` +
    `([${NUMERALS}]{1,2})[、.,](?=\\s*[\\u4e00-\\u9fff]))\\s*([^\\n]{0,60})`,
);

export function subHeadings(text: string, start: number, end: number): SubHeading[] {
  const out: SubHeading[] = [];
  forEachLine(text, start, end, (pos, nl) => {
    const line = text.slice(pos, nl);
    const m = SUB_HEADING.exec(line);
    if (m) {
      const s = pos + line.indexOf(m[1]!);
      const body = m[4]!.split(/[。；;]/)[0]!.replace(/\s+/g, '');
      const numbering = m[2] || m[3] ? m[1]!.replace(/\s+/g, '') : '';
      out.push({ numbering, text: body, range: { start: s, end: pos + m[0].length } });
    }
  });
  return out;
}
