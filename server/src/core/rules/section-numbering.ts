/**
 * section.numbering — a section header's numeral or punctuation is wrong or missing (`二.`,
 * `、主动公开…`, `（二）` for a top-level section), and the same for the sub-headings of
 * 一、总体情况, which number （一）（二）… (`()主动公开…` has lost its numeral; `二.` mixes styles).
 * Range: the numbering (or the header when the numeral is lost). Fix: the canonical numbering (in
 * place of empty brackets, both of them).
 */
import { chineseNumeral } from '../text/normalize';
import { SECTIONS } from '../template';
import { found, type Found, type Rule } from './rule';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The canonical numbering. */
type Data = { replacement: string };

export const sectionNumbering: Rule<'section.numbering', Data> = {
  code: 'section.numbering',
  severity: 'warning',
  figures: [],
  description: {
    'zh-CN': '标题的序号或标点有误或缺失（`二.`、`、主动公开…`）；“总体情况”的（一）至（五）小标题同样检查',
    en: "a header's numeral or punctuation is wrong or lost (`二.`, `、主动公开…`); also the （一）…（五） sub-headings of 总体情况",
  },
  messages: {
    'section.numbering.lost': {
      'zh-CN': '标题缺少序号，应为“{expected}”',
      en: 'The header has lost its numeral: “{expected}” expected',
    },
    'section.numbering.numeral': {
      'zh-CN': '标题序号“{written}”有误，应为“{expected}”',
      en: 'Header numbering “{written}” is wrong: “{expected}” expected',
    },
    'section.numbering.separator': {
      'zh-CN': '标题序号“{written}”的标点有误，应为“{expected}”',
      en: 'Header numbering “{written}” has the wrong punctuation: “{expected}” expected',
    },
    'section.numbering.sub': {
      'zh-CN': '总体情况的小标题序号“{written}”不规范，应为“{expected}”（{heading}）',
      en: 'Sub-heading numbering “{written}” in 总体情况 is irregular: “{expected}” expected ({heading})',
    },
    'section.numbering.sub-lost': {
      'zh-CN': '总体情况的小标题缺少序号，应为“{expected}”（{heading}）',
      en: 'A sub-heading of 总体情况 has lost its numeral: “{expected}” expected ({heading})',
    },
    'section.numbering.fix': { 'zh-CN': '改为“{text}”', en: 'Change to “{text}”' },
  },
  check({ report, text }) {
    const out: Found<Data>[] = [];
    for (const s of report.sections) {
      const def = SECTIONS[s.number - 1]!;
      if (s.numeral === def.numeral && s.separator === '、') continue;
      const written = text.slice(s.headerRange.start, s.headerRange.end);
      const titleAt = written.lastIndexOf(s.title.slice(0, 2));
      const range = { start: s.headerRange.start, end: s.headerRange.start + Math.max(1, titleAt > 0 ? titleAt : 1) };
      const id = !s.numeral
        ? 'section.numbering.lost'
        : s.numeral !== def.numeral
          ? 'section.numbering.numeral'
          : 'section.numbering.separator';
      const expected = `${def.numeral}、`;
      out.push(
        found(
          range,
          id,
          { written: written.slice(0, Math.max(titleAt, 0)) || '∅', expected },
          { replacement: expected },
        ),
      );
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
      const numberingEnd =
        h.range.start + (h.numbering ? text.slice(h.range.start).indexOf(h.numbering.slice(-1)) + 1 : 0);
      const range = { start: h.range.start, end: Math.max(numberingEnd, h.range.start + 1) };
      const id = h.numbering ? 'section.numbering.sub' : 'section.numbering.sub-lost';
      const args = {
        written: h.numbering || text.slice(range.start, range.end),
        expected,
        heading: h.text.slice(0, 20),
      };
      out.push(found(range, id, args, { replacement: expected }));
    });
    return out;
  },
  safeFix: true,
  fix(f, { text }) {
    if (!f.data) return [];
    const title = { id: 'section.numbering.fix', args: { text: f.data.replacement } };
    // A numeral lost from its brackets (`()政府信息管理`): the range holds the `(`; the `)` goes too.
    const { start, end } = f.range;
    const emptyBrackets = end === start + 1 && /[(（]/.test(text[start] ?? '') && /[)）]/.test(text[end] ?? '');
    return [{ title, edits: [{ start, end: emptyBrackets ? end + 1 : end, newText: f.data.replacement }] }];
  },
};
