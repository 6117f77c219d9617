/**
 * section.title — a known non-canonical wording of a section title (or a known typo). The 2019
 * trial format's own wordings are canonical for 2019-format reports. Range: the header.
 * Fix: the canonical header.
 */
import { compact } from '../text/normalize';
import { SECTIONS } from '../template';
import { found, replaceWith, type Rule } from './rule';

const OFFICIAL_2019 = new Set(
  ['因政府信息公开申请行政复议、提起行政诉讼的情况', '政府信息公开工作存在的主要问题及改进情况'].map(
    (t) => compact(t).text,
  ),
);

/** The canonical header. */
type Data = { replacement: string };

export const sectionTitle: Rule<'section.title', Data> = {
  code: 'section.title',
  severity: 'information',
  figures: [],
  description: { 'zh-CN': '部分标题采用了已知的非规范写法', en: 'a known non-canonical wording of a section title' },
  messages: {
    'section.title': {
      'zh-CN': '标题“{written}”不是规范写法，规范标题为“{canonical}”',
      en: 'Title “{written}” is not the canonical wording “{canonical}”',
    },
    'section.title.fix': { 'zh-CN': '改为规范标题“{text}”', en: 'Use the canonical title “{text}”' },
  },
  check({ report }) {
    return report.sections
      .filter((s) => s.titleMatch === 'variant' && !(report.format === '2019' && OFFICIAL_2019.has(s.title)))
      .map((s) => {
        const def = SECTIONS[s.number - 1]!;
        const header = `${def.numeral}、${def.title}`;
        return found(
          s.headerRange,
          'section.title',
          { written: s.title, canonical: def.title },
          { replacement: header },
        );
      });
  },
  safeFix: true,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'section.title.fix', { text: f.data.replacement }) : [];
  },
};
