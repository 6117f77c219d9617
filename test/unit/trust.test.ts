/**
 * Trust (issue 10): the script of a document and the words a converter swapped (item 6), one
 * problem giving one finding (item 8). Every case is built here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { renderSkeleton } from '../../server/src/core/features/render';
import { parse } from '../../server/src/core/parse';
import { analysisText, isTraditional, scriptMayChange } from '../../server/src/core/text/normalize';
import { activeTable, applicationRows } from '../../server/src/core/template';
import { findingLines } from './findings-format';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });

test('a Simplified report naming 於潜镇 ten times is read as Simplified', () => {
  const organ = '杭州市临安区於潜镇人民政府';
  const prose = Array.from({ length: 9 }, (_, i) => `於潜镇第${i + 1}次会议公开了政府信息。`).join('\n');
  const text = renderSkeleton('2021', 'pipe', organ, 2023).replace('（一）主动公开\n', `（一）主动公开\n${prose}\n`);
  assert.equal([...text].filter((c) => c === '於').length, 10);
  assert.equal(isTraditional(text), false);
  const m = parse(text);
  assert.equal(m.traditional, false);
  // Read as Simplified, the name stays as written in the analysis text.
  assert.ok(analysisText(text).text.includes('於潜镇'));
});

test('a Traditional report needs Traditional-only characters to outweigh Simplified-only ones', () => {
  assert.equal(isTraditional('於於於於於於於於於於'), false);
  assert.equal(isTraditional('政府資訊公開工作年度報告 總計 處理 申請 機關 辦結 數量'), true);
  // Ten Traditional-only characters inside a page of Simplified text do not make it Traditional.
  assert.equal(isTraditional('開報總請數處關機務門' + '这是简体的说明，机关处理申请数量统计报告'.repeat(3)), false);
});

test('words a converter swapped (檔案, 資訊) read as the template words, offsets unchanged', () => {
  const src = '政府資訊公開工作年度報告 本機關制發規範性檔案三件，處理資訊公開申請。總計 辦結 數量';
  const a = analysisText(src);
  assert.equal(a.traditional, true);
  assert.equal(a.text.length, src.length);
  assert.equal(a.text, '政府信息公开工作年度报告 本机关制发规范性文件三件,处理信息公开申请。总计 办结 数量');
  // A Simplified document keeps its words: 档案 (archives) stays.
  const s = '本机关档案馆收到政府信息公开申请。档案查询';
  assert.equal(analysisText(s).text, s);
});

test('a Traditional report from a converter that swaps words reads every row', () => {
  const simplified = renderSkeleton('2021', 'pipe', '某某市某某局', 2023).replace(
    '五、存在的主要问题及改进情况\n',
    '五、存在的主要问题及改进情况\n部分文件公开不够及时，已建立按月检查的办法。\n',
  );
  const text = toTaiwan(simplified);
  assert.ok(text.includes('檔案') && text.includes('資訊'), 'the converter swapped the words');
  const m = parse(text);
  assert.equal(m.traditional, true);
  assert.equal(m.reports.length, 1);
  const r = m.reports[0]!;
  const active = r.tables.active;
  const apps = r.tables.applications;
  assert.ok(active && apps && r.tables.review, 'all three tables found');
  const activeKeys = activeTable('2021').captions.flatMap((c) => c.rows.map((row) => row.key));
  assert.deepEqual(
    active.rows.map((row) => row.key),
    activeKeys,
  );
  const appKeys = applicationRows('2021')
    .filter((row) => row.values)
    .map((row) => row.key);
  assert.deepEqual(
    apps.rows.map((row) => row.key),
    appKeys,
  );
  for (const row of [...active.rows, ...apps.rows, ...r.tables.review.rows])
    for (const c of row.cells) assert.equal(c.value, 0, `${row.key} reads its zeros`);
  const lines = findingLines(text);
  assert.deepEqual(
    lines.filter((l) => / (error|warning) /.test(l)),
    [],
  );
});

test('an edit may change the script only by adding the other script or removing its own', () => {
  const [simp, trad] = [false, true];
  assert.equal(scriptMayChange(simp, '机关处理', ''), false);
  assert.equal(scriptMayChange(simp, '機關', ''), true);
  assert.equal(scriptMayChange(simp, '', '机关'), true);
  assert.equal(scriptMayChange(trad, '機關', '於'), false);
  assert.equal(scriptMayChange(trad, '机关', ''), true);
  assert.equal(scriptMayChange(trad, '', '機關'), true);
});

const skeleton = () => renderSkeleton('2021', 'pipe', '某某市某某局', 2023);
const codes = (text: string) => findingLines(text).map((l) => l.split(' ').slice(1, 3).join(' '));

test('a text cut inside table 三 gets one report.truncated, no row or section after the cut', () => {
  const s = skeleton();
  const cut = s.slice(0, s.indexOf('2.其他法律行政法规禁止公开'));
  const found = codes(cut);
  assert.deepEqual(
    found.filter((c) => /truncated|row-missing|section.missing/.test(c)),
    ['warning report.truncated'],
  );
  const line = findingLines(cut).find((l) => l.includes('report.truncated'))!;
  assert.match(line, /表三/);
  assert.match(line, /20行和3个部分/);
});

test('a text cut after section 二 gets one report.truncated for the sections after it', () => {
  const s = skeleton();
  const cut = s.slice(0, s.indexOf('三、收到和处理'));
  assert.deepEqual(
    codes(cut).filter((c) => /truncated|row-missing|section.missing/.test(c)),
    ['warning report.truncated'],
  );
});

test('a whole report, or one that only lacks 六 or a row in the middle, is not truncated', () => {
  const s = skeleton();
  assert.deepEqual(
    codes(s).filter((c) => c.includes('truncated')),
    [],
  );
  const no6 = s.slice(0, s.indexOf('六、其他需要报告的事项'));
  assert.deepEqual(
    codes(no6).filter((c) => /truncated|section.missing/.test(c)),
    ['error section.missing'],
  );
  const noRow = s.replace(/^2\.其他法律行政法规禁止公开.*\n/m, '');
  assert.deepEqual(
    codes(noRow).filter((c) => /truncated|row-missing/.test(c)),
    ['error table.row-missing'],
  );
});
