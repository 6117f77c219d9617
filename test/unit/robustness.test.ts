// Inputs that once crashed or hung the server or the command line (issue "Never hang, never lose a
// word"): each test here failed before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
