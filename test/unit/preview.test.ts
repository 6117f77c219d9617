// The preview (issue 13 item 5): a summary line per report, the findings on no cell listed below the
// tables, the 2021 report's one-row （六） with its values, a label column that stays readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { previewGrid, type PreviewCell, type ValueCell } from '../../server/src/core/features/preview';
import { previewHtml } from '../../server/src/lsp/preview-html';
import { byPrefix, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const TITLE = '某区财政局2024年政府信息公开工作年度报告\n';

function read(text: string) {
  const m = parse(text);
  return { m, fs: checkDocument(analysisText(text).text, text, m) };
}
const page = (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') => {
  const { m, fs } = read(text);
  return previewHtml(m.reports, fs, { nonce: 'n0nce', cspSource: 'vscode-resource:', locale, title: 't' });
};
const labelOf = (c: PreviewCell) => (c.kind === 'label' ? c.text : '');

test('preview summary: format, organ, year and the counts of errors and warnings, in both languages', () => {
  const clean = TITLE + S000;
  const { m, fs } = read(clean);
  assert.equal(fs.filter((f) => f.severity === 'error' || f.severity === 'warning').length, 0);
  const zh = previewGrid(m.reports, fs, 'zh-CN').reports[0]!;
  assert.equal(zh.summary, '2021年格式 · 某区财政局 · 2024年度 · 未发现错误或警告');
  assert.deepEqual([zh.errors, zh.warnings], [0, 0]);
  // Two wrong totals (errors) and a fee sentence gone (a warning).
  const bad = clean
    .replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 3')
    .replace('本年度无收取信息处理费情况。', '');
  const b = read(bad);
  const errors = b.fs.filter((f) => f.severity === 'error').length;
  const warnings = b.fs.filter((f) => f.severity === 'warning').length;
  assert.ok(errors >= 1 && warnings === 1, `${errors} errors, ${warnings} warnings`);
  const en = previewGrid(b.m.reports, b.fs, 'en').reports[0]!;
  assert.equal(en.summary, `2021 format · 某区财政局 · year 2024 · errors: ${errors}, warnings: ${warnings}`);
  assert.equal(
    previewGrid(b.m.reports, b.fs, 'zh-CN').reports[0]!.summary,
    `2021年格式 · 某区财政局 · 2024年度 · ${errors} 个错误，${warnings} 个警告`,
  );
  // Without a title: the organ is said to be unknown (the year is read from the text).
  const u = read(S000);
  assert.equal(
    previewGrid(u.m.reports, u.fs, 'zh-CN').reports[0]!.summary,
    '2021年格式 · 机关未识别 · 2024年度 · 未发现错误或警告',
  );
  // The page shows it under the report's heading.
  assert.match(page(bad), /<p class="summary[^"]*">2021年格式 · 某区财政局 · 2024年度 · \d+ 个错误，1 个警告<\/p>/);
});

test('preview: findings on no cell are listed below the tables, each with its severity and place', () => {
  const text = S000.replace('本年度无收取信息处理费情况。', '');
  const html = page(text);
  const notes = html.indexOf('<ul class="notes">');
  assert.ok(notes > html.lastIndexOf('</table>'), 'the notes come after the last table');
  const list = html.slice(notes, html.indexOf('</ul>', notes));
  assert.match(list, /<li class="warning" data-offset="\d+"><span class="severity">警告<\/span>[^<]*信息处理费/);
  assert.match(list, /<li class="information" data-offset="\d+"><span class="severity">提示<\/span>未找到写明机关名称/);
  assert.match(html, /<h2>表格以外的问题<\/h2>/);
  const en = page(text, 'en');
  assert.match(en, /<h2>Findings outside the tables<\/h2>/);
  assert.match(en, /<span class="severity">Warning<\/span>/);
  // A clean report has no list.
  assert.ok(!page(TITLE + S000).includes('<ul class="notes">'));
});

test('preview: a 2021 report printing （六）其他处理 as one row shows that row with its values', () => {
  const lines = S000.split('\n');
  const at = lines.findIndex((l) => l.startsWith('(六)其他处理'));
  assert.ok(lines[at + 2]!.startsWith('3.其他'));
  const single = [...lines.slice(0, at), '(六)其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||', ...lines.slice(at + 3)]
    .join('\n')
    .replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3')
    .replace('四、结转下年度继续办理 | 0', '四、结转下年度继续办理 | 0');
  const { m, fs } = read(single);
  assert.equal(m.reports[0]!.format, '2021');
  const t3 = previewGrid(m.reports, fs, 'zh-CN').reports[0]!.tables[1]!;
  const row = t3.rows.find((r) => r.cells.some((c) => labelOf(c) === '（六）其他处理'))!;
  const values = row.cells.filter((c): c is ValueCell => c.kind === 'value');
  assert.deepEqual(
    values.map((v) => v.value),
    [2, 0, 0, 0, 0, 0, 2],
  );
  assert.equal(row.missing, false);
  // Its three items are not listed as missing rows beside it.
  assert.ok(!t3.rows.some((r) => r.cells.some((c) => /^([12]\.申请人.*不再处理|3\.其他$)/.test(labelOf(c)))));
  // The outcome group spans exactly the rows drawn under it.
  const group = t3.rows.flatMap((r) => r.cells).find((c) => c.kind === 'group' && c.text === '三、本年度办理结果')!;
  const first = t3.rows.findIndex((r) => r.cells.includes(group));
  const last = t3.rows.findIndex((r) => r.cells.some((c) => labelOf(c) === '（七）总计'));
  assert.equal(group.rowspan, last - first + 1);
  // The 2021 layout with its three items is unchanged.
  const full = previewGrid(read(S000).m.reports, [], 'zh-CN').reports[0]!.tables[1]!;
  const other = full.rows.flatMap((r) => r.cells).find((c) => c.kind === 'group' && c.text === '（六）其他处理');
  assert.equal(other?.rowspan, 3);
});

test('preview: the label column stays readable — labels sticky at their column, wrapped, with the full label', () => {
  const html = page(TITLE + S000);
  assert.match(html, /th\.sticky \{[^}]*position: sticky/);
  // Table 二's labels start the row; table 三's items sit after the two group columns.
  assert.match(html, /<th class="label sticky c0"[^>]*>规章<\/th>/);
  assert.match(html, /<th class="label sticky c2" title="1\.属于国家秘密"[^>]*>1\.属于国家秘密<\/th>/);
  assert.match(html, /<th class="group sticky c0" rowspan="\d+">三、本年度办理结果<\/th>/);
  assert.match(html, /<th class="group sticky c1" rowspan="8">（三）不予公开<\/th>/);
  // The tables scroll sideways inside their own box, not the page.
  assert.equal((html.match(/<div class="scroll">/g) ?? []).length, 3);
});

test('preview: the page drawn report by report (the server’s) equals the page of the whole grid', async () => {
  const { DocumentStore } = await import('../../server/src/lsp/documents');
  const { preview } = await import('../../server/src/lsp/handlers');
  // Three reports, one with a wrong total and a missing row, and text before the first.
  const wrong = S000.replace('(七)总计 | 1', '(七)总计 | 2');
  const text = '前言\n\n' + TITLE + S000 + '\n\n' + wrong + '\n\n' + readCorpus(byPrefix('002'));
  const store = new DocumentStore();
  const d = store.open('file:///tmp/p.txt', 'disclosure-report', 1, text);
  const o = { nonce: 'n0nce', cspSource: 'vscode-resource:' };
  for (const locale of ['zh-CN', 'en'] as const) {
    const m = d.analysis.model();
    const fs = d.analysis.allFindings({});
    assert.ok(m.reports.length >= 3 && fs.some((f) => f.code === 'table3.balance'));
    const whole = previewHtml(m.reports, fs, { ...o, locale, title: m.reports[0]?.title ?? d.uri });
    assert.equal(preview(d, o, {}, locale), whole, locale);
  }
});
