// The core's door (core/index.ts): a document answers in document offsets, for every report it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDocument } from '../../server/src/core';
import { DocumentStore } from '../../server/src/lsp/documents';
import { codeActions, hoverAt, symbols } from '../../server/src/lsp/handlers';
import { byPrefix, readCorpus } from './helpers';

test('an HTML file holding two reports: outline, hover and quick fixes reach the second report', () => {
  const page = readCorpus(byPrefix('real-015'));
  // The second report carries a pinyin annotation, a finding with a fix.
  const text = page + '\n' + page.replace('2019', '2020').replace('本年度报告根据', '本年度报(bào)告根据');
  const doc = openDocument(text);
  const reports = doc.model().reports;
  assert.equal(reports.length, 2);
  const d = new DocumentStore().open('file:///two.html', 'html', 1, text);
  assert.equal(symbols(d).filter((s) => s.kind === 1).length, 2, 'one outline node per report');
  // Hover on a cell of the second report's table 三.
  const cell = reports[1]!.tables.applications!.rows[0]!.cells[0]!;
  const h = hoverAt(d, doc.positionAt(cell.range.start));
  assert.ok(h, 'hover in the second report');
  assert.ok(doc.offsetAt(h.range!.start) >= reports[1]!.range.start);
  // Findings of the second report are offered their fixes.
  const second = doc.findings(1);
  const withFix = second.find((f) => f.code === 'text.pinyin-annotation')!;
  assert.ok(withFix, 'the second report has its own finding');
  const diag = {
    range: { start: doc.positionAt(withFix.range.start), end: doc.positionAt(withFix.range.end) },
    message: '',
    code: withFix.code,
  };
  assert.ok(
    codeActions(d, { textDocument: { uri: d.uri }, range: diag.range, context: { diagnostics: [diag] } }, {}, 'zh-CN')
      .length > 0,
  );
});

test('findings, completions and fixes come back in document offsets, whichever report asks', () => {
  const text = readCorpus(byPrefix('000')) + '\n' + readCorpus(byPrefix('003'));
  const doc = openDocument(text);
  assert.equal(doc.count, 2);
  const start = doc.startOf(1);
  for (const f of doc.findings(1)) assert.ok(f.range.start >= start, `${f.code} at ${f.range.start} before ${start}`);
  const pinyin = doc.findings(1).find((f) => f.code === 'text.pinyin-annotation')!;
  const fix = doc.quickFixes(1, pinyin)[0]!;
  const e = fix.edits[0]!;
  assert.match(text.slice(e.start, e.end), /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
});
