/**
 * overview.topic-missing — 一、总体情况 does not cover one of its five topics (主动公开, 依申请公开,
 * 政府信息管理, 政府信息公开平台建设, 监督保障). Range: the section header.
 */
import { OVERVIEW_TOPICS } from '../template';
import { found, type Rule } from './rule';

export const overviewTopicMissing: Rule<'overview.topic-missing'> = {
  code: 'overview.topic-missing',
  severity: 'information',
  figures: [],
  description: {
    'zh-CN': '“一、总体情况”未涉及五个方面之一',
    en: '一、总体情况 does not cover one of its five topics',
  },
  messages: {
    'overview.topic-missing': {
      'zh-CN': '“一、总体情况”未涉及“{topic}”方面的内容',
      en: '“一、总体情况” does not cover “{topic}”',
    },
  },
  check({ report, text }) {
    const s = report.sections.find((x) => x.number === 1);
    if (!s) return [];
    const body = text.slice(s.headerRange.end, s.range.end).replace(/\s+/g, '');
    return OVERVIEW_TOPICS.filter((t) => !t.words.some((w) => body.includes(w))).map((t) =>
      found(s.headerRange, 'overview.topic-missing', { topic: t.title }),
    );
  },
};
