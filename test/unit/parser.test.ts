// The parser on constructed inputs: compilations, pasted HTML, hostile and random text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { shiftInPlace } from '../../server/src/core/document/analysis';
import { lineIndex, normalizeReport } from '../../server/src/core/export';
import { byPrefix, readCorpus } from './helpers';

test('a compilation of reports yields one model per report, each as when alone', () => {
  const a = readCorpus(byPrefix('000'));
  const b = readCorpus(byPrefix('002'));
  const c = readCorpus(byPrefix('real-011'));
  const all = [a, b, c].join('\n\n');
  const m = parse(all);
  assert.equal(m.reports.length, 3);
  const alone = [a, b, c].map((t) => parse(t).reports[0]!);
  m.reports.forEach((r, i) => {
    assert.deepEqual(
      JSON.stringify(r.tables.applications?.rows.map((x) => x.cells.map((c) => c.value))),
      JSON.stringify(alone[i]!.tables.applications?.rows.map((x) => x.cells.map((c) => c.value))),
    );
    assert.equal(r.organ, alone[i]!.organ);
  });
  assert.ok(m.reports[1]!.range.start >= m.reports[0]!.range.end);
  assert.equal(m.reports[2]!.title, '淮安市人民政府2024年政府信息公开工作年度报告');
});

test('an HTML table pasted into a text document is read with its spans, ranges in the document', () => {
  const html = readCorpus(byPrefix('real-015'));
  const table = html.slice(html.indexOf('<p>三、'), html.indexOf('<p>五、'));
  const doc =
    '某某局2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n' +
    table +
    '\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n';
  const m = parse(doc);
  assert.equal(m.html, true);
  const r = m.reports[0]!;
  const row = r.tables.applications!.rows.find((x) => x.key === 'newReceived')!;
  assert.deepEqual(
    row.cells.map((c) => c.value),
    [821, 35, null, null, 2, 1, 859],
  );
  assert.equal(doc.slice(row.cells[0]!.range.start, row.cells[0]!.range.end), '821');
  assert.deepEqual(
    r.sections.map((s) => s.number),
    [1, 3, 4, 5, 6],
  );
});

test('never throws, whatever the input', () => {
  const seed = readCorpus(byPrefix('000'));
  let x = 12345;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const alphabet = [
    '一、',
    '二、',
    '三、',
    '（七）总计',
    '|',
    '\t',
    '\n',
    ' ',
    '0',
    '12',
    '<td>',
    '</tr>',
    '<table>',
    '號(hào)',
    '-1-',
    '𠮷',
    '\u0000',
    '第二十条第(一)项',
    '行政许可',
  ];
  const inputs = [
    '',
    '\n\n\n',
    '|||',
    '<table><tr><td rowspan=99999>',
    '一、总体情况'.repeat(500),
    '1'.repeat(5000),
    seed.slice(0, 3000),
  ];
  for (let i = 0; i < 200; i++) {
    let s = '';
    const n = Math.floor(rnd() * 200);
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    inputs.push(s);
    // Random cuts and splices of a real report.
    const a = Math.floor(rnd() * seed.length);
    const b = Math.floor(rnd() * seed.length);
    inputs.push(seed.slice(0, Math.min(a, b)) + s + seed.slice(Math.max(a, b)));
  }
  for (const s of inputs) {
    const m = parse(s);
    assert.equal((m as { error?: string }).error, undefined, JSON.stringify(s.slice(0, 80)));
    const li = lineIndex(s);
    for (const r of m.reports) JSON.stringify(normalizeReport(r, li));
  }
});

test('a section re-parsed alone matches the whole parse, shifted', () => {
  const text = readCorpus(byPrefix('000'));
  const whole = parse(text).reports[0]!;
  const s3 = whole.sections.find((s) => s.number === 3)!;
  const prefix = '前言\n';
  const again = parse(prefix + text).reports[0]!;
  const shifted = structuredClone(whole.tables.applications);
  shiftInPlace(shifted, 0, prefix.length);
  assert.deepEqual(again.tables.applications, shifted);
  assert.ok(s3.range.end > s3.range.start);
});

test('a row label after its numbering whose note in brackets runs past the line keeps its text and range', () => {
  // real-008 (PDF text): `（二）部分公开（区分处理的，只计这一情 形，不` with the note going on on the next
  // line; the label's end was read past the cell (NaN), its text empty.
  const src = readCorpus(byPrefix('real-008'));
  const row = parse(src).reports[0]!.tables.applications!.rows.find((x) => x.key === 'partiallyGranted')!;
  assert.ok(Number.isFinite(row.labelRange.end));
  assert.equal(row.label, '(二)部分公开(区分处理的,只计这一情形,不');
  assert.equal(src.slice(row.labelRange.start, row.labelRange.end), '（二）部分公开（区分处理的，只计这一情 形，不');
});

test('a cell’s tokens taken from the cache of cells already read equal the tokens of a first read', async () => {
  const { tokenize } = await import('../../server/src/core/parse/tokenize');
  const { table2Matcher, table3Matcher, table4Matcher } = await import('../../server/src/core/parse/labels');
  const { analysisText } = await import('../../server/src/core/text/normalize');
  const { corpusFiles } = await import('./helpers');
  // A copy of a matcher is another matcher to the cache: its first read of every cell scans it.
  const fresh = <T extends object>(m: T): T => Object.assign(Object.create(Object.getPrototypeOf(m) as object), m) as T;
  const kinds = { 2: [table2Matcher, 0], 3: [table3Matcher, 0], 4: [table4Matcher, 15] } as const;
  let cells = 0;
  for (const name of corpusFiles()) {
    const source = readCorpus(name);
    const text = analysisText(source).text;
    for (const report of parse(source).reports)
      for (const s of report.sections) {
        const kind = kinds[s.number as 2 | 3 | 4];
        if (!kind) continue;
        const m = fresh(kind[0]());
        const first = tokenize(text, s.headerRange.end, s.range.end, m, kind[1]);
        // The same lines two characters further on: every cell now comes from the cache.
        const moved = '\n\n' + text;
        const again = tokenize(moved, s.headerRange.end + 2, s.range.end + 2, m, kind[1]);
        for (const t of again.tokens) {
          t.start -= 2;
          t.end -= 2;
          if (t.hit) {
            t.hit.start -= 2;
            t.hit.end -= 2;
            t.hit.labelStart -= 2;
          }
        }
        assert.deepEqual(again, first, `${name} section ${s.number}`);
        cells += first.tokens.filter((t) => t.kind === 'label' || t.kind === 'text').length;
      }
  }
  assert.ok(cells > 1000, `${cells} label and text tokens`);
});

test('the cache of cells keeps no part of the text it read them from', async () => {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const { tokenize } = await import('../../server/src/core/parse/tokenize');
  const { table3Matcher } = await import('../../server/src/core/parse/labels');
  const m = Object.assign(
    Object.create(Object.getPrototypeOf(table3Matcher()) as object),
    table3Matcher(),
  ) as ReturnType<typeof table3Matcher>;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  (() => {
    // 8 MB of text (4 M characters, UTF-16) around one row whose label is a long cell of words.
    const pad = '说明'.repeat(1 << 20);
    const text = `${pad}\n（一）本年新收政府信息公开申请数量 | 1 | 2\n${pad}`;
    const at = text.indexOf('（一）');
    const tokens = tokenize(text, at, text.indexOf('\n', at), m).tokens;
    assert.ok(tokens.some((t) => t.kind === 'label'));
  })();
  // V8 keeps the subject of the last regular expression run (RegExp.input): another run lets it go.
  /x/.test('x');
  const kept = heap() - before;
  assert.ok(kept < 2e6, `${(kept / 1e6).toFixed(1)} MB kept`);
});
