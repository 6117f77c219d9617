/**
 * report.format-year — the format does not fit the year: the 2019 trial format (国办公开办函〔2019〕60号)
 * in a report on 2021 or later, or the 2021 format (国办公开办函〔2021〕30号, issued in September 2021)
 * in a report on 2019 or 2020. The year is the title's or the statistics period's (silent when they
 * disagree: that is `report.year-mismatch`, or when neither is written); the format is the one table
 * 二's header words show, and table 三 must not say otherwise (silent when the tables are unsure).
 * Reports on years before 2019 used neither format: silent. Range: section 二's header. No fix.
 */
import type { Format } from '../template';
import type { Report } from '../model';
import { found, type Rule } from './rule';
import { periodYear, titleYear } from './report-year-mismatch';

/** Words of the 2021 format's items under （六）其他处理 (the 2019 format has one row there). */
const ITEMS_2021 = /逾期不补正|收费通知/;

/** The format the tables show for sure, or null. */
function tablesFormat(report: Report, text: string): Format | null {
  if (report.formatEvidence !== 'table2-header') return null;
  const active = report.tables.active;
  // A label of the other format in table 二: the table mixes the two.
  if (!active || active.rows.some((r) => r.match === 'variant')) return null;
  const t = report.tables.applications;
  const rows = t?.rows ?? [];
  // Read as 2019, the 2021 items are no rows: their words still show in the table's text.
  const t3: Format | null =
    rows.some((r) => r.key.startsWith('other.')) || (t && ITEMS_2021.test(text.slice(t.range.start, t.range.end)))
      ? '2021'
      : rows.some((r) => r.key === 'other')
        ? '2019'
        : null;
  if (t3 && t3 !== report.format) return null;
  return report.format;
}

export const reportFormatYear: Rule<'report.format-year'> = {
  code: 'report.format-year',
  severity: 'warning',
  description: {
    'zh-CN': '2021年及以后的报告使用了2019年试行格式，或2019、2020年的报告使用了2021年格式',
    en: 'the 2019 trial format used for a report on 2021 or later, or the 2021 format for 2019/2020',
  },
  messages: {
    'report.format-year.old': {
      'zh-CN': '{year}年度报告使用了2019年试行格式；2021年及以后的报告应使用2021年格式（国办公开办函〔2021〕30号）',
      en: 'A report on {year} uses the 2019 trial format; reports on 2021 and later use the 2021 format',
    },
    'report.format-year.new': {
      'zh-CN': '{year}年度报告使用了2021年格式；2019、2020年的报告应使用2019年试行格式（国办公开办函〔2019〕60号）',
      en: 'A report on {year} uses the 2021 format; reports on 2019 and 2020 use the 2019 trial format',
    },
  },
  check({ report, text }) {
    const t = titleYear(report, text);
    const p = periodYear(report, text);
    if (t && p && t.year !== p.year) return [];
    const year = (t ?? p)?.year;
    if (year === undefined || year < 2019) return [];
    const format = tablesFormat(report, text);
    if (!format) return [];
    const s2 = report.sections.find((s) => s.number === 2);
    const range = s2?.headerRange ?? report.tables.active!.range;
    if (format === '2019' && year >= 2021) return [found(range, 'report.format-year.old', { year })];
    if (format === '2021' && year <= 2020) return [found(range, 'report.format-year.new', { year })];
    return [];
  },
};
