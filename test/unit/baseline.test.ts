// Dismissals (issue 14, item 4): a finding marked as reviewed stays dismissed, wherever its line
// moves, until the text it points at changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { renderSkeleton } from '../../server/src/core/features/render';
import type { Finding } from '../../server/src/core/rules/findings';
import {
  BASELINE_NAME,
  baselineBeside,
  fingerprint,
  readBaseline,
  undismissed,
  writeBaseline,
  type Baseline,
} from '../../server/src/node/baseline';

const ROW = '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';

/** A report of our own whose 本年新收 row does not add up (table3.row-total on its 总计). */
function report(organ: string, total = '9', above = ''): string {
  const t = renderSkeleton('2021', 'pipe', organ, 2024);
  assert.ok(t.includes(ROW));
  return t
    .replace(ROW, `一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | ${total} |`)
    .replace('（一）主动公开\n', `（一）主动公开\n${above}`);
}

function checked(text: string) {
  const model = parse(text);
  const findings = checkDocument(analysisText(text).text, text, model).filter((f) => f.code === 'table3.row-total');
  const r = model.reports[0]!;
  const place = () => ({ text, organ: r.organ, year: r.year });
  return { findings, place, fps: findings.map((f) => fingerprint(f, place())) };
}

const baselineOf = (fps: string[]): Baseline => ({
  version: 1,
  entries: fps.map((fingerprint) => ({ fingerprint, code: 'table3.row-total', path: 'a.txt', message: '' })),
});

test('a dismissed finding stays dismissed when lines move, and comes back when its text changes', () => {
  const a = checked(report('青石镇人民政府'));
  assert.equal(a.findings.length, 1);
  const base = baselineOf(a.fps);
  // Lines inserted above: the finding's line number changes, its fingerprint does not.
  const moved = checked(report('青石镇人民政府', '9', '本年度共发布信息一百条。\n另有说明一行。\n'));
  assert.notDeepEqual(moved.findings[0]!.range, a.findings[0]!.range);
  assert.deepEqual(moved.fps, a.fps);
  assert.deepEqual(undismissed(moved.findings, moved.place, base), []);
  // The organ written another way is the same organ.
  assert.deepEqual(checked(report('青石镇政府')).fps, a.fps);
  // The figure changed: a new finding, shown again.
  const changed = checked(report('青石镇人民政府', '8'));
  assert.equal(undismissed(changed.findings, changed.place, base).length, 1);
  // Another organ with the same text: not dismissed.
  const other = checked(report('白石镇人民政府'));
  assert.equal(undismissed(other.findings, other.place, base).length, 1);
});

test('the baseline file: written sorted without duplicates, read back; a broken one is an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-baseline-'));
  const file = baselineBeside(dir, true);
  assert.equal(file, join(dir, BASELINE_NAME));
  assert.equal(baselineBeside(join(dir, 'a.txt'), false), file);
  assert.deepEqual(readBaseline(file), { ok: true, baseline: null });
  const e = (fingerprint: string, path: string) => ({ fingerprint, code: 'x', path, message: 'm' });
  writeBaseline(file, [e('2', 'b.txt'), e('1', 'a.txt'), e('2', 'b.txt')]);
  const r = readBaseline(file);
  assert.ok(r.ok);
  assert.deepEqual(
    r.baseline!.entries.map((x: Baseline['entries'][number]) => x.fingerprint),
    ['1', '2'],
  );
  writeFileSync(file, '{"version": 1, "entries": ');
  assert.deepEqual(readBaseline(file), { ok: false, reason: 'malformed' });
  writeFileSync(file, '{"version": 7, "entries": []}');
  assert.deepEqual(readBaseline(file), { ok: false, reason: 'malformed' });
});

test('fingerprints read the range and its line, nothing else', () => {
  const f = (start: number, end: number): Pick<Finding, 'code' | 'range'> => ({
    code: 'table3.row-total',
    range: { start, end },
  });
  const at = (text: string) => ({ text, organ: null, year: null });
  assert.equal(fingerprint(f(5, 6), at('aa\nbbXb\ncc')), fingerprint(f(9, 10), at('aa\nzzz\nbbXb\ncc')));
  assert.notEqual(fingerprint(f(5, 6), at('aa\nbbXb\ncc')), fingerprint(f(5, 6), at('aa\nbbXc\ncc')));
  assert.equal(fingerprint(f(5, 6), at('aa\r\nbXb\r\n')), fingerprint(f(3, 4), at('a\nbXb\n')));
});
