/**
 * crossyear.current-documents — table 二's 现行有效件数 of 规章 or 行政规范性文件 ≠ last year's 现行有效
 * + this year's 本年制发 − 本年废止, when last year's report of the same organ (crossyear/identity.ts)
 * is known and both are in the 2021 format (the 2019 format counts other things). Range: the 现行有效
 * cell. No fix: which of the four figures is wrong the text does not say.
 */
import { ACTIVE_2021 } from '../template';
import { reportsOf } from './check';
import { fmt, found, num, rowOf, written, type Found, type Rule } from './rule';

/** The rows compared, with their labels (table 二's first caption). */
const ROWS = ACTIVE_2021.captions[0]!.rows;
const MADE = 0;
const REPEALED = 1;
const CURRENT = 2;

export const crossyearCurrentDocuments: Rule<'crossyear.current-documents'> = {
  code: 'crossyear.current-documents',
  severity: 'warning',
  description: {
    'zh-CN': '现行有效件数 ≠ 上年报告的现行有效件数 + 本年制发 − 本年废止（规章、行政规范性文件）',
    en: "现行有效 ≠ last year's 现行有效 + this year's 本年制发 − 本年废止 (规章, 行政规范性文件)",
  },
  messages: {
    'crossyear.current-documents': {
      'zh-CN':
        '{row}现行有效件数{value}与{year}年报告的现行有效件数{previous}＋本年制发{made}－本年废止{repealed}＝{expected}不一致（{source}）',
      en:
        '{row}: {value} in force differs from {previous} in force in the {year} report + {made} made ' +
        '− {repealed} repealed = {expected} ({source})',
    },
  },
  check({ report, others }) {
    if (!report.organ || report.year === null || report.format !== '2021' || !report.tables.active) return [];
    const prev = reportsOf(others, report.organ, report.year - 1).find(
      (o) => o.report !== report && o.report.format === '2021' && o.report.tables.active,
    );
    if (!prev) return [];
    const out: Found<never>[] = [];
    for (const def of ROWS) {
      const cur = rowOf(report.tables.active, def.key);
      const last = rowOf(prev.report.tables.active, def.key);
      if (!cur || !written(cur, CURRENT)) continue;
      const made = num(cur, MADE);
      const repealed = num(cur, REPEALED);
      const value = num(cur, CURRENT);
      const previous = num(last, CURRENT);
      if (made === null || repealed === null || value === null || previous === null) continue;
      const expected = previous + made - repealed;
      if (expected === value) continue;
      const args = {
        row: def.label,
        value: fmt(value),
        previous: fmt(previous),
        made: fmt(made),
        repealed: fmt(repealed),
        expected: fmt(expected),
        year: report.year - 1,
        source: prev.source,
      };
      out.push(found(cur.cells[CURRENT]!.range, 'crossyear.current-documents', args));
    }
    return out;
  },
};
