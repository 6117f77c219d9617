/**
 * report.year-mismatch — the years a report names for itself disagree: the title's year, the
 * statistics period's (`本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止`) and the tables'
 * (a caption such as `2023年度收到和处理政府信息公开申请情况`). Silent when only one is known, and when a
 * source is unsure of itself (a period from one year to another, captions naming two years).
 * Range: the title, else the statistics period. No fix: which year is right is the author's to say.
 */
import type { Range, Report } from '../model';
import { forEachLine, lineStartAt } from '../text/lines';
import { found, type Rule } from './rule';

/** A year someone wrote, and where. */
export interface YearAt {
  year: number;
  range: Range;
}

const YEAR_IN = /((?:19|20)\d{2})\s*年/;
/** `统计期限…2023年…2023年…` within one sentence. */
const PERIOD = /统计期限[^。\n]{0,12}?((?:19|20)\d{2})\s*年([^。\n]{0,30})/;
/** A table caption: short, no sentence in it, no other figure than the year. */
const CAPTION_LEAD = /^[\s#*|]*(?:表\s*[一二三四1-4]?\s*[:：.、]?\s*)?/;
const NOT_CAPTION = /[，,。；;！!？?]|结转|上年|上一年|下年|统计期限/;

/** The title's year (the first year it names). */
export function titleYear(report: Report, text: string): YearAt | null {
  if (!report.titleRange) return null;
  const t = text.slice(report.titleRange.start, report.titleRange.end);
  const m = YEAR_IN.exec(t);
  if (!m) return null;
  const start = report.titleRange.start + m.index;
  return { year: Number(m[1]), range: { start, end: start + m[0].length } };
}

/** The statistics period's year; null when it spans two years or is not written. */
export function periodYear(report: Report, text: string): YearAt | null {
  const from = report.range.start;
  const slice = text.slice(from, Math.min(report.range.end, from + 20000));
  const m = PERIOD.exec(slice);
  if (!m) return null;
  const end = YEAR_IN.exec(m[2]!);
  if (end && Number(end[1]) !== Number(m[1])) return null;
  return { year: Number(m[1]), range: { start: from + m.index, end: from + m.index + m[0].length } };
}

/** The year the tables' captions give (a short line from a section's header to its table's end, no
 *  sentence, no figure but the year), when they give one year. */
export function tablesYear(report: Report, text: string): YearAt | null {
  const found: YearAt[] = [];
  for (const n of [2, 3, 4]) {
    const s = report.sections.find((x) => x.number === n);
    const t = n === 2 ? report.tables.active : n === 3 ? report.tables.applications : report.tables.review;
    // From the section's header to its table's end: a section without a table has only prose.
    if (!s || !t) continue;
    const end = Math.min(t.range.end, s.range.end);
    // Most lines of a table hold no 年 (YEAR_IN's last character): not sliced. The next 年 is
    // looked for once for all the lines before it (a search per line would scan the same text
    // again for every line of a table without one).
    let y = -1;
    forEachLine(text, lineStartAt(text, s.headerRange.start), end, (pos, nl) => {
      if (y < pos) y = text.indexOf('年', pos);
      if (y < 0) y = text.length;
      if (y >= nl) return;
      const line = text.slice(pos, Math.min(nl, pos + 80));
      const m = YEAR_IN.exec(line);
      if (!m || nl - pos > 60 || NOT_CAPTION.test(line)) return;
      if (/\d/.test(line.replace(CAPTION_LEAD, '').replace(m[0], ''))) return;
      found.push({ year: Number(m[1]), range: { start: pos + m.index, end: pos + m.index + m[0].length } });
    });
  }
  if (!found.length || found.some((f) => f.year !== found[0]!.year)) return null;
  return found[0]!;
}

export const reportYearMismatch: Rule<'report.year-mismatch'> = {
  code: 'report.year-mismatch',
  severity: 'warning',
  description: {
    'zh-CN': '标题年份、统计期限与表格年份不一致',
    en: "the title's year, the statistics period and the tables' year disagree",
  },
  messages: {
    'report.year-mismatch': {
      'zh-CN': '年份不一致：标题为{title}年，统计期限为{period}年，表格标注{tables}年',
      en: 'The years disagree: the title says {title}, the statistics period {period}, the tables {tables}',
    },
    'report.year-mismatch.title-period': {
      'zh-CN': '年份不一致：标题为{title}年，统计期限为{period}年',
      en: 'The years disagree: the title says {title}, the statistics period {period}',
    },
    'report.year-mismatch.title-tables': {
      'zh-CN': '年份不一致：标题为{title}年，表格标注{tables}年',
      en: 'The years disagree: the title says {title}, the tables {tables}',
    },
    'report.year-mismatch.period-tables': {
      'zh-CN': '年份不一致：统计期限为{period}年，表格标注{tables}年',
      en: 'The years disagree: the statistics period says {period}, the tables {tables}',
    },
  },
  check({ report, text }) {
    const years: Record<string, YearAt | null> = {
      title: titleYear(report, text),
      period: periodYear(report, text),
      tables: tablesYear(report, text),
    };
    const known = Object.keys(years).filter((k) => years[k]);
    if (known.length < 2 || known.every((k) => years[k]!.year === years[known[0]!]!.year)) return [];
    const args: Record<string, number> = {};
    for (const k of known) args[k] = years[k]!.year;
    const id = known.length === 3 ? 'report.year-mismatch' : `report.year-mismatch.${known.join('-')}`;
    return [found(years[known[0]!]!.range, id, args)];
  },
};
