/**
 * text.pinyin-annotation — pinyin left after characters by a converter (`號(hào)`). A habit of the
 * whole text, so one finding per report: the message counts the annotations, the range is the first
 * one, the others are related information (at most RELATED_MAX; the last listed one says how many
 * more there are). Fix: every annotation of the report deleted (found again from the text); it
 * writes no figure, so fix-all applies it.
 */
import type { Range } from '../model';
import { lastAtOrBefore } from '../text/lines';
import type { Related } from './findings';
import { found, type Found, type Rule } from './rule';

/** The annotations inside `range`, found by a binary search (they are in text order): a report of
 *  a document read whole does not read every annotation of the document. */
function within(pinyin: readonly Range[], range: Range): Range[] {
  const out: Range[] = [];
  let i = pinyin.length ? lastAtOrBefore(pinyin, range.start, (p) => p.start) : 0;
  if (pinyin[i] && pinyin[i]!.start < range.start) i++;
  for (; i < pinyin.length && pinyin[i]!.start < range.end; i++) if (pinyin[i]!.end <= range.end) out.push(pinyin[i]!);
  return out;
}

/** How many other annotations the finding lists as related information. */
export const RELATED_MAX = 20;

export const textPinyinAnnotation: Rule<'text.pinyin-annotation'> = {
  code: 'text.pinyin-annotation',
  severity: 'warning',
  figures: [],
  description: { 'zh-CN': '转换工具残留的拼音注音（`號(hào)`）', en: 'pinyin left by a converter (`號(hào)`)' },
  messages: {
    'text.pinyin-annotation': {
      'zh-CN': '转换残留的拼音注音（如“{example}”），本报告共{count}处',
      en: 'Pinyin left by a converter (e.g. “{example}”), {count} in this report',
    },
    'text.pinyin-annotation.related': { 'zh-CN': '拼音注音“{example}”', en: 'Pinyin “{example}”' },
    'text.pinyin-annotation.related-more': {
      'zh-CN': '拼音注音“{example}”；另有{more}处未列出',
      en: 'Pinyin “{example}”; {more} more not listed',
    },
    'text.pinyin-annotation.fix': { 'zh-CN': '删除拼音注音', en: 'Remove the pinyin annotation' },
    'text.pinyin-annotation.fix-all': {
      'zh-CN': '删除全部{count}处拼音注音',
      en: 'Remove all {count} pinyin annotations',
    },
  },
  check({ model, report, source }) {
    const inReport = within(model.pinyin, report.range);
    const first = inReport[0];
    if (!first) return [];
    const example = (p: Range) => `${source[p.start - 1] ?? ''}${source.slice(p.start, p.end)}`;
    const f: Found<never> = found(first, 'text.pinyin-annotation', { example: example(first), count: inReport.length });
    const related: Related[] = [];
    const listed = Math.min(inReport.length - 1, RELATED_MAX);
    for (let i = 1; i <= listed; i++) {
      const p = inReport[i]!;
      const more = inReport.length - 1 - listed;
      related.push({
        range: { start: p.start, end: p.end },
        message:
          i === listed && more > 0
            ? { id: 'text.pinyin-annotation.related-more', args: { example: example(p), more } }
            : { id: 'text.pinyin-annotation.related', args: { example: example(p) } },
      });
    }
    if (related.length) f.related = related;
    return [f];
  },
  safeFix: true,
  fix(_f, { pinyin, report }) {
    const inReport = within(pinyin, report.range);
    if (!inReport.length) return [];
    const title =
      inReport.length === 1
        ? { id: 'text.pinyin-annotation.fix' }
        : { id: 'text.pinyin-annotation.fix-all', args: { count: inReport.length } };
    return [{ title, edits: inReport.map((p) => ({ start: p.start, end: p.end, newText: '' })) }];
  },
};
