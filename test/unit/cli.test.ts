// The built command line (dist/cli.js), as scripts call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

test('check: text with a summary per file and for the run; exit 0 without errors, 1 with', () => {
  const ok = run(['check', seed]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /000_083edb9afe0f713f\.txt:5:1: information report\.title-missing 未找到写明机关名称和年度的报告标题/);
  assert.match(ok.stdout, /000_083edb9afe0f713f\.txt: 错误 0，警告 0，提示 1，建议 0（1 份报告）/);
  assert.match(ok.stdout, /合计：1 个文件，错误 0，警告 0，提示 1，建议 0\n$/);
  const bad = run(['check', '--locale', 'en', join(FIXTURES, 'corpus', byPrefix('real-010'))]);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /:25:8: warning narrative\.mismatch The text says 17; the table’s “本年新收” is 95/);
  assert.match(bad.stdout, /total: files: 1, errors: 1, warnings: 2/);
});

test('check --format json follows the contract', () => {
  const r = run(['check', '--format', 'json', join(FIXTURES, 'corpus', byPrefix('real-002'))]);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  const f = out.files[0];
  assert.deepEqual(Object.keys(f), ['path', 'reports', 'diagnostics']);
  assert.deepEqual(f.reports[0], { title: '平潭综合实验区2020年度政府信息公开工作年度报告', organ: '平潭综合实验区', year: 2020, format: '2019', range: f.reports[0].range });
  assert.deepEqual(Object.keys(f.reports[0].range.start), ['line', 'character']);
  const d = f.diagnostics.find((x: { code: string }) => x.code === 'table3.outcome-total');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, 9);
  assert.ok(d.range.end.character > d.range.start.character);
});

test('check --format sarif is SARIF 2.1.0 with 1-based regions', () => {
  const r = run(['check', '--format', 'sarif', join(FIXTURES, 'corpus', byPrefix('real-008'))]);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'table4.total');
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 152);
  assert.equal(log.runs[0].tool.driver.rules[res.ruleIndex].id, 'table4.total');
});

test('check compares each report with last year’s among the inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-'));
  const base = readFileSync(join(FIXTURES, 'corpus', byPrefix('002')), 'utf8');
  writeFileSync(join(dir, '2024.txt'), base.replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5').replace('0\t0\t0\t0\t0\t0\t\n\n####', '0\t0\t0\t0\t0\t5\t\n\n####'));
  writeFileSync(join(dir, '2025.txt'), base.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告'));
  writeFileSync(join(dir, 'notes.pdf'), 'x');
  const r = run(['check', dir]);
  assert.match(r.stdout, /2025\.txt:\d+:\d+: warning crossyear\.carry-over 上年结转0与2024年报告的“结转下年度继续办理”5不一致（自然人列/);
  assert.match(r.stderr, /skipped .*notes\.pdf/);
});
