// Auto detection (the editor analyses a plain text, Markdown or HTML document only when it reads as a
// report): section names alone — a notice asking for the reports, a README listing the outline — are
// not a report; tables or the template's table captions are.
import assert from 'node:assert/strict';
import test from 'node:test';
import { openDocument, renderSkeleton } from '../../server/src/core';
import { byPrefix, corpusFiles, readCorpus } from './helpers';

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

test('a notice that lists the sections of the report it asks for is not a report', () => {
  const notice = [
    '关于做好2024年度政府信息公开工作年度报告编制和发布工作的通知',
    '各县（市、区）人民政府办公室：',
    '年度报告应包括以下内容：',
    ...SECTIONS,
    '请于1月20日前将年度报告报送市政务公开办。',
  ].join('\n');
  assert.equal(openDocument(notice).looksLikeReport(), false);
});

test('a README that lists the section names (Markdown headings, a bulleted outline) is not a report', () => {
  const headings = ['# 年报模板说明', '', ...SECTIONS.map((s) => `## ${s}\n\n本节说明。\n`)].join('\n');
  assert.equal(openDocument(headings).looksLikeReport(), false);
  const bullets = ['# 政府信息公开工作年度报告', '', '目录：', ...SECTIONS.map((s) => `- ${s}`)].join('\n');
  assert.equal(openDocument(bullets).looksLikeReport(), false);
});

test('a real report, the template skeleton and a report with one table are reports', () => {
  assert.equal(openDocument(readCorpus(byPrefix('000'))).looksLikeReport(), true);
  assert.equal(openDocument(renderSkeleton('2021', 'pipe')).looksLikeReport(), true);
  const one = [
    '某某县人民政府2024年政府信息公开工作年度报告',
    SECTIONS[0],
    '本年度，我县认真贯彻落实。',
    SECTIONS[1],
    '第二十条第（一）项',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
    '规章 | 0 | 0 | 0',
    '行政规范性文件 | 3 | 1 | 20',
  ].join('\n');
  assert.equal(openDocument(one).looksLikeReport(), true);
});

test('every corpus report but five fragments (one section or table, or none) is taken for a report', () => {
  const missed = corpusFiles().filter(
    (f) => !/\.(pdf|docx)$/.test(f) && !openDocument(readCorpus(f)).looksLikeReport(),
  );
  // the same five as before tables were asked for: each shows one section or one table at most
  const fragments = ['real-014', 'real-023', 'real-024', 'real-026', 'real-027'];
  assert.deepEqual(
    missed.map((f) => f.slice(0, 8)),
    fragments,
  );
});
