/**
 * section.empty — a section whose whole content is 无, 略 or 暂无 (五 above all: a report that states no
 * problem and plans no improvement has not done what 五 asks). Checked for 一、总体情况 and
 * 五、存在的主要问题及改进情况 only: an empty 二, 三 or 四 is `table.missing`; 六 saying 无 is a normal
 * report ("无其他需要报告的事项"), and a 2021-format 六 without the fee is `section6.fee-missing`.
 * A section with no text at all says nothing: the copy may have lost it (an image, a collapsed page
 * element, a cut), and a table of contents lists headers with nothing between them; only what the
 * author wrote is sure. Range: the section header. No fix: what to write is the author's.
 */
import type { Section } from '../model';
import { found, type Found, type Rule } from './rule';

/** Punctuation, markdown and table marks, and whitespace: what is left when they go is the content. */
const MARKS = /[\s。．.,，、;；:：!！?？()（）[\]【】<>《》"'“”‘’#*_|/\\\-—–~·…]+/g;
/** HTML tags and entities (a document read through the HTML parser keeps them in its text). */
const HTML = /<[^<>]{0,2000}>|&[a-z]{2,8};|&#\d{1,6};/gi;

/** What a section says when it says there is nothing. */
const NOTHING = new Set(['无', '略', '暂无']);

/** The sections this rule reads. */
const CHECKED = new Set([1, 5]);

/** Whether the section's whole content is one of NOTHING. */
function saysNothing(text: string, s: Section, html: boolean): boolean {
  const body = text.slice(s.headerRange.end, s.range.end);
  if (body.length > 200) return false;
  return NOTHING.has((html ? body.replace(HTML, '') : body).replace(MARKS, ''));
}

export const sectionEmpty: Rule<'section.empty'> = {
  code: 'section.empty',
  severity: 'warning',
  description: {
    'zh-CN': '某一部分只写了“无”“略”“暂无”（“五、存在的主要问题及改进情况”尤甚）',
    en: 'a section says only 无 / 略 / 暂无 (五 above all)',
  },
  messages: {
    'section.empty': {
      'zh-CN': '“{section}”部分只写了“{written}”，未说明实际情况',
      en: 'Section “{section}” only says “{written}”: it states nothing',
    },
  },
  check({ report, text, source, model }) {
    const out: Found<never>[] = [];
    for (const s of report.sections) {
      if (!CHECKED.has(s.number) || !saysNothing(text, s, model.html)) continue;
      const section = source.slice(s.headerRange.start, s.headerRange.end).trim();
      const body = source.slice(s.headerRange.end, s.range.end);
      const written = (model.html ? body.replace(HTML, '') : body).trim();
      out.push(found(s.headerRange, 'section.empty', { section, written }));
    }
    return out;
  },
};
