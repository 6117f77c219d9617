/**
 * section6.fee-missing — 六、其他需要报告的事项 says nothing about 信息处理费 (国办函〔2020〕109号).
 * 2021 format only. Range: the section header. Fix: a sentence saying no fee was charged.
 */
import { found, insertAt, type Rule } from './rule';

const FEE = /信息处理费|处理费|信息费|收取[^。]{0,12}费|收费/;

/** What the fix inserts after the header (the report's own words, not a message). */
const SENTENCE = '\n本年度未收取信息处理费。';

/** Where the sentence goes. */
type Data = { insertAt: number };

export const section6FeeMissing: Rule<'section6.fee-missing', Data> = {
  code: 'section6.fee-missing',
  severity: 'warning',
  figures: [],
  description: {
    'zh-CN': '“六、其他需要报告的事项”未说明信息处理费（2021年格式）',
    en: '六、其他需要报告的事项 says nothing about 信息处理费 (2021 format)',
  },
  messages: {
    'section6.fee-missing': {
      'zh-CN': '“六、其他需要报告的事项”未说明信息处理费的收取情况',
      en: '“六、其他需要报告的事项” says nothing about 信息处理费 (information processing fees)',
    },
    'section6.fee-missing.fix': { 'zh-CN': '补充“本年度未收取信息处理费。”', en: 'Add “本年度未收取信息处理费。”' },
  },
  check({ report, text }) {
    // The 2019 trial format predates 国办函〔2020〕109号; only the 2021 format asks for it.
    if (report.format !== '2021') return [];
    const s = report.sections.find((x) => x.number === 6);
    if (!s) return [];
    const body = text.slice(s.headerRange.end, s.range.end).replace(/\s+/g, '');
    if (FEE.test(body)) return [];
    return [found(s.headerRange, 'section6.fee-missing', {}, { insertAt: s.headerRange.end })];
  },
  safeFix: false,
  fix({ data }) {
    return data ? insertAt(data.insertAt, SENTENCE, 'section6.fee-missing.fix') : [];
  },
};
