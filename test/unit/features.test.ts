// Completion, outline, folding, hover, inlay hints and the preview, on the seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { complete } from '../../server/src/core/features/completion';
import { foldingRanges, hover, inlayHints, outline } from '../../server/src/core/features/navigation';
import { previewGrid, type PreviewCell, type ValueCell } from '../../server/src/core/features/preview';
import { cspSource, escapeHtml, previewHtml } from '../../server/src/lsp/preview-html';
import { byPrefix, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const S001 = readCorpus(byPrefix('001'));
const S002 = readCorpus(byPrefix('002'));

test('completion at a row start in table 三 offers the missing rows first, in the table’s layout', () => {
  const text = S000.replace('2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||\n', '');
  const report = parse(text).reports[0]!;
  const at = text.indexOf('3.要求提供公开出版物');
  const items = complete(text, report, at).sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(items[0]!.label, '2.重复申请');
  assert.equal(items[0]!.insertText, '2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  assert.equal(items[0]!.detail.id, 'completion.row-missing');
  // Every row of the 2021 format is offered, group rows too.
  assert.ok(items.some((i) => i.label === '(三)不予公开'));
  assert.ok(items.some((i) => i.label === '8.属于行政查询事项'));
});

test('completion follows the document’s numbering and layout (tab rows, `1. ` and half-width brackets)', () => {
  const text = S002.replace('\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n', '');
  const report = parse(text).reports[0]!;
  const at = text.indexOf('\t\t3. 要求提供公开出版物');
  const items = complete(text, report, at + 2).sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(items[0]!.label, '2. 重复申请');
  assert.equal(items[0]!.insertText, '2. 重复申请\t0\t0\t0\t0\t0\t0\t0');
  assert.ok(items.some((i) => i.label === '(一)予以公开'));
});

test('completion of section headers: the next missing one first; a skeleton in an empty document', () => {
  const text = S000.replace('五、存在的主要问题及改进情况\n', '');
  const report = parse(text).reports[0]!;
  const at = text.indexOf('(一)存在的问题');
  const items = complete(text, report, at)
    .filter((i) => i.kind === 'section')
    .sort((a, b) => a.sortText.localeCompare(b.sortText));
  assert.equal(items[0]!.label, '五、存在的主要问题及改进情况');
  const empty = complete('', null, 0);
  const skeleton = empty.find((i) => i.kind === 'skeleton')!;
  assert.equal(parse(skeleton.insertText).reports[0]!.sections.length, 6);
  assert.equal(complete('规章 | 0 |', parse(S000).reports[0]!, 5).length, 0);
});

test('outline: report → sections → tables → row groups; folding for sections and tables', () => {
  const r = parse(S001).reports[0]!;
  const o = outline(r);
  assert.equal(o.name, '重庆市长寿区万顺镇人民政府2022年政府信息公开工作年度报告');
  assert.deepEqual(
    o.children.map((c) => c.name.slice(0, 2)),
    ['一、', '二、', '三、', '四、', '五、', '六、'],
  );
  const t3 = o.children[2]!.children[0]!;
  assert.equal(t3.kind, 'table');
  const denied = t3.children.find((c) => c.name === '（三）不予公开')!;
  assert.equal(denied.children.length, 8);
  assert.equal(foldingRanges(r).length, 1 + 6 + 3);
});

test('hover on a cell names its row and column and the rules that involve it', () => {
  const text = S000;
  const r = parse(text).reports[0]!;
  const at = text.indexOf('(七)总计 | 1') + 8;
  const h = hover(r, at)!;
  assert.match(h.markdown, /\*\*\(七\)总计\*\* · 自然人：1/);
  assert.match(h.markdown, /本行：总计 1 = 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 1/);
  assert.match(h.markdown, /勾稽关系：一 \+ 二 = 1 \+ 0 = 1 = （七）\+ 四 = 1 \+ 0 = 1/);
  assert.equal(hover(r, text.indexOf('於潜镇始终坚持')), null);
});

test('hover follows the locale: English has no Chinese outside its quoted labels and values, zh-CN is Chinese', () => {
  const text = S000;
  const r = parse(text).reports[0]!;
  const cells = [
    text.indexOf('(七)总计 | 1') + 8, // table 三: row total, outcome total, balance
    text.indexOf('(一)予以公开 | 0') + 10, // an outcome row
    text.lastIndexOf('\n0 | 0 | 0') + 1, // table 四
    text.indexOf('行政处罚 | ') + 7, // table 二
  ];
  const HAN = /\p{Script=Han}/u;
  for (const at of cells) {
    const zh = hover(r, at, 'zh-CN')!;
    const en = hover(r, at, 'en')!;
    assert.ok(zh && en, `a hover at ${at}`);
    assert.deepEqual(en.range, zh.range);
    // Labels and values are quoted (**row**, “column”); everything else is English.
    const rest = en.markdown.replace(/\*\*[^*]*\*\*/g, '').replace(/“[^”]*”/g, '');
    assert.doesNotMatch(rest, HAN, en.markdown);
    assert.match(zh.markdown.replace(/\*\*[^*]*\*\*/g, ''), HAN);
  }
  const en = hover(r, cells[0]!, 'en')!.markdown;
  assert.match(en, /\*\*\(七\)总计\*\* · “自然人”: 1/);
  assert.match(en, /This row: total 1 = 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 1/);
  assert.match(en, /new \+ carried over = 1 \+ 0 = 1 = total processed \+ carried forward = 1 \+ 0 = 1/);
  // The default stays Chinese.
  assert.equal(hover(r, cells[0]!)!.markdown, hover(r, cells[0]!, 'zh-CN')!.markdown);
});

test('inlay hints: column names in one-cell-per-line tables, the expected sum beside a wrong total', () => {
  const r = parse(S001).reports[0]!;
  const hints = inlayHints(r, [], 0, S001.length);
  assert.ok(hints.some((h) => h.label === '自然人:'));
  assert.ok(hints.some((h) => h.label === '本年制发件数:'));
  const bad = S000.replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 3');
  const m = parse(bad);
  const fs = checkDocument(analysisText(bad).text, bad, m);
  const h = inlayHints(m.reports[0]!, fs, 0, bad.length).filter((x) => x.kind === 'expected');
  assert.ok(h.some((x) => x.label === '= 1'));
});

test('preview: national layout, wrong cells marked with the expected value, hostile text escaped', () => {
  const hostile = S000.replace('於潜镇', '<script>alert(1)</script>')
    .replace('行政许可 | 0', '行政许可 | 0')
    .replace('一、总体情况', '<img src=x onerror=alert(2)>\n一、总体情况');
  const withTitle =
    '<b onmouseover=alert(3)>某局2024年政府信息公开工作年度报告\n' +
    hostile.replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 3');
  const m = parse(withTitle);
  const fs = checkDocument(analysisText(withTitle).text, withTitle, m);
  const html = previewHtml(m.reports, fs, {
    nonce: 'abc',
    cspSource: 'vscode-resource:',
    locale: 'zh-CN',
    title: '<预览>',
  });
  assert.ok(!html.includes('<script>alert'));
  assert.ok(!/<img/i.test(html));
  assert.ok(html.includes('&lt;bonmouseover=alert(3)&gt;某局2024年政府信息公开工作年度报告'));
  assert.ok(!html.includes('<bonmouseover'));
  assert.match(
    html,
    /Content-Security-Policy" content="default-src 'none'; style-src vscode-resource: 'nonce-abc'; script-src 'nonce-abc';"/,
  );
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(html, /<td class="bad" data-offset="\d+" title="[^"]*">3<span class="expected">→ 1<\/span><\/td>/);
  assert.match(html, /rowspan="8">（三）不予公开/);
  assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
});

test('preview: nonce and cspSource cannot break out of their attributes; bidi controls from the report are not shown', () => {
  const title = '\u202E某局2024年政府信息公开工作年度报告\u2066\u2069\u200F\u202C';
  const text = S000.replace('一、总体情况', `${title}\n一、总体情况`);
  const m = parse(text);
  assert.ok(m.reports[0]!.title?.includes('\u202E'));
  const fs = checkDocument(analysisText(text).text, text, m);
  const html = previewHtml(m.reports, fs, {
    nonce: 'a"><script>alert(1)</script>',
    cspSource: "x: 'unsafe-inline'; script-src *\"><img src=y>",
    locale: 'zh-CN',
    title: `\u202Edoc<${title}`,
  });
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.ok(!/<img/i.test(html));
  assert.ok(!html.includes("'unsafe-inline'"), 'cspSource adds a CSP source expression');
  assert.ok(!/script-src \*/.test(html));
  assert.equal((html.match(/Content-Security-Policy/g) ?? []).length, 1);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/.test(html), 'bidi control left in the html');
  assert.ok(html.includes('某局2024年政府信息公开工作年度报告'));
  // A well-formed nonce and source pass unchanged.
  const ok = previewHtml(m.reports, fs, {
    nonce: 'Zm9v+/bar=',
    cspSource: 'https://*.vscode-cdn.net',
    locale: 'zh-CN',
    title: 't',
  });
  assert.match(ok, /style-src https:\/\/\*\.vscode-cdn\.net 'nonce-Zm9v\+\/bar='; script-src 'nonce-Zm9v\+\/bar=';/);
});

test('preview grid: cells with spans, offsets, values, the expected value of a wrong total, and no markup', () => {
  const text = S000.replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 3');
  const m = parse(text);
  const fs = checkDocument(analysisText(text).text, text, m);
  const grid = previewGrid(m.reports, fs, 'en');
  const [active, applications, review] = grid.reports[0]!.tables;
  assert.deepEqual([active!.kind, applications!.kind, review!.kind], ['active', 'applications', 'review']);
  assert.equal(applications!.heading, 'Table 三 — applications');
  assert.equal(grid.reports[0]!.format, '2021 format');
  // The header block of table 三 as the format prints it.
  assert.deepEqual(
    applications!.rows[0]!.cells.map((c) => [c.kind, c.colspan, c.rowspan]),
    [
      ['corner', 3, 3],
      ['head', 7, undefined],
    ],
  );
  const group = applications!.rows.flatMap((r) => r.cells).find((c) => 'text' in c && c.text === '（三）不予公开');
  assert.equal(group?.rowspan, 8);
  // （七）总计's total column: 3 where the outcome rows sum to 1, with the rule's message.
  const total = applications!.rows.find((r) => r.cells.some((c) => c.kind === 'label' && c.text === '（七）总计'))!;
  const wrong = total.cells.filter((c): c is ValueCell => c.kind === 'value')[6]!;
  assert.equal(wrong.value, 3);
  assert.equal(wrong.expected, '1');
  assert.equal(text.slice(wrong.offset, wrong.offset + 1), '3');
  assert.ok(
    wrong.messages?.some((x) => /Items 一 \+ 二 = 1/.test(x)),
    JSON.stringify(wrong.messages),
  );
  // A finding on no cell (the missing title) is kept as a note of its report.
  assert.ok(grid.reports[0]!.notes.some((n) => /title/i.test(n.message)));
  // Data only: no markup anywhere in the grid.
  const texts = (c: PreviewCell) => ('text' in c ? [c.text] : []).concat(c.kind === 'value' ? (c.messages ?? []) : []);
  const all = grid.reports.flatMap((r) => r.tables.flatMap((t) => t.rows.flatMap((row) => row.cells.flatMap(texts))));
  assert.ok(all.length > 200 && !all.some((x) => /<[a-z]/i.test(x)));
  assert.equal(previewGrid([], [], 'zh-CN').empty, '此文档中没有找到年报。');
});

test('preview: a cspSource of several source expressions (code-server: the extension location, then the generic source) is kept whole', () => {
  const two = 'http://127.0.0.1:8080/stable-1/static/extensions/x/ https://*.vscode-cdn.net';
  assert.equal(cspSource(two), two);
  const hostile = cspSource("'self' x:; script-src 'unsafe-inline'");
  assert.ok(!hostile.includes(';') && !hostile.includes('unsafe-inline'), hostile);
});

test('inlay hints: one wrong cell gets one hint even when several rules flag it', () => {
  // （七）总计's first cell 3 instead of 1: the outcome total, the balance and the row total all flag it.
  const bad = S000.replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1', '(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 1');
  const m = parse(bad);
  const fs = checkDocument(analysisText(bad).text, bad, m);
  const cell = bad.indexOf('(七)总计 | 3') + '(七)总计 | '.length;
  assert.ok(fs.filter((f) => f.range.start === cell).length >= 2, 'several rules flag the cell');
  const h = inlayHints(m.reports[0]!, fs, 0, bad.length).filter((x) => x.kind === 'expected' && x.offset === cell + 1);
  assert.deepEqual(
    h.map((x) => x.label),
    ['= 1'],
  );
});
