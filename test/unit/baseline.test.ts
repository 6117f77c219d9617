// Dismissals (issue 14, item 4): a finding marked as reviewed stays dismissed, wherever its line
// moves, until the text it points at changes; the command line reads and writes the baseline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { renderSkeleton } from '../../server/src/core/features/render';
import { fingerprintOf, isDismissed } from '../../server/src/core/features/dismiss';
import { openDocument } from '../../server/src/core/document/document';
import type { Finding } from '../../server/src/core/rules/findings';
import {
  BASELINE_NAME,
  baselineBeside,
  findBaseline,
  fingerprints,
  readBaseline,
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
  const shown = (b: Baseline) => findings.filter((f) => !isDismissed(f, text, r, fingerprints(b)));
  return { findings, shown, fps: findings.map((f) => fingerprintOf(f, text, r)) };
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
  assert.deepEqual(moved.shown(base), []);
  // The organ written another way is the same organ.
  assert.deepEqual(checked(report('青石镇政府')).fps, a.fps);
  // The figure changed: a new finding, shown again.
  const changed = checked(report('青石镇人民政府', '8'));
  assert.equal(changed.shown(base).length, 1);
  // Another organ with the same text: not dismissed.
  const other = checked(report('白石镇人民政府'));
  assert.equal(other.shown(base).length, 1);
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

test('fingerprints read the range, its line and its column there, nothing else', () => {
  const f = (start: number, end: number): Pick<Finding, 'code' | 'range'> => ({
    code: 'table3.row-total',
    range: { start, end },
  });
  const fp = (g: Pick<Finding, 'code' | 'range'>, text: string) => fingerprintOf(g, text, null);
  assert.match(fp(f(5, 6), 'aa\nbbXb\ncc'), /^[0-9a-f]{32}$/);
  assert.equal(fp(f(5, 6), 'aa\nbbXb\ncc'), fp(f(9, 10), 'aa\nzzz\nbbXb\ncc'));
  assert.notEqual(fp(f(5, 6), 'aa\nbbXb\ncc'), fp(f(5, 6), 'aa\nbbXc\ncc'));
  assert.notEqual(
    fp(f(5, 6), 'aa\nbbXb\ncc'),
    fp({ code: 'table3.balance', range: { start: 5, end: 6 } }, 'aa\nbbXb\ncc'),
  );
  assert.equal(fp(f(5, 6), 'aa\r\nbXb\r\n'), fp(f(3, 4), 'a\nbXb\n'));
  // Two cells of one line written alike (table 四's two totals of 0) are two findings.
  assert.notEqual(fp(f(2, 3), 'a|0|0|b'), fp(f(4, 5), 'a|0|0|b'));
  // report.not-found is never dismissed: a file that was not read is never a pass.
  const nf: Pick<Finding, 'code' | 'range'> = { code: 'report.not-found', range: { start: 0, end: 0 } };
  assert.equal(isDismissed(nf, '', null, new Set([fp(nf, '')])), false);
});

test('the editor’s path (CheckOptions.dismissed, per report) drops what the command line’s fingerprints name', () => {
  // Two reports in one document: the second's row-total is dismissed, by the fingerprint the
  // command line computes over the whole text; the first report's identical line is another organ's.
  const text = report('青石镇人民政府') + '\n\n' + report('白石镇人民政府');
  const doc = openDocument(text);
  const slots = Array.from({ length: doc.count }, (_, i) => ({ report: doc.report(i), findings: doc.findings(i) }));
  const [a, b] = slots.filter((s) => s.report);
  const target = b!.findings.find((f) => f.code === 'table3.row-total')!;
  assert.ok(target && a!.findings.some((f) => f.code === 'table3.row-total'));
  const dismissed = new Set([fingerprintOf(target, text, b!.report)]);
  const again = openDocument(text);
  const all = again.allFindings({ dismissed });
  assert.equal(all.length, doc.allFindings().length - 1);
  assert.ok(!all.some((f) => f.code === target.code && f.range.start === target.range.start));
  // After an edit above it (the second report moves), still dismissed; the first report's is shown.
  again.edit(0, 0, '说明。\n');
  const moved = again.allFindings({ dismissed }).filter((f) => f.code === 'table3.row-total');
  assert.equal(moved.length, 1);
  assert.ok(moved[0]!.range.start < text.indexOf('白石镇'));
});

test('the nearest baseline is found in the folder or above; a FIFO of that name is refused, not waited on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-baseline-'));
  const deep = join(dir, 'a', 'b');
  mkdirSync(deep, { recursive: true });
  assert.equal(findBaseline(deep), null);
  writeBaseline(join(dir, BASELINE_NAME), []);
  assert.equal(findBaseline(deep), join(dir, BASELINE_NAME));
  writeBaseline(join(dir, 'a', BASELINE_NAME), []);
  assert.equal(findBaseline(deep), join(dir, 'a', BASELINE_NAME));
  const fifo = join(deep, BASELINE_NAME);
  execFileSync('mkfifo', [fifo]);
  assert.equal(findBaseline(deep), fifo);
  assert.deepEqual(readBaseline(fifo), { ok: false, reason: 'not-a-file' });
});

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const cli = (args: string[], cwd?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });

test('check --update-baseline records the findings; later runs leave them out until their text changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-baseline-cli-'));
  const folder = join(dir, 'reports');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  const a = join(folder, 'a.txt');
  const b = join(folder, 'sub', 'b.txt');
  writeFileSync(a, report('青石镇人民政府'));
  writeFileSync(b, report('白石镇人民政府'));
  writeFileSync(join(folder, 'notes.txt'), '这不是年报。\n');

  const first = cli(['check', folder]);
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stdout, /table3\.row-total/);

  const update = cli(['check', '--update-baseline', folder]);
  assert.equal(update.status, 0, update.stdout + update.stderr);
  const file = join(folder, BASELINE_NAME);
  const written = readBaseline(file);
  assert.ok(written.ok && written.baseline);
  const paths = new Set(written.baseline.entries.map((e) => e.path));
  assert.deepEqual([...paths].sort(), ['a.txt', 'sub/b.txt']);
  assert.match(update.stdout, /标记为已审核，记入/);

  const again = cli(['check', folder]);
  assert.equal(again.status, 0, again.stdout);
  assert.doesNotMatch(again.stdout, /table3\.row-total/);
  assert.match(again.stdout, /个已标记为已审核的问题未列出/);
  // A file named alone finds the baseline of a folder above it.
  const alone = cli(['check', '--format', 'json', b]);
  assert.equal(alone.status, 0, alone.stdout + alone.stderr);
  assert.deepEqual(JSON.parse(alone.stdout).files[0].diagnostics, []);
  assert.match(alone.stderr, /未列出/);

  // The figure changed: the finding is back; the other file's stay dismissed.
  writeFileSync(a, report('青石镇人民政府', '8'));
  const changed = cli(['check', '--locale', 'en', folder]);
  assert.equal(changed.status, 1);
  assert.match(changed.stdout, /a\.txt:\d+:\d+: error table3\.row-total/);
  assert.doesNotMatch(changed.stdout, /b\.txt:\d/);

  // Updating for one file replaces that file's entries and keeps the others'.
  const one = cli(['check', '--update-baseline', a]);
  assert.equal(one.status, 0, one.stderr);
  const after = readBaseline(file);
  assert.ok(after.ok && after.baseline);
  assert.deepEqual(new Set(after.baseline.entries.map((e) => e.path)), new Set(['a.txt', 'sub/b.txt']));
  assert.equal(cli(['check', folder]).status, 0);
});

test('a baseline that cannot be used stops check before it prints anything (exit 2); report.not-found stays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-baseline-bad-'));
  const a = join(dir, 'a.txt');
  writeFileSync(a, report('青石镇人民政府'));
  writeFileSync(join(dir, BASELINE_NAME), '{"version": 1, "entries": [');
  const r = cli(['check', a]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /基线文件 .* 无法使用/);
  // --baseline names another file; an empty folder's report.not-found is never recorded.
  const other = join(dir, 'mine.json');
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const u = cli(['check', '--baseline', other, '--update-baseline', a, empty]);
  assert.equal(u.status, 1, u.stdout + u.stderr);
  assert.match(u.stdout, /report\.not-found/);
  const b = readBaseline(other);
  assert.ok(b.ok && b.baseline && b.baseline.entries.length > 0);
  assert.ok(b.baseline.entries.every((e) => e.code !== 'report.not-found'));
  assert.equal(cli(['check', '--baseline', other, a]).status, 0);
  assert.equal(cli(['check', '--baseline']).status, 2);
});

test('the document’s fingerprint of a finding equals the command line’s over the whole text', () => {
  const text = '前言\n\n' + report('青石镇人民政府') + '\n\n' + report('白石镇人民政府', '7');
  const doc = openDocument(text);
  let n = 0;
  for (let i = 0; i < doc.count; i++)
    for (const f of doc.findings(i)) {
      assert.equal(doc.fingerprint(i, f), fingerprintOf(f, text, doc.report(i)), f.code);
      n++;
    }
  assert.ok(n >= 2);
});
