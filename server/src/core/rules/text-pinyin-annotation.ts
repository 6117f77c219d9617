/**
 * text.pinyin-annotation — pinyin left after characters by a converter (`號(hào)`). One finding per
 * line. Range: from the first to the last annotation of the line. Fix: every annotation in the range
 * deleted (they are found again from the text); or every annotation of the report.
 */
import { lineStartAt } from '../text/lines';
import { found, type Found, type Rule } from './rule';

export const textPinyinAnnotation: Rule<'text.pinyin-annotation'> = {
  code: 'text.pinyin-annotation',
  severity: 'warning',
  description: { 'zh-CN': '转换工具残留的拼音注音（`號(hào)`）', en: 'pinyin left by a converter (`號(hào)`)' },
  messages: {
    'text.pinyin-annotation': {
      'zh-CN': '转换残留的拼音注音（如“{example}”），本行共{count}处',
      en: 'Pinyin left by a converter (e.g. “{example}”), {count} on this line',
    },
    'text.pinyin-annotation.fix': { 'zh-CN': '删除本行的拼音注音', en: 'Remove the pinyin on this line' },
    'text.pinyin-annotation.fix-all': { 'zh-CN': '删除全部拼音注音', en: 'Remove all pinyin annotations' },
  },
  check({ model, report, text, source }) {
    const out: Found<never>[] = [];
    let line = -1;
    let cur: Found<never> | null = null;
    let count = 0;
    for (const p of model.pinyin) {
      if (p.start < report.range.start || p.end > report.range.end) continue;
      const ls = lineStartAt(text, p.start);
      if (ls !== line || !cur) {
        if (cur) cur.message.args!.count = count;
        cur = found(p, 'text.pinyin-annotation', {
          example: `${source[p.start - 1] ?? ''}${source.slice(p.start, p.end)}`,
          count: 1,
        });
        out.push(cur);
        line = ls;
        count = 0;
      }
      cur.range.end = p.end;
      count++;
    }
    if (cur) cur.message.args!.count = count;
    return out;
  },
  safeFix: true,
  fix(f, { pinyin }) {
    const inRange = pinyin.filter((p) => p.start >= f.range.start && p.end <= f.range.end);
    if (!inRange.length) return [];
    return [
      {
        title: { id: 'text.pinyin-annotation.fix' },
        edits: inRange.map((p) => ({ start: p.start, end: p.end, newText: '' })),
      },
      {
        title: { id: 'text.pinyin-annotation.fix-all' },
        edits: pinyin.map((p) => ({ start: p.start, end: p.end, newText: '' })),
        removes: 'code',
      },
    ];
  },
};
