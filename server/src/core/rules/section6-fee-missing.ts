/**
 * section6.fee-missing — 六、其他需要报告的事项 says nothing about 信息处理费 (国办函〔2020〕109号).
 * 2021 format only. Range: the section header. Fix data: a sentence to insert.
 */
import { finding, type Rule } from './rule';

const FEE = /信息处理费|处理费|信息费|收取[^。]{0,12}费|收费/;

export const section6FeeMissing: Rule = {
  code: 'section6.fee-missing',
  check({ report, text }) {
    // The 2019 trial format predates 国办函〔2020〕109号; only the 2021 format asks for it.
    if (report.format !== '2021') return [];
    const s = report.sections.find((x) => x.number === 6);
    if (!s) return [];
    const body = text.slice(s.headerRange.end, s.range.end).replace(/\s+/g, '');
    if (FEE.test(body)) return [];
    return [finding('section6.fee-missing', s.headerRange, 'section6.fee-missing', {}, { insertAt: s.headerRange.end, insertText: '\n本年度未收取信息处理费。' })];
  },
};
