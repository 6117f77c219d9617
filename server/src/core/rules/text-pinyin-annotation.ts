/**
 * text.pinyin-annotation — pinyin left after characters by a converter (`號(hào)`). One finding per
 * line. Range: from the first to the last annotation of the line. Fix data: nothing to insert —
 * the fix deletes every annotation in the range (they are found again from the text).
 */
import type { Finding } from './findings';
import { finding, type Rule } from './rule';
import { lineStartAt } from '../text/lines';

export const textPinyinAnnotation: Rule = {
  code: 'text.pinyin-annotation',
  check({ model, report, text, source }) {
    const out: Finding[] = [];
    let line = -1;
    let cur: Finding | null = null;
    let count = 0;
    for (const p of model.pinyin) {
      if (p.start < report.range.start || p.end > report.range.end) continue;
      const ls = lineStartAt(text, p.start);
      if (ls !== line || !cur) {
        if (cur) cur.message.args!.count = count;
        cur = finding('text.pinyin-annotation', p, 'text.pinyin-annotation', { example: `${source[p.start - 1] ?? ''}${source.slice(p.start, p.end)}`, count: 1 }, { replacement: '' });
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
};
