// Inputs that once crashed or hung the server or the command line (issue "Never hang, never lose a
// word"): each test here failed before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DocumentAnalysis } from '../../server/src/core/document/analysis';
import { forEachLine } from '../../server/src/core/text/lines';
import { tmpdir } from 'node:os';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

test('check survives 12,000 stub reports in one file (no spread of an unbounded list)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-stubs-'));
  const file = join(dir, 'stubs.txt');
  const stub = '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\n';
  writeFileSync(file, stub.repeat(12000));
  const r = spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 1, r.stderr);
  assert.ok(r.stdout.split('\n').length > 12000);
});

/** Runs every editor feature on text in a child process, killed after timeoutMs. */
function featuresInChild(
  text: string,
  timeoutMs = 60_000,
): { problems: { what: string; detail: string }[]; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'dr-one-'));
  const file = join(dir, 'doc.txt');
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'fuzz', 'one.ts'), file], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 26,
  });
  return {
    status: r.status,
    problems:
      r.status === 0
        ? JSON.parse(r.stdout)
        : [{ what: 'child', detail: `status ${r.status} signal ${r.signal} ${r.stderr}` }],
  };
}

const seed000 = readFileSync(
  join(
    import.meta.dirname,
    '..',
    'fixtures',
    'corpus',
    readdirSync(join(import.meta.dirname, '..', 'fixtures', 'corpus')).find((f) => f.startsWith('000'))!,
  ),
  'utf8',
);

test('a report glued to the last line of the previous one: every feature answers', () => {
  const text = seed000.trimEnd() + seed000.slice(seed000.indexOf('一、'));
  const { problems } = featuresInChild(text);
  assert.deepEqual(problems, []);
});

test('a one-line copy of two reports: every feature answers', () => {
  const text = (seed000 + seed000).replace(/\r?\n/g, ' ');
  const { problems } = featuresInChild(text);
  assert.deepEqual(problems, []);
});

test('CR-only line breaks: every feature answers and positions count lines as LSP does', () => {
  for (const text of [
    seed000.replace(/\r?\n/g, '\r'),
    seed000.replace(/\r?\n/g, '\r\n'),
    (seed000 + seed000).replace(/\r?\n/g, (_m, o) => (o % 3 ? '\r' : '\r\n')),
  ]) {
    const { problems } = featuresInChild(text);
    assert.deepEqual(problems, []);
  }
});

test('a report read with CR-only line breaks equals the same report with LF', () => {
  const lf = new DocumentAnalysis(seed000.replace(/\r\n?/g, '\n'));
  const cr = new DocumentAnalysis(seed000.replace(/\r?\n/g, '\r'));
  assert.deepEqual(
    cr.allFindings().map((f) => [f.code, cr.positionAt(f.range.start)]),
    lf.allFindings().map((f) => [f.code, lf.positionAt(f.range.start)]),
  );
  assert.equal(
    cr.model().reports[0]!.tables.applications!.rows.length,
    lf.model().reports[0]!.tables.applications!.rows.length,
  );
});

test('forEachLine stops at the end of the text whatever range it is given', () => {
  const seen: number[][] = [];
  const visit = (s: number, e: number) => {
    if (seen.push([s, e]) > 10) throw new Error('forEachLine does not stop');
  };
  forEachLine('ab\ncd', 7, 20, visit);
  forEachLine('ab\ncd', 2, 99, visit);
  assert.deepEqual(seen, [
    [2, 2],
    [3, 5],
  ]);
});

test('regressions found by the fuzz job: every feature answers, formatting edits apply', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'regressions');
  for (const name of readdirSync(dir).sort()) {
    const { problems } = featuresInChild(readFileSync(join(dir, name), 'utf8'));
    assert.deepEqual(problems, [], name);
  }
});
