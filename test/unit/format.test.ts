// Formatting: on every corpus file and in every layout, values and prose kept, idempotent; and
// formatting never loses a character that is not layout, never changes a finding, never changes
// the script the document is read in, and leaves HTML alone (issue 8, item 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { openDocument } from '../../server/src/core';
import { applyEdits, formatTables } from '../../server/src/core/features/format';
import { lineIndex, normalizeReport } from '../../server/src/core/export';
import { format as lspFormat } from '../../server/src/lsp/handlers';
import type { OpenDoc } from '../../server/src/lsp/documents';
import { corpusFiles, readCorpus, byPrefix } from './helpers';

type Layout = 'pipe' | 'tab' | 'markdown';
const LAYOUTS: Layout[] = ['pipe', 'tab', 'markdown'];

const values = (t: string) => {
  const li = lineIndex(t);
  return parse(t).reports.map((r) => {
    const n = normalizeReport(r, li);
    return { ...n, sections: n.sections.map((s) => [s.number, s.title]) };
  });
};
const format = (t: string, layout: Layout) => {
  const m = parse(t);
  return m.html ? t : applyEdits(t, formatTables(analysisText(t).text, t, m.reports, layout));
};

/** Format Document as the language server answers it, applied to the text. */
function formatted(text: string, layout: Layout): string {
  const d: OpenDoc = {
    uri: 'file:///r.txt',
    languageId: 'disclosure-report',
    version: 1,
    analysis: openDocument(text),
    diags: [],
  };
  const edits = lspFormat(d, layout)
    .map((e) => ({ start: d.analysis.offsetAt(e.range.start), end: d.analysis.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The text without its layout: whitespace, cell separators and Markdown separator lines. */
const MD_RULE = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/gm;
const content = (t: string) => t.replace(MD_RULE, '').replace(/[\s|]/g, '');

/** Findings as the user sees them, positions aside. A pinyin finding counts the annotations of
 *  one line, so its grouping is layout: compared by the total number of annotations. */
function findings(t: string): string[] {
  const out: string[] = [];
  let pinyin = 0;
  for (const f of checkDocument(analysisText(t).text, t, parse(t))) {
    if (f.code === 'text.pinyin-annotation') pinyin += Number(f.message.args?.count ?? 0);
    else out.push(`${f.code}|${f.severity}|${JSON.stringify(f.message)}`);
  }
  out.sort();
  out.push(`pinyin annotations: ${pinyin}`);
  return out;
}

function assertSafe(name: string, text: string, layout: Layout): string {
  const once = formatted(text, layout);
  assert.equal(parse(once).traditional, parse(text).traditional, `${name} (${layout}): script changed`);
  assert.deepEqual(findings(once), findings(text), `${name} (${layout}): findings changed`);
  const [a, b] = [content(text), content(once)];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  assert.ok(
    a === b,
    `${name} (${layout}): a character that is not layout changed at ${i}: “${a.slice(i, i + 30)}” became “${b.slice(i, i + 30)}”`,
  );
  assert.equal(formatted(once, layout), once, `${name} (${layout}): not idempotent`);
  return once;
}

/** The 000 seed, read as Simplified (its 於潜镇 holds a Traditional marker character). */
const seed = () => readCorpus(byPrefix('000')).replace(/於/g, '于');
/** The seed without pipes: cells separated by spaces, as a PDF copy gives them. */
const spaced = () =>
  seed()
    .replace(/ ?\|+ ?/g, ' ')
    .replace(/ +\n/g, '\n');

for (const layout of LAYOUTS) {
  test(`format (${layout}) keeps every value and every line of prose, and is idempotent, on the corpus`, () => {
    for (const name of corpusFiles()) {
      const t = readCorpus(name);
      const once = format(t, layout);
      assert.deepEqual(values(once), values(t), `${name}: values`);
      assert.equal(format(once, layout), once, `${name}: idempotent`);
      // Prose: every sentence of sections 一, 五 and 六 is still there, as written.
      for (const r of parse(t).reports)
        for (const s of r.sections.filter((x) => [1, 5, 6].includes(x.number)))
          for (const sentence of t.slice(s.headerRange.end, s.range.end).split(/[。\n]/))
            if (sentence.trim().length >= 8)
              assert.ok(once.includes(sentence.trim()), `${name}: lost prose ${sentence.slice(0, 30)}`);
    }
  });
}

test('a one-line report gets its tables on lines of their own, the prose around them untouched', () => {
  const t = readCorpus(byPrefix('real-003'));
  const once = format(t, 'pipe');
  assert.ok(once.includes('\n一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 2 | 0 | 4 | 70 |\n'));
  assert.ok(once.includes('\n1 | 0 | 2 | 0 | 3 | 12 | 0 | 0 | 0 | 12 | 0 | 0 | 0 | 0 | 0 |\n'));
  // Table 二 holds a row whose digits cannot be split: left as it was.
  assert.ok(once.includes('行政规范性文件693665'));
});

test('a seed in tab rows, formatted as pipe rows', () => {
  const once = format(readCorpus(byPrefix('002')), 'pipe');
  assert.ok(once.includes('\n行政事业性收费 | 194.3525 |\n'));
  assert.ok(
    once.includes('\n3. 其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n') ||
      once.includes('\n3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'),
  );
});

// ---- issue 8, item 3: formatting deletes text ------------------------------------------------

test('a note after a table’s last value, on the same line, is kept', () => {
  const t = seed()
    .replace(
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |（以上为本机关全年受理数据）',
    )
    .replace(/(\n0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|)/, '$1（单位：件）');
  assert.ok(t.includes('（单位：件）') && t.includes('（以上为本机关全年受理数据）'));
  for (const layout of LAYOUTS) {
    const once = assertSafe('notes', t, layout);
    assert.ok(once.includes('（以上为本机关全年受理数据）'), layout);
    assert.ok(once.includes('（单位：件）'), layout);
  }
});

test('a one-line copy keeps sections 五 and 六 and every character', () => {
  for (const [name, t] of [
    ['one line, spaces', spaced().replace(/\n/g, ' ')],
    ['one line, pipes', seed().replace(/\n/g, ' ')],
  ] as const) {
    for (const layout of LAYOUTS) {
      const once = assertSafe(name, t, layout);
      assert.ok(once.includes('五、存在的主要问题及改进情况'), `${name} ${layout}`);
      assert.ok(once.includes('六、其他需要报告的事项 本年度无收取信息处理费情况。'), `${name} ${layout}`);
    }
  }
});

test('a row with 2 of its 3 values keeps 2: the finding stays (an error with pipes, a doubt with spaces)', () => {
  const short = (t: string, from: string, to: string) => {
    assert.ok(t.includes(from), from);
    return t.replace(from, to);
  };
  const cases: [string, string][] = [
    ['pipe', short(seed(), '行政规范性文件 | 0 | 0 | 1 |', '行政规范性文件 | 0 | 1 |')],
    ['spaces', short(spaced(), '行政规范性文件 0 0 1', '行政规范性文件 0 1')],
    ['one line', short(spaced(), '行政规范性文件 0 0 1', '行政规范性文件 0 1').replace(/\n/g, ' ')],
  ];
  for (const [name, t] of cases) {
    const code = name === 'pipe' ? 'table.cell-count|error' : 'table.unreadable|information';
    const before = findings(t).filter((f) => f.startsWith(code));
    assert.ok(
      before.some((f) => f.includes('"found":2')),
      name,
    );
    for (const layout of LAYOUTS) assertSafe(name, t, layout);
  }
});

test('a Simplified document with Traditional headers keeps its headers as headers', () => {
  // Its Traditional-only characters (most in table 四's header) are fewer than its Simplified
  // ones: the document is Simplified, and its Traditional headers still read (issue 10).
  const t = seed()
    .replace('二、主动公开政府信息情况', '二、主動公開政府信息情況')
    .replace('行政复议 | 行政诉讼 |', '行政復議 | 行政訴訟 |')
    .replace(
      '结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
      '結果維持 | 結果 | 其他 | 尚未 | 總計 | 未經復議直接起訴 | 復議後起訴 |',
    );
  assert.equal(parse(t).traditional, false);
  assert.ok(parse(t).reports[0]!.sections.some((s) => s.number === 2));
  for (const layout of LAYOUTS) {
    const once = assertSafe('traditional', t, layout);
    assert.ok(
      parse(once).reports[0]!.sections.some((s) => s.number === 2),
      layout,
    );
  }
});

test('an HTML document is not formatted at all', () => {
  const mini =
    '<html><body><p>某某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度……</p><p>四、政府信息公开行政复议、行政诉讼情况</p><table><tbody><tr><td>行政复议</td><td>行政诉讼</td></tr><tr>' +
    Array(15).fill('<td>0</td>').join('') +
    '</tr></tbody></table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>';
  for (const t of [mini, readCorpus(byPrefix('real-015'))])
    for (const layout of LAYOUTS) assert.equal(formatted(t, layout), t, layout);
});

test('refusals say why: HTML, and a table that cannot be rewritten safely', async () => {
  const { formatText } = await import('../../server/src/core/features/format');
  const html = formatText('<html><body><p>一、总体情况</p><table><tr><td>0</td></tr></table></body></html>', 'pipe');
  assert.deepEqual(html.edits, []);
  assert.deepEqual(
    html.refusals.map((r) => r.reason),
    ['html'],
  );
  // Table 二's digits run together and cannot be split: left alone, and said so.
  const r = formatText(readCorpus(byPrefix('real-003')), 'pipe');
  assert.ok(r.edits.length > 0);
  assert.ok(r.refusals.some((x) => x.table === 'active'));
});

test('property: every corpus file, as it is and copied onto one line, in every layout', () => {
  let changed = 0;
  for (const name of corpusFiles()) {
    const t = readCorpus(name);
    const variants: [string, string][] = [[name, t]];
    if (!name.endsWith('.html')) variants.push([`${name} (one line)`, t.replace(/\r?\n/g, ' ')]);
    for (const [label, text] of variants)
      for (const layout of LAYOUTS) {
        if (assertSafe(label, text, layout) !== text) changed++;
      }
  }
  // Formatting still does its job on most of them.
  assert.ok(changed >= 60, `only ${changed} formatted`);
});
