// The client's sniff (client/src/sniff.ts): the language server starts for a plain text only when its
// first 8 KB hold a report's title or a table caption.
import assert from 'node:assert/strict';
import test from 'node:test';
import { sniffReport, SNIFF_CHARS } from '../../client/src/sniff';
import { byPrefix, readCorpus } from './helpers';

test('a report, its Traditional copy and a headingless table are sniffed', () => {
  assert.equal(sniffReport(readCorpus(byPrefix('000'))), true);
  assert.equal(sniffReport('某某市人民政府辦公室\n2009年政府信息公開工作年度報告\n'), true);
  assert.equal(sniffReport('第二十条第(一)项\n信息内容 | 本年制发件数\n'), true);
});

test('ordinary text, code and a shopping list are not; a title after the first 8 KB is not looked at', () => {
  assert.equal(sniffReport('会议纪要\n一、总体情况\n今天讨论了预算。\n'), false);
  assert.equal(sniffReport('function f() { return 1; }\n'), false);
  assert.equal(sniffReport(''), false);
  const late = `${'文'.repeat(SNIFF_CHARS)}\n某某县政府信息公开工作年度报告\n`;
  assert.equal(sniffReport(late), false);
});

test('the sniff of a large document answers at once (it reads 8 KB)', () => {
  const big = '无关的文字。'.repeat(2_000_000);
  const t0 = Date.now();
  assert.equal(sniffReport(big), false);
  assert.ok(Date.now() - t0 < 5000);
});
