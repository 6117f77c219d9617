// Edits applied to a DocumentAnalysis give exactly what a fresh parse of the new text gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentAnalysis } from '../../server/src/core/document/analysis';
import { openDocument } from '../../server/src/core/document/document';
import { checkDocument, refOf } from '../../server/src/core/rules/check';
import { RULE_LIST } from '../../server/src/core/rules';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { byPrefix, corpusFiles, readCorpus } from './helpers';
import type { Report } from '../../server/src/core/model';

function fresh(text: string) {
  const m = parse(text);
  const at = analysisText(text).text;
  return { reports: m.reports, findings: checkDocument(at, text, m) };
}

function same(a: DocumentAnalysis, label: string) {
  const f = fresh(a.text);
  assert.deepEqual(
    JSON.parse(JSON.stringify(a.model().reports)),
    JSON.parse(JSON.stringify(f.reports)),
    `${label}: model`,
  );
  assert.deepEqual(
    JSON.parse(JSON.stringify(a.allFindings())),
    JSON.parse(JSON.stringify(f.findings)),
    `${label}: findings`,
  );
}

const compilation = () =>
  [
    readCorpus(byPrefix('000')),
    readCorpus(byPrefix('002')),
    readCorpus(byPrefix('real-011')),
    readCorpus(byPrefix('001')),
  ].join('\n\n');

test('typing a digit in a table cell re-reads one section and matches a full parse', () => {
  const text = compilation();
  const a = new DocumentAnalysis(text);
  a.allFindings();
  const at = text.indexOf('(七)总计 | 1 | 0');
  const r = a.edit(at + 8, at + 9, '2');
  assert.equal(r.scope, 'section');
  assert.equal(r.report, 0);
  same(a, 'after edit');
  assert.ok(a.allFindings().some((f) => f.code === 'table3.balance'));
  const back = a.edit(at + 8, at + 9, '1');
  assert.equal(back.scope, 'section');
  same(a, 'after undo');
  assert.ok(!a.allFindings().some((f) => f.code === 'table3.balance'));
});

test('a figure typed again in a number of a table read whatever its values makes that one cell again', () => {
  // The second edit of a table finds its tokens kept: where no split and no sum of the table placed
  // its rows (pipe rows of seed 000, the space-aligned rows of real-011 with values apart from their
  // labels), the table is not read again: only the edited cell is new, every other row is the same.
  type Piece = { report: Report | null | undefined };
  for (const [name, needle, offset] of [
    ['000', '(七)总计 | 1', 8],
    ['real-011', '2932', 1],
  ] as const) {
    const text = readCorpus(byPrefix(name));
    const a = new DocumentAnalysis(text);
    a.allFindings();
    const at = text.indexOf(needle) + offset;
    const table = () => (a as unknown as { pieces: Piece[] }).pieces[0]!.report!.tables.applications!;
    a.edit(at, at + 1, '7');
    for (const digit of ['8', '9', '10']) {
      a.allFindings();
      const before = table();
      a.edit(at, at + 1, digit);
      const after = table();
      assert.notEqual(after, before, `${name}: a new table`);
      const k = after.rows.findIndex((r, i) => r !== before.rows[i]);
      assert.ok(k >= 0, `${name}: the edited row made again`);
      assert.deepEqual(
        after.rows.flatMap((r, i) => (r === before.rows[i] ? [] : [i])),
        [k],
        `${name}: the other rows kept`,
      );
      const made = after.rows[k]!.cells.filter((c, i) => c !== before.rows[k]!.cells[i]);
      assert.equal(made.length, 1, `${name}: one cell made again`);
      assert.ok(
        made[0]!.raw.includes(digit) && made[0]!.raw === a.text.slice(made[0]!.range.start, made[0]!.range.end),
      );
    }
    // Handed out (the model), the report is copied before the next edit: the same again.
    same(a, `${name}: after the edits`);
    const last = table();
    a.edit(at, at + 1, '5');
    same(a, `${name}: after a copy`);
    assert.equal(table().rows.filter((r, i) => r !== last.rows[i]).length, last.rows.length);
  }
});

test('edits in prose, in headers, across reports, with astral characters all match a full parse', () => {
  const text = compilation();
  const a = new DocumentAnalysis(text);
  let x = 7;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inserts = [
    '𠮷',
    '0',
    '12',
    '\n',
    '',
    '三、收到和处理政府信息公开申请情况\n',
    '|',
    '\t',
    '總計(jì)',
    '一、总体情况\n',
    // Whole blocks pasted: an HTML table, a second report, CR and CRLF line breaks, a year.
    '<table><tr><td>行政处罚</td><td>5</td></tr></table>',
    '<tab',
    'le>',
    readCorpus(byPrefix('002')),
    '\r',
    '\r\n',
    '\r三、收到和处理政府信息公开申请情况\r',
    '2019年2019年2019年2019年2019年2019年2019年2019年2019年',
  ];
  const scopes = new Set<string>();
  for (let k = 0; k < 120; k++) {
    const len = a.text.length;
    const s = Math.floor(rnd() * len);
    const e = Math.min(len, s + Math.floor(rnd() * 6));
    const ins = inserts[Math.floor(rnd() * inserts.length)]!;
    scopes.add(a.edit(s, e, ins).scope);
    if (k % 10 === 9) same(a, `edit ${k}`);
  }
  same(a, 'end');
  assert.ok(scopes.has('section') && scopes.has('report'), [...scopes].join());
});

test('reports after an edit keep their content and move with it', () => {
  const text = compilation();
  const a = new DocumentAnalysis(text);
  const before = JSON.stringify(a.report(3).tables.applications!.rows.map((r) => r.cells.map((c) => c.value)));
  const startBefore = a.report(3).range.start;
  a.edit(10, 10, '插入的文字\n');
  assert.equal(a.report(3).range.start, startBefore + 6);
  assert.equal(JSON.stringify(a.report(3).tables.applications!.rows.map((r) => r.cells.map((c) => c.value))), before);
});

test('pasting an HTML table into a text report reads it as a fresh open does', () => {
  const a = new DocumentAnalysis(compilation());
  a.allFindings();
  const at = a.text.indexOf('\n', a.text.indexOf('二、主动公开政府信息情况')) + 1;
  a.edit(at, at, '<table><tr><td>行政处罚</td><td>5</td></tr></table>\n');
  same(a, 'after the paste');
});

test("an edit inside a section that changes the report's year re-reads the report", () => {
  // No title and no statistics period: the year is the one the text names most.
  const text = readCorpus(byPrefix('000')).replace('统计期限', '统计时段');
  const a = new DocumentAnalysis(text);
  a.allFindings();
  const at = a.text.indexOf('五、存在的主要问题');
  const body = a.text.indexOf('\n', at) + 1;
  a.edit(body, body, '2019年'.repeat(30) + '\n');
  same(a, 'after the edit');
  assert.equal(a.report(0).year, 2019);
});

test('line breaks typed next to a lone CR at a report boundary keep positions as LSP counts them', () => {
  const two = (readCorpus(byPrefix('000')) + readCorpus(byPrefix('002'))).replace(/\r?\n/g, '\r');
  const a = new DocumentAnalysis(two);
  const second = a.report(1).range.start;
  a.edit(second, second, '\n');
  same(a, 'after the edit');
  const lines = a.text.split(/\r\n|\r|\n/).length;
  assert.equal(a.positionAt(a.text.length).line, lines - 1);
});

test('a header that loses its numeral no longer separates the report after it', () => {
  const text = '前言\n四、政府信息公开行政复议、行政诉讼情况\n本年无。\n' + readCorpus(byPrefix('002'));
  const a = new DocumentAnalysis(text);
  assert.equal(a.reportCount, 2);
  const at = text.indexOf('四、');
  a.edit(at, at + 1, '');
  same(a, 'after the edit');
});

test('figures typed into the numbers of every corpus report (replaced, added, removed) read as a full parse reads them', () => {
  // The editor keeps the tokens of an edited table: a later edit that only changes a number's digits
  // changes that token (parse/tables/stream.ts patchNumber), and only the rules that read that
  // table's figures run again. Model and findings must stay those of a fresh read, whatever the layout.
  type Piece = { figuresChanged: string[] };
  let edits = 0;
  let figures = 0;
  // Also a report with placeholders in its prose before and after the tables (text.placeholder
  // keeps its findings across figure edits: they must move with the text).
  const seed = readCorpus(byPrefix('000'));
  const placeholders = seed
    .replace('二、主动公开政府信息情况', '本机关（XX局）20XX年度。\n二、主动公开政府信息情况')
    .replace(/(\n五、[^\n]*\n)/, '$1本年度××件，XXX。\n');
  assert.notEqual(placeholders, seed);
  const inputs: [string, string][] = corpusFiles()
    .filter((f) => !f.endsWith('.html'))
    .map((f) => [f, readCorpus(f)]);
  inputs.push(['000 with placeholders', placeholders]);
  for (const [name, input] of inputs) {
    const a = new DocumentAnalysis(input);
    if (a.readWhole) continue;
    const numbers = () =>
      a
        .model()
        .reports.flatMap((r) => [r.tables.active, r.tables.applications, r.tables.review])
        .flatMap((t) => t?.rows.flatMap((r) => r.cells) ?? [])
        .filter((c) => c.kind === 'number');
    const count = numbers().length;
    const step = Math.max(1, Math.floor(count / 6));
    for (let k = 0; k < count; k += step) {
      a.allFindings();
      // The cell as it is now (earlier edits moved it): the k-th number cell of the model.
      const now = numbers()[k];
      if (!now) break;
      const { start, end } = now.range;
      for (const [s, e, insert] of [
        [start, start + 1, '7'],
        [end, end, '3'],
        [start + 1, start + 2, ''],
        [start, start, '0'],
        [start, start + 1, '9'],
      ] as const) {
        if (e > a.length || s > e) continue;
        const r = a.edit(s, e, insert);
        edits++;
        const piece = (a as unknown as { pieces: Piece[] }).pieces[r.report];
        if (r.scope === 'section' && piece?.figuresChanged.length) figures++;
        same(a, `${name} at ${s}: ${JSON.stringify(insert)}`);
      }
    }
  }
  assert.ok(edits > 500, `${edits} edits`);
  // Many take the figure path: not a table's first edit (its tokens are not kept yet), nor a zero
  // written before a number (`07` is no plain figure), nor a fragment without 二–四's headings.
  assert.ok(figures > edits / 5, `${figures} of ${edits} edits took the figure path`);
});

test('after a figure edit, the cross-year findings are those of the other reports as they are now', () => {
  // Last year's report (another open document, a workspace file) changes between two figure edits
  // of this one: the cross-year rules read `others`, so they run again (they declare no figures).
  const A = readCorpus(byPrefix('002'));
  const refsOf = (src: string) => parse(src).reports.map((r) => refOf('last-year.txt', r, analysisText(src).text));
  const ar = parse(A).reports[0]!;
  const tr = ar.titleRange!;
  let B =
    A.slice(0, tr.start) + A.slice(tr.start, tr.end).replace(String(ar.year), String(ar.year! - 1)) + A.slice(tr.end);
  const a = new DocumentAnalysis(A);
  const codes = (fs: { code: string }[]) => fs.filter((f) => f.code.startsWith('crossyear')).map((f) => f.code);
  const figure = () =>
    a
      .model()
      .reports[0]!.tables.active!.rows.flatMap((r) => r.cells)
      .find((c) => c.kind === 'number')!;
  let c = figure();
  a.edit(c.range.start, c.range.end, '7');
  assert.ok(!codes(a.allFindings({ others: refsOf(B) })).includes('crossyear.carry-over'));
  const forward = parse(B).reports[0]!.tables.applications!.rows.find((r) => r.key === 'carriedForward')!.cells[0]!;
  B = B.slice(0, forward.range.start) + String((forward.value ?? 0) + 3) + B.slice(forward.range.end);
  const others = refsOf(B);
  c = figure();
  a.edit(c.range.start, c.range.end, '8');
  assert.deepEqual((a as unknown as { pieces: { figuresChanged: string[] }[] }).pieces[0]!.figuresChanged, ['active']);
  const fresh = checkDocument(analysisText(a.text).text, a.text, parse(a.text), { others });
  assert.ok(codes(fresh).includes('crossyear.carry-over'));
  assert.deepEqual(JSON.parse(JSON.stringify(a.allFindings({ others }))), JSON.parse(JSON.stringify(fresh)));
});

test('a rule that declares the tables whose figures it reads reads no other report', () => {
  // Its findings are kept across figure edits of other tables: they must not depend on `others`.
  const declared = RULE_LIST.filter((r) => r.figures);
  assert.ok(declared.length >= 10);
  for (const name of corpusFiles().filter((f) => !f.endsWith('.html'))) {
    const text = readCorpus(name);
    const model = parse(text);
    const at = analysisText(text).text;
    for (const report of model.reports)
      for (const rule of declared) {
        let read = false;
        const ctx = {
          text: at,
          source: text,
          model,
          report,
          options: { narrativeChecks: true },
          get others() {
            read = true;
            return [];
          },
        };
        rule.check(ctx);
        assert.ok(!read, `${rule.code} reads others (${name})`);
      }
  }
});

test('a report handed out never changes afterwards: edits to its piece copy it first', () => {
  const text = compilation();
  const a = new DocumentAnalysis(text);
  const first = a.report(0);
  const second = a.report(1);
  const before = [JSON.stringify(first), JSON.stringify(second)];
  // A figure typed in the first report's table 三, a line added above it, and the same in the second.
  for (const i of [0, 1]) {
    const r = a.report(i);
    const cell = r.tables.applications!.rows.find((x) => x.cells[0]?.kind === 'number')!.cells[0]!;
    a.edit(cell.range.start, cell.range.start, '1');
    const at = a.report(i).sections[1]!.headerRange.start;
    a.edit(at, at, '新增的一行\n');
  }
  assert.deepEqual([JSON.stringify(first), JSON.stringify(second)], before);
  same(a, 'after the edits');
  assert.notEqual(JSON.stringify(a.report(0)), before[0]);
});

test('a checked piece lets its report go and reads it again as the whole document read it', () => {
  // every corpus report, as its own document and all in one (one piece each)
  const texts = corpusFiles()
    .filter((f) => f.endsWith('.txt'))
    .map(readCorpus);
  let pieces = 0;
  for (const text of [...texts, texts.join('\n\n')]) {
    const a = new DocumentAnalysis(text);
    if (a.readWhole) continue;
    const before = JSON.stringify(a.model().reports);
    const outline = JSON.stringify(a.model().reports.map((r) => r.sections.map((s) => s.headerRange)));
    a.allFindings();
    assert.ok(a.heldReports <= 4, `${a.heldReports} of ${a.pieceCount} reports held after the check`);
    pieces += a.pieceCount;
    assert.equal(JSON.stringify(a.model().reports), before);
    assert.equal(JSON.stringify(a.model().reports.map((r) => r.sections.map((s) => s.headerRange))), outline);
  }
  assert.ok(pieces > 40, `${pieces} pieces`);
  // and an edit in a piece whose report was let go reads as a fresh parse does
  const a = new DocumentAnalysis(texts.join('\n\n'));
  a.allFindings();
  const at = a.report(20).sections[1]!.headerRange.start;
  a.edit(at, at, '新增的一行\n');
  same(a, 'an edit after the report was let go');
});

test("the editor's outline, folding ranges and format of each report are the same once its model is let go", () => {
  const texts = corpusFiles()
    .filter((f) => f.endsWith('.txt'))
    .map(readCorpus);
  const text = texts.join('\n\n');
  const view = (d: ReturnType<typeof openDocument>) =>
    JSON.stringify(
      Array.from({ length: d.count }, (_, i) => [d.outline(i), d.folding(i), d.formatOf(i), d.hasReport(i)]),
    );
  const d = openDocument(text);
  const before = view(d);
  d.allFindings();
  assert.equal(view(d), before);
  // after an edit in a report whose model was let go, as a fresh open of the new text shows them
  const at = d.report(20)!.sections[2]!.headerRange.start;
  d.edit(at, at, '新增的一行\n');
  d.allFindings();
  const next = text.slice(0, at) + '新增的一行\n' + text.slice(at);
  assert.equal(view(d), view(openDocument(next)));
  assert.notEqual(view(d), before);
});
