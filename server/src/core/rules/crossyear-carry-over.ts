/**
 * crossyear.carry-over — 二、上年结转 of this year ≠ 四、结转下年度继续办理 of last year's report of
 * the same organ, when that report is known (open, in the workspace folder, among the CLI inputs).
 * Range: the 上年结转 cell. Fix: last year's value.
 */
import { APPLICANT_COLUMNS } from '../template';
import { reportsOf } from './check';
import { fmt, found, num, replaceWith, rowOf, written, type Found, type Rule } from './rule';

/** Last year's value, written as the fix writes it. */
type Data = { replacement: string };

export const crossyearCarryOver: Rule<'crossyear.carry-over', Data> = {
  code: 'crossyear.carry-over',
  severity: 'warning',
  description: {
    'zh-CN': '上年结转 ≠ 上年报告的结转下年度（同一机关的上年报告已打开、在工作区中或在输入之中时）',
    en:
      "上年结转 ≠ last year's 结转下年度, when last year's report of the same organ is open, " +
      'in the workspace or among the inputs',
  },
  messages: {
    'crossyear.carry-over': {
      'zh-CN': '上年结转{value}与{year}年报告的“结转下年度继续办理”{previous}不一致（{column}列，{source}）',
      en: '上年结转 {value} differs from {previous} carried forward in the {year} report ({column} column, {source})',
    },
    'crossyear.carry-over.fix': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  },
  check({ report, others }) {
    if (!report.organ || report.year === null || !rowOf(report.tables.applications, 'carriedOver')) return [];
    // The first of last year's reports of the organ (in the order given) that has table 三.
    const prev = reportsOf(others, report.organ, report.year - 1).find(
      (o) => o.report !== report && o.report.tables.applications,
    );
    const cur = rowOf(report.tables.applications, 'carriedOver');
    const last = rowOf(prev?.report.tables.applications ?? null, 'carriedForward');
    if (!prev || !cur || !last) return [];
    const out: Found<Data>[] = [];
    for (let c = 0; c < 7; c++) {
      if (!written(cur, c)) continue;
      const a = num(cur, c);
      const b = num(last, c);
      if (a === null || b === null || a === b) continue;
      const args = {
        value: fmt(a),
        previous: fmt(b),
        year: report.year - 1,
        column: APPLICANT_COLUMNS[c]!,
        source: prev.source,
      };
      out.push(found(cur.cells[c]!.range, 'crossyear.carry-over', args, { replacement: fmt(b) }));
    }
    return out;
  },
  safeFix: false,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'crossyear.carry-over.fix', { value: f.data.replacement }) : [];
  },
};
