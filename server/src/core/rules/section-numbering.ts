/**
 * section.numbering — a section header's numeral or punctuation is wrong or missing (`二.`,
 * `、主动公开…`, `（二）` for a top-level section), and the same for the sub-headings of
 * 一、总体情况, which number （一）（二）… (`()主动公开…` has lost its numeral; `二.` mixes styles).
 * Range: the numbering (or the header when the numeral is lost). Fix data: the canonical text.
 */
import { chineseNumeral } from '../text/normalize';
import { SECTIONS } from '../template';
import { finding, type Rule } from './rule';
import type { Finding } from './findings';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const sectionNumbering: Rule = {
  code: 'section.numbering',
  check({ report, text }) {
    const out: Finding[] = [];
    for (const s of report.sections) {
      const def = SECTIONS[s.number - 1]!;
      if (s.numeral === def.numeral && s.separator === '、') continue;
      const written = text.slice(s.headerRange.start, s.headerRange.end);
      const titleAt = written.lastIndexOf(s.title.slice(0, 2));
      const range = { start: s.headerRange.start, end: s.headerRange.start + Math.max(1, titleAt > 0 ? titleAt : 1) };
      const id = !s.numeral ? 'section.numbering.lost' : s.numeral !== def.numeral ? 'section.numbering.numeral' : 'section.numbering.separator';
      out.push(finding('section.numbering', range, id, { written: written.slice(0, Math.max(titleAt, 0)) || '∅', expected: `${def.numeral}、` }, { replacement: `${def.numeral}、`, sectionNumber: s.number }));
    }
    // Sub-headings of 一、总体情况: （一）（二）… in order.
    const hs = report.overviewHeadings;
    const parenStyle = hs.filter((h) => /^\([一二三四五六七八九十]+\)$/.test(h.numbering)).length;
    hs.forEach((h, i) => {
      const expected = `（${CN[i + 1] ?? i + 1}）`;
      const paren = /^\(([一二三四五六七八九十]+)\)$/.exec(h.numbering);
      const plain = /^([一二三四五六七八九十]+)([、.,])$/.exec(h.numbering);
      let bad = false;
      if (!h.numbering) bad = true;
      else if (paren) bad = chineseNumeral(paren[1]!) !== i + 1;
      else if (plain) bad = parenStyle > 0 || plain[2] !== '、' || chineseNumeral(plain[1]!) !== i + 1;
      if (!bad) return;
      const numberingEnd = h.range.start + (h.numbering ? text.slice(h.range.start).indexOf(h.numbering.slice(-1)) + 1 : 0);
      const range = { start: h.range.start, end: Math.max(numberingEnd, h.range.start + 1) };
      out.push(finding('section.numbering', range, h.numbering ? 'section.numbering.sub' : 'section.numbering.sub-lost', { written: h.numbering || text.slice(range.start, range.end), expected, heading: h.text.slice(0, 20) }, { replacement: expected }));
    });
    return out;
  },
};
