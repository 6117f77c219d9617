// The built command line (dist/cli.js), as scripts call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, byPrefix } from './helpers';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
const seed = join(FIXTURES, 'corpus', byPrefix('000'));

test('tables --format json prints the normalized reports of each file', () => {
  const r = run(['tables', '--format', 'json', seed]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files.length, 1);
  assert.equal(out.files[0].path, seed);
  assert.deepEqual(out.files[0].reports[0].active.punishment, [161]);
  assert.deepEqual(out.files[0].reports[0].applications.newReceived, [1, 0, 0, 0, 0, 0, 1]);
});

test('tables walks folders for .txt .md .html and reads stdin', () => {
  const r = run(['tables', join(FIXTURES, 'corpus')]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.ok(out.files.length >= 30);
  assert.ok(out.files.some((f: { path: string }) => f.path.endsWith('.html')));
  const s = run(['tables', '-'], '一、总体情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n');
  assert.equal(s.status, 0, s.stderr);
  assert.deepEqual(JSON.parse(s.stdout).files[0].reports[0].applications.newReceived, [1, 0, 0, 0, 0, 0, 1]);
});

test('csv and markdown carry every value', () => {
  const csv = run(['tables', '--format', 'csv', seed]);
  assert.equal(csv.status, 0);
  assert.match(csv.stdout, /^file,report,table,row,column,value\n/);
  assert.match(csv.stdout, /,二,行政处罚,本年处理决定数量,161\n/);
  const md = run(['tables', '--format=markdown', seed]);
  assert.match(md.stdout, /\| 行政处罚 \| 161 \|/);
  assert.match(md.stdout, /\| 一、本年新收政府信息公开申请数量 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
});

test('GB18030-encoded files are decoded', () => {
  const r = run(['tables', join(FIXTURES, 'gbk', '000-gb18030.txt')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files[0].reports[0].active.coercion, [19]);
});

test('usage and I/O errors exit 2 with a message and nothing on stdout', () => {
  for (const args of [['tables', '--format', 'xml', seed], ['frobnicate'], ['tables'], ['tables', '/no/such/file.txt']]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /disclosure-report: /);
  }
});
