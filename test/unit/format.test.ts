// Formatting: on every corpus file and in every layout, values and prose kept, idempotent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/normalize';
import { applyEdits, formatTables } from '../../server/src/core/features/format';
import { lineIndex, normalizeReport } from '../../server/src/core/normalized';
import { corpusFiles, readCorpus, byPrefix } from './helpers';

const values = (t: string) => {
  const li = lineIndex(t);
  return parse(t).reports.map((r) => {
    const n = normalizeReport(r, li);
    return { ...n, sections: n.sections.map((s) => [s.number, s.title]) };
  });
};
const format = (t: string, layout: 'pipe' | 'tab' | 'markdown') => {
  const m = parse(t);
  return m.html ? t : applyEdits(t, formatTables(analysisText(t).text, t, m.reports, layout));
};

for (const layout of ['pipe', 'tab', 'markdown'] as const) {
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
            if (sentence.trim().length >= 8) assert.ok(once.includes(sentence.trim()), `${name}: lost prose ${sentence.slice(0, 30)}`);
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
  assert.ok(once.includes('\n3. 其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n') || once.includes('\n3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'));
});
