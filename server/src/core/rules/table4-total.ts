/**
 * table4.total — in a block of table 四 (行政复议, 直接起诉, 复议后起诉), 总计 ≠ 结果维持 + 结果纠正 +
 * 其他结果 + 尚未审结. Range: the 总计 cell. Fix: the computed value.
 */
import { REVIEW_BLOCKS } from '../template';
import { evaluate } from '../template/arithmetic';
import { fmt, found, replaceWith, type Found, type Rule } from './rule';

/** The computed value (the inlay hints and the preview show it too). */
type Data = { expected: number; replacement: string };

export const table4Total: Rule<'table4.total', Data> = {
  code: 'table4.total',
  severity: 'error',
  figures: ['review'],
  description: {
    'zh-CN': '表四某一栏的总计 ≠ 其四项结果之和',
    en: "a block's 总计 ≠ the sum of its four results",
  },
  messages: {
    'table4.total': {
      'zh-CN': '{block}的总计为{total}，结果维持、结果纠正、其他结果、尚未审结之和为{sum}',
      en: '{block}: 总计 is {total}, its four results add up to {sum}',
    },
    'table4.total.fix': { 'zh-CN': '改为计算值 {value}', en: 'Set to the computed value {value}' },
  },
  check({ report }) {
    const out: Found<Data>[] = [];
    const t = report.tables.review;
    for (const e of t ? evaluate(t, report.format, { only: ['review-block'], failing: true }) : []) {
      const cell = e.left.terms[0]!.cell!;
      if (cell.kind !== 'number' || e.holds !== false) continue;
      const [total, sum] = [e.left.sum!, e.right.sum!];
      const args = { block: REVIEW_BLOCKS[e.block!]!.title, total: fmt(total), sum: fmt(sum) };
      out.push(found(cell.range, 'table4.total', args, { expected: sum, replacement: fmt(sum) }));
    }
    return out;
  },
  safeFix: false,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'table4.total.fix', { value: f.data.replacement }) : [];
  },
};
