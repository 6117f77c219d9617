/**
 * crossyear.carry-over — 二、上年结转 of this year ≠ 四、结转下年度继续办理 of last year's report of
 * the same organ, when that report is known (open, in the workspace folder, among the CLI inputs).
 * Range: the 上年结转 cell. Fix data: last year's value.
 */
import type { Finding } from './findings';
import { APPLICANT_COLUMNS } from '../template';
import { finding, fmt, num, rowOf, written, type Rule } from './rule';

export const crossyearCarryOver: Rule = {
  code: 'crossyear.carry-over',
  check({ report, others }) {
    if (!report.organ || report.year === null || !rowOf(report.tables.applications, 'carriedOver')) return [];
    const prev = others.find((o) => o.organ === report.organ && o.year === report.year! - 1 && o.report.tables.applications);
    const cur = rowOf(report.tables.applications, 'carriedOver');
    const last = rowOf(prev?.report.tables.applications ?? null, 'carriedForward');
    if (!prev || !cur || !last) return [];
    const out: Finding[] = [];
    for (let c = 0; c < 7; c++) {
      if (!written(cur, c)) continue;
      const a = num(cur, c);
      const b = num(last, c);
      if (a === null || b === null || a === b) continue;
      out.push(finding('crossyear.carry-over', cur.cells[c]!.range, 'crossyear.carry-over', { value: fmt(a), previous: fmt(b), year: report.year - 1, column: APPLICANT_COLUMNS[c]!, source: prev.source }, { expected: b, replacement: fmt(b) }));
    }
    return out;
  },
};
