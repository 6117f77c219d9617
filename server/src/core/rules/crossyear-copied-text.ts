/**
 * crossyear.copied-text — a prose section (一, 五, 六) repeats the same section of last year's report
 * of the same organ (crossyear/identity.ts) almost word for word: the Jaccard index of their
 * six-character shingles (figures read alike) is at least THRESHOLD (crossyear/shingles.ts). The
 * message names the share. Range: the section's header. No fix: the text is the organ's to write.
 * Last year's text is known only when whoever listed it sketched its prose (ReportRef.prose).
 */
import { jaccard, proseSketches } from '../crossyear/shingles';
import { reportsOf } from './check';
import { found, type Found, type Rule } from './rule';

/** The share from which two sections read as copies. */
export const THRESHOLD = 0.8;
/** A section shorter than this (distinct shingles, about as many characters) is not compared:
 *  a line such as 无 or a fixed sentence is the same every year by nature. */
export const MIN_SHINGLES = 60;

export const crossyearCopiedText: Rule<'crossyear.copied-text'> = {
  code: 'crossyear.copied-text',
  severity: 'warning',
  description: {
    'zh-CN': '某一部分的文字与上年报告几乎逐字相同（给出相同的比例）',
    en: "the prose of a section repeats last year's report almost word for word (with the share)",
  },
  messages: {
    'crossyear.copied-text': {
      'zh-CN': '本部分文字与{year}年报告的同一部分约{share}%相同，请核实是否照搬上年内容（{source}）',
      en: 'About {share}% of this section repeats the same section of the {year} report: copied from last year? ({source})',
    },
  },
  check({ text, report, others }) {
    if (!report.organ || report.year === null) return [];
    const prev = reportsOf(others, report.organ, report.year - 1).find((o) => o.report !== report && o.prose);
    if (!prev?.prose) return [];
    const out: Found<never>[] = [];
    for (const mine of proseSketches(text, report)) {
      const theirs = prev.prose.find((p) => p.section === mine.section);
      if (!theirs || mine.size < MIN_SHINGLES || theirs.size < MIN_SHINGLES) continue;
      const share = jaccard(mine, theirs);
      if (share < THRESHOLD) continue;
      const section = report.sections.find((s) => s.number === mine.section)!;
      const args = { share: Math.floor(share * 100), year: report.year - 1, source: prev.source };
      out.push(found(section.headerRange, 'crossyear.copied-text', args));
    }
    return out;
  },
};
