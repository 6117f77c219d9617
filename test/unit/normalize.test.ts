import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analysisText,
  compact,
  findPinyinAnnotations,
  isTraditional,
  similarity,
} from '../../server/src/core/text/normalize';

test('analysis text keeps every offset: full-width, Traditional and pinyin become Simplified half-width', () => {
  const src = '（七）總計(jì)　１２３ 政府信息公開工作年度報告 處理 申請 機關 辦結 數量';
  const a = analysisText(src);
  assert.equal(a.text.length, src.length);
  assert.equal(a.text.replace(/\s+/g, ''), '(七)总计123政府信息公开工作年度报告处理申请机关办结数量');
});

test('analysis text keeps a lone surrogate as it is, in a long text and in a long compact key', () => {
  // Long enough for the fast way of making the string, which would replace a lone surrogate.
  const src = '（七）总计' + '一'.repeat(80) + '\ud800' + '二'.repeat(80) + '\udc00１';
  const a = analysisText(src).text;
  assert.equal(a.length, src.length);
  assert.equal(a, '(七)总计' + '一'.repeat(80) + '\ud800' + '二'.repeat(80) + '\udc001');
  assert.equal(compact(src).text, a);
  // A Traditional text (its swapped words looked up in the Simplified text) the same.
  const trad = '政府信息公開工作年度報告 總計 處理 申請 機關 辦結 數量 ' + '資訊'.repeat(40) + '\ud800';
  const t = analysisText(trad).text;
  assert.equal(t.length, trad.length);
  assert.equal(t.at(-1), '\ud800');
});

test('pinyin annotations are found after characters only, not in prose parentheses', () => {
  const t = '文號(hào) 總計(jì) 说明(见附件)';
  assert.deepEqual(
    findPinyinAnnotations(t).map((p) => t.slice(p.start, p.end)),
    ['(hào)', '(jì)'],
  );
  assert.deepEqual(findPinyinAnnotations('函数(abc)'), []);
});

test('Traditional detection needs more than a stray character', () => {
  assert.equal(isTraditional('政府信息公開'), false);
  assert.equal(isTraditional('政府信息公開工作年度報告 總計 處理 申請 機關 辦結 數量 關於'), true);
});

test('compact keys drop spaces and quotes, unify brackets and 1、, and map back to the source', () => {
  const src = '3. 危及 “三安全 一稳定”  4、保护';
  const c = compact(src);
  assert.equal(c.text, '3.危及三安全一稳定4.保护');
  const i = c.text.indexOf('保护');
  assert.equal(src.slice(c.map[i]!, c.map[i + 1]! + 1), '保护');
  assert.equal(compact('（一） 予以 公开').text, '(一)予以公开');
  assert.equal(compact('1,234').text, '1,234');
});

test('similarity orders near and far labels', () => {
  assert.ok(similarity('其他法律行政止公开', '其他法律行政法规禁止公开') > 0.6);
  assert.ok(similarity('重复申请', '其他法律行政法规禁止公开') < 0.3);
});
