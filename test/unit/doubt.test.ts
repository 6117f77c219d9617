// Doubt is not a defect: where the reader cannot tell which cell a value belongs to it says so as
// information (table.unreadable) and no rule sums the cells; table.cell-count is an error only where the
// layout shows the wrong count. And a failed balance names the four cells that may be wrong.
// Every report here is built from the template (features/render.ts), with figures of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import type { Finding } from '../../server/src/core/rules/findings';
import { localize } from '../../server/src/core/i18n';
import { checkPiece, fixesFor } from '../../server/src/core/features/fixes';
import { renderApplications, renderReview, renderSkeleton, type Values } from '../../server/src/core/features/render';

const row = (first: number, total = first) => [String(first), '0', '0', '0', '0', '0', String(total)];

/** A 2021 report of our own in pipe rows, table 三 filled with `values`, table 四 with `review`. */
function build(values: Values, review?: string[]): string {
  const skeleton = renderSkeleton('2021', 'pipe', '某某县统计局', 2023);
  let t = skeleton.replace(renderApplications('2021', {}, 'pipe'), renderApplications('2021', values, 'pipe'));
  t = t.replace(
    '五、存在的主要问题及改进情况\n',
    '五、存在的主要问题及改进情况\n公开工作的培训不够，明年每季度组织一次。\n',
  );
  if (review) t = t.replace(renderReview(undefined, 'pipe'), renderReview(review, 'pipe'));
  return t;
}

/** 一 3, granted 2, （七） 2, 四 1: every rule holds. */
const BALANCED: Values = { newReceived: row(3), granted: row(2), totalProcessed: row(2), carriedForward: row(1) };

function findings(text: string): Finding[] {
  return checkDocument(analysisText(text).text, text, parse(text));
}

const codes = (fs: Finding[]) => fs.map((f) => f.code).filter((c) => c !== 'report.title-missing');

function swap(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `lacks ${from}`);
  return text.replace(from, to);
}

const line = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(label))!;

test('the balanced report built here has no finding', () => {
  assert.deepEqual(codes(findings(build(BALANCED))), []);
});

test('rows recovered from a scrambled order are not summed: no total says anything about them', () => {
  // （七）总计 and 四 lose their values to one line after both labels (fourteen values: not two rows
  // of their own, which labels-apart.test.ts places): the reader gives them in order, which here
  // swaps them. Summed, （七） 1 ≠ 2 would be a false error.
  const t0 = build(BALANCED);
  const a = line(t0, '（七）总计');
  const b = line(t0, '四、结转下年度继续办理');
  const cut = (l: string) => l.indexOf(' | ');
  const t = swap(
    t0,
    `${a}\n${b}`,
    `${a.slice(0, cut(a))}\n${b.slice(0, cut(b))}\n${a.slice(cut(a) + 3)} ${b.slice(cut(b) + 3)}`,
  );
  const rows = parse(t).reports[0]!.tables.applications!.rows;
  assert.ok(rows.find((r) => r.key === 'totalProcessed')!.displaced, 'the test builds a recovered row');
  const fs = findings(t);
  assert.deepEqual(codes(fs), ['table.unreadable']);
  assert.equal(fs.find((f) => f.code === 'table.unreadable')!.severity, 'information');
});

test('a short row without cell separators is information and is not summed; with separators an error', () => {
  const t0 = build(BALANCED);
  const granted = line(t0, '（一）予以公开');
  // Spaces: the five blank cells are lost, the two values could stand in any column.
  const spaced = swap(t0, granted, '（一）予以公开 2 2');
  const fs = findings(spaced);
  assert.deepEqual(codes(fs), ['table.unreadable']);
  const f = fs.find((x) => x.code === 'table.unreadable')!;
  assert.equal(f.severity, 'information');
  assert.equal(spaced.slice(f.range.start, f.range.end), '（一）予以公开');
  assert.match(localize(f.message), /读到2个数值（应为7个）/);
  // Pipes: six cells where seven are due, visibly.
  const piped = swap(t0, granted, '（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 2 |');
  const gs = findings(piped);
  assert.deepEqual(codes(gs), ['table.cell-count']);
  const g = gs.find((x) => x.code === 'table.cell-count')!;
  assert.equal(g.severity, 'error');
  assert.equal(piped.slice(g.range.start, g.range.end), '（一）予以公开');
  assert.match(localize(g.message), /有6个数值，应为7个/);
});

test('a separated row with a value too many is table.cell-count, and its values are not summed', () => {
  const t0 = build(BALANCED);
  // Summed as read, its first seven values would break （七）'s first two columns.
  const t = swap(t0, line(t0, '（一）予以公开'), '（一）予以公开 | 0 | 2 | 0 | 0 | 0 | 0 | 2 | 5 |');
  const fs = findings(t).filter((f) => f.code !== 'report.title-missing');
  assert.deepEqual(
    fs.map((f) => `${f.code} ${localize(f.message)}`),
    ['table.cell-count “(一)予以公开”有8个数值，应为7个'],
  );
});

test('run-together digits with several splits are information, not an error', () => {
  const t = swap(build(BALANCED), '行政规范性文件 | 0 | 0 | 0 |', '行政规范性文件 | 1234 |');
  const fs = findings(t);
  assert.deepEqual(codes(fs), ['table.unreadable']);
  assert.equal(fs.find((f) => f.code === 'table.unreadable')!.message.id, 'table.unreadable.ambiguous');
});

test('table 四: a sixteenth value on its line is a visible count; on a line of its own, a doubt', () => {
  const v = ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'];
  const t0 = build(BALANCED, v);
  const values = `${v.join(' | ')} |`;
  const same = findings(swap(t0, values, `${values} 3 |`));
  assert.deepEqual(codes(same), ['table.cell-count']);
  assert.match(localize(same.find((f) => f.code === 'table.cell-count')!.message), /有16个数值，应为15个/);
  const apart = findings(swap(t0, values, `${values}\n3`));
  assert.deepEqual(codes(apart), ['table.unreadable']);
});

test('a failed balance names its four cells, says the difference, and offers each single cell that alone fixes it', () => {
  // 四 2 where 1 is due: 一 3 + 二 0 ≠ （七） 2 + 四 2, one apart, in the 自然人 and 总计 columns.
  const text = build({ ...BALANCED, carriedForward: row(2) });
  const fs = findings(text).filter((f) => f.code === 'table3.balance');
  assert.equal(fs.length, 2);
  const f = fs[0]!;
  assert.match(localize(f.message), /第一项加第二项之和3 ≠ 第三项加第四项之和4，相差1（自然人列）/);
  assert.equal(f.severity, 'error');
  // The range on （七）总计, the three others as related information, each on its cell.
  const at = (r: { start: number; end: number }) => text.slice(r.start, r.end);
  assert.equal(at(f.range), '2');
  assert.deepEqual(
    f.related!.map((x) => [at(x.range), localize(x.message)]),
    [
      ['3', '参与本列勾稽关系：“一、本年新收政府信息公开申请数量”为3（自然人列）'],
      ['0', '参与本列勾稽关系：“二、上年结转政府信息公开申请数量”为0（自然人列）'],
      ['2', '参与本列勾稽关系：“四、结转下年度继续办理”为2（自然人列）'],
    ],
  );
  // Tried before offered: 一 → 4, 二 → 1, 四 → 1 each balance alone (their row's 总计 moves with
  // them); （七） → 3 would break the outcome total and is not offered.
  const { report, findings: all, pinyin } = checkPiece(text);
  const titles = fixesFor(text, report!, all!, pinyin, [f]).map((x) => localize(x.title));
  assert.deepEqual(titles, [
    '将“一、本年新收政府信息公开申请数量”改为 4',
    '将“二、上年结转政府信息公开申请数量”改为 1',
    '将“四、结转下年度继续办理”改为 1',
  ]);
  // In the 总计 column a single cell cannot do it: each would break its row's total.
  assert.deepEqual(fixesFor(text, report!, all!, pinyin, [fs[1]!]), []);
});

test('the command line’s JSON carries a balance’s related cells (line and character)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doubt-'));
  const file = join(dir, 'report.txt');
  writeFileSync(file, build({ ...BALANCED, carriedForward: row(2) }));
  const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', file], { encoding: 'utf8' });
  const d = JSON.parse(r.stdout).files[0].diagnostics.find((x: { code: string }) => x.code === 'table3.balance');
  assert.equal(d.related.length, 3);
  assert.deepEqual(Object.keys(d.related[0]), ['message', 'range']);
  assert.deepEqual(Object.keys(d.related[0].range.start), ['line', 'character']);
  assert.match(d.related[0].message, /参与本列勾稽关系/);
});
