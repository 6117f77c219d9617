// The built command line (dist/cli.js), as scripts call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { FIXTURES, byPrefix } from './helpers';
import { renderSkeleton } from '../../server/src/core/features/render';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
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
  const s = run(
    ['tables', '-'],
    '一、总体情况\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n',
  );
  assert.equal(s.status, 0, s.stderr);
  assert.deepEqual(JSON.parse(s.stdout).files[0].reports[0].applications.newReceived, [1, 0, 0, 0, 0, 0, 1]);
});

test('csv and markdown carry every value', () => {
  const csv = run(['tables', '--format', 'csv', seed]);
  assert.equal(csv.status, 0);
  assert.match(csv.stdout, /^\ufefffile,report,table,row,column,value\n/);
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
  for (const args of [
    ['tables', '--format', 'xml', seed],
    ['frobnicate'],
    ['tables'],
    ['tables', '/no/such/file.txt'],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /disclosure-report: /);
  }
});

test('check: text with a summary per file and for the run; exit 0 without errors, 1 with', () => {
  const ok = run(['check', seed]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(
    ok.stdout,
    /000_083edb9afe0f713f\.txt:5:1: 提示 report\.title-missing 未找到写明机关名称和年度的报告标题/,
  );
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
  assert.deepEqual(f.reports[0], {
    title: '平潭综合实验区2020年度政府信息公开工作年度报告',
    organ: '平潭综合实验区',
    year: 2020,
    format: '2019',
    range: f.reports[0].range,
  });
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
  writeFileSync(
    join(dir, '2024.txt'),
    base
      .replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5')
      .replace('0\t0\t0\t0\t0\t0\t\n\n####', '0\t0\t0\t0\t0\t5\t\n\n####'),
  );
  writeFileSync(
    join(dir, '2025.txt'),
    base.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告'),
  );
  writeFileSync(join(dir, 'notes.xlsx'), 'x');
  const r = run(['check', dir]);
  assert.match(
    r.stdout,
    /2025\.txt:\d+:\d+: 警告 crossyear\.carry-over 上年结转0与2024年报告的“结转下年度继续办理”5不一致（自然人列/,
  );
  assert.match(r.stderr, /notes\.xlsx：不是报告文件/);
});

test('check finds prose copied from last year’s report in another file, whichever comes first', () => {
  // The command line sketches a report's prose only when the sniff saw a title of the next year
  // for its organ: these pairs need theirs, in both orders of the files.
  const dir = mkdtempSync(join(tmpdir(), 'dr-'));
  const five = '五、存在的主要问题及改进情况';
  const prose = [
    '一是政策解读形式较为单一，图解、视频等解读方式运用不多；二是依申请公开答复的规范性有待加强，',
    '个别答复文书表述不够准确。下一步，我镇将进一步丰富政策解读形式，加强答复文书审核，',
    '组织工作人员参加业务培训，切实提升政府信息公开工作质量和水平。',
  ].join('');
  const report = (organ: string, year: number) =>
    renderSkeleton('2021', 'pipe', organ, year).replace(`${five}\n`, `${five}\n${prose}\n`);
  writeFileSync(join(dir, 'a.txt'), report('青石镇人民政府', 2024)); // last year's comes after it
  writeFileSync(join(dir, 'b.txt'), report('青石镇人民政府', 2023));
  writeFileSync(join(dir, 'c.txt'), report('白石镇人民政府', 2024)); // last year's came before it
  writeFileSync(join(dir, 'd.txt'), report('白石镇人民政府', 2025));
  writeFileSync(join(dir, 'e.txt'), report('黑石镇人民政府', 2024)); // no other year
  const r = run(['check', '--format', 'json', dir]);
  const copied = JSON.parse(r.stdout)
    .files.map((f: { path: string; diagnostics: { code: string; message: string }[] }) => [
      f.path.slice(dir.length + 1),
      f.diagnostics.filter((x) => x.code === 'crossyear.copied-text').map((x) => x.message),
    ])
    .filter((x: [string, string[]]) => x[1].length);
  assert.deepEqual(copied, [
    ['a.txt', [`本部分文字与2023年报告的同一部分约100%相同，请核实是否照搬上年内容（${join(dir, 'b.txt')}）`]],
    ['d.txt', [`本部分文字与2024年报告的同一部分约100%相同，请核实是否照搬上年内容（${join(dir, 'c.txt')}）`]],
  ]);
});

// ---------------------------------------------------------------------------------------------
// Bad input (issue 8): hostile folders, undecodable files, terminal and spreadsheet injection.
// Every run is bounded: a hang fails the test instead of hanging the suite.

const runIn = (args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { input: opts.input, cwd: opts.cwd, encoding: 'utf8', timeout: 20000 });
const seedText = readFileSync(seed, 'utf8');
const tmp = () => mkdtempSync(join(tmpdir(), 'dr-cli-'));
const punishment = (stdout: string, i = 0) => JSON.parse(stdout).files[i].reports[0]?.active.punishment;

test('usage goes to stderr with exit 2', () => {
  const r = runIn([]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /disclosure-report check/);
});

test('a hostile folder: FIFO, /dev/zero, symlink loops, a link to / and out of the folder are skipped; the reports are read once', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), seedText);
  writeFileSync(join(dir, 'b.disclosure'), seedText);
  const outside = tmp();
  writeFileSync(join(outside, 'secret.txt'), seedText);
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.txt')]).status, 0);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  for (let i = 0; i < 12; i++) symlinkSync('.', join(dir, `dot${i}`));
  symlinkSync('self.txt', join(dir, 'self.txt'));
  symlinkSync('/', join(dir, 'root'));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.txt'));
  symlinkSync('a.txt', join(dir, 'alias.txt'));
  const r = runIn(['tables', dir]);
  assert.equal(r.status, 0, r.stderr);
  const paths = JSON.parse(r.stdout)
    .files.map((f: { path: string }) => f.path.slice(dir.length + 1))
    .sort();
  assert.deepEqual(paths, ['a.txt', 'b.disclosure']);
  assert.match(r.stderr, /fifo\.txt/);
  assert.doesNotMatch(r.stderr, /ELOOP|ENOENT|EACCES/);
  const c = runIn(['check', dir]);
  assert.equal(c.status, 0, c.stderr);
  assert.match(c.stdout, /合计：2 个文件/);
});

test('an unreadable file is reported in Chinese and the others are still checked (exit 2)', () => {
  // /proc/self/mem fails to read with EIO even for root.
  const r = runIn(['check', seed, '/proc/self/mem']);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /000_083edb9afe0f713f\.txt: 错误 0/);
  assert.match(r.stdout, /\/proc\/self\/mem:1:1: 错误 report\.not-found /);
  assert.match(r.stderr, /\/proc\/self\/mem.*无法读取/);
  assert.doesNotMatch(r.stderr, /EIO|i\/o error/);
  const missing = runIn(['check', '/no/such/file.txt']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /不存在/);
  assert.doesNotMatch(missing.stderr, /ENOENT/);
  const en = runIn(['check', '--locale', 'en', '/no/such/file.txt']);
  assert.match(en.stderr, /does not exist/);
});

test('a named input that yields no report is report.not-found, never a silent pass', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(
    join(dir, 'binary.txt'),
    Buffer.from([
      0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 0x10, 0x20, 0, 0,
    ]),
  );
  writeFileSync(join(dir, 'hello.txt'), 'hello world\n');
  for (const [name, reason] of [
    ['empty.txt', /空文件/],
    ['binary.txt', /不是文本/],
    ['hello.txt', /没有找到/],
  ] as const) {
    const r = runIn(['check', join(dir, name)]);
    assert.equal(r.status, 1, name);
    assert.match(r.stdout, new RegExp(`${name}:1:1: 错误 report\\.not-found `));
    assert.match(r.stdout, reason);
    const j = JSON.parse(runIn(['check', '--format', 'json', join(dir, name)]).stdout);
    assert.equal(j.files[0].diagnostics[0].code, 'report.not-found');
  }
  // found in a folder walk: a note on stderr, not an error
  writeFileSync(join(dir, 'a.txt'), seedText);
  const w = runIn(['check', dir]);
  assert.equal(w.status, 0, w.stdout);
  assert.match(w.stderr, /hello\.txt/);
  assert.match(w.stderr, /binary\.txt/);
});

test('invalid UTF-8 bytes do not turn a UTF-8 file into GB18030; mixed files are decoded line by line', () => {
  const dir = tmp();
  const bytes = Buffer.from(seedText, 'utf8');
  const at = bytes.indexOf(Buffer.from('一、总体情况'));
  const bad = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), bytes.subarray(at)]);
  writeFileSync(join(dir, 'bad.txt'), bad);
  const r = runIn(['tables', join(dir, 'bad.txt')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(punishment(r.stdout), [161]);
  assert.match(r.stderr, /bad\.txt：第 5 行/);
  // Read from stdin, by check (which reads its inputs twice, stdin once) as by tables.
  for (const command of ['check', 'tables']) {
    const i = runIn([command, '--format', 'json', '-'], { input: bad });
    assert.match(i.stderr, /^-：第 5 行/m, command);
  }
  // second half of the report pasted in GB18030
  const lines = seedText.split('\n');
  const half = lines.length >> 1;
  const gbk = new TextEncoder(); // UTF-8 for the first half
  const gb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: lines.slice(half).join('\n') });
  assert.equal(gb.status, 0);
  writeFileSync(join(dir, 'mixed.txt'), Buffer.concat([gbk.encode(lines.slice(0, half).join('\n') + '\n'), gb.stdout]));
  const m = runIn(['tables', join(dir, 'mixed.txt')]);
  const s = runIn(['tables', seed]);
  assert.deepEqual(JSON.parse(m.stdout).files[0].reports, JSON.parse(s.stdout).files[0].reports);
});

test('UTF-16 without a BOM is decoded', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'le.txt'), Buffer.from(seedText, 'utf16le'));
  const be = Buffer.from(seedText, 'utf16le');
  be.swap16();
  writeFileSync(join(dir, 'be.txt'), be);
  for (const name of ['le.txt', 'be.txt']) {
    const r = runIn(['tables', join(dir, name)]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(punishment(r.stdout), [161], name);
  }
});

test('SARIF artifact URIs are valid for names with spaces, # and %', () => {
  const dir = tmp();
  const name = 'a b#1%20.txt';
  writeFileSync(join(dir, name), 'hello\n');
  for (const [args, cwd] of [
    [[join(dir, name)], undefined],
    [[name], dir],
  ] as const) {
    const r = runIn(['check', '--format', 'sarif', ...args], { cwd });
    const uri = JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
    assert.doesNotMatch(uri, /[ #]/);
    assert.equal(fileURLToPath(new URL(uri, pathToFileURL(dir + '/'))), join(dir, name), uri);
  }
});

test('terminal escapes and bidi controls from file names and report text never reach the terminal', () => {
  const dir = tmp();
  const name = 'x\u001b[2J\u202e.txt';
  writeFileSync(join(dir, name), seedText.replace('(一)予以公开', '(一)予以\u001b]0;pwned\u0007公开\u2066\u202eX'));
  for (const locale of ['zh-CN', 'en']) {
    const r = runIn(['check', '--locale', locale, dir]);
    assert.ok(r.stdout.length > 0);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.match(r.stdout, /table\.row-unknown .*予以\\x1b\]/); // the report's text, escaped
  }
});

test('CSV cells that a spreadsheet would run as formulas are quoted; negative numbers stay numbers', () => {
  const dir = tmp();
  writeFileSync(join(dir, '=1+1.txt'), seedText.replace('行政处罚 | 161', '行政处罚 | -161'));
  const r = runIn(['tables', '--format', 'csv', '=1+1.txt'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\n'=1\+1\.txt,/);
  assert.doesNotMatch(r.stdout, /\n=/);
  assert.match(r.stdout, /,行政处罚,本年处理决定数量,-161\n/);
});

test('tables csv and markdown keep the group labels and the template order; the CSV has a BOM', async () => {
  const { renderSkeleton } = await import('../../server/src/core/features/render');
  const six = [
    '（六）其他处理',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
  ].join('\n');
  const base = renderSkeleton('2021', 'pipe', '青石镇人民政府', 2024);
  assert.ok(base.includes(six));
  // A 2021 report that wrote （六） as one row, as many do.
  const text = base.replace(six, '（六）其他处理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |');
  const csv = run(['tables', '--format', 'csv', '-'], text);
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\ufefffile,report,table,row,column,value\n'));
  assert.match(csv.stdout, /,三,（三）不予公开 1\.属于国家秘密,自然人,0\n/);
  assert.match(csv.stdout, /,三,（五）不予处理 2\.重复申请,总计,0\n/);
  assert.doesNotMatch(csv.stdout, /,三,1\./);
  const rows = [...csv.stdout.matchAll(/,三,([^,]+),自然人,/g)].map((m) => m[1]);
  const end = [
    '（五）不予处理 5.要求行政机关确认或重新出具已获取信息',
    '（六）其他处理',
    '（七）总计',
    '四、结转下年度继续办理',
  ];
  assert.deepEqual(rows.slice(-4), end);
  const md = run(['tables', '--format', 'markdown', '-'], text).stdout;
  const lines = md.split('\n').filter((l) => l.startsWith('| '));
  const at = (s: string) => lines.findIndex((l) => l.startsWith(`| ${s} |`));
  assert.ok(at('三、本年度办理结果') < at('（一）予以公开'));
  assert.ok(at('（三）不予公开') + 1 === at('1.属于国家秘密'));
  assert.ok(at('（五）不予处理') < at('（六）其他处理') && at('（六）其他处理') < at('（七）总计'));
  assert.match(lines[at('（六）其他处理')]!, /\| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2 \|$/);
});

test('check text: findings in line order, Chinese severity words, and the files that need attention, errors first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attention-'));
  const clean = readFileSync(seed, 'utf8');
  // a warning only: the prose says 5 where the table says 1; an error too: a wrong row total
  writeFileSync(join(dir, 'a-clean.txt'), clean);
  const warned = clean.replace('我镇共收到依申请公开1件', '我镇共收到依申请公开5件');
  assert.notEqual(warned, clean);
  writeFileSync(join(dir, 'b-warning.txt'), warned);
  const wrong = warned.replace(
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 2 |',
  );
  assert.notEqual(wrong, warned);
  writeFileSync(join(dir, 'c-error.txt'), wrong);
  const r = run(['check', dir]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.split('\n');
  const of = (name: string) =>
    lines.filter((l) => l.includes(name + ':') && /:\d+:\d+: /.test(l)).map((l) => Number(/:(\d+):\d+: /.exec(l)![1]));
  for (const name of ['b-warning.txt', 'c-error.txt']) {
    const ls = of(name);
    assert.deepEqual(
      ls,
      [...ls].sort((x, y) => x - y),
      `${name}: line order`,
    );
  }
  assert.ok(lines.some((l) => /c-error\.txt:\d+:\d+: 错误 table3\.row-total/.test(l)));
  assert.ok(lines.some((l) => /b-warning\.txt:\d+:\d+: 警告 narrative\.mismatch/.test(l)));
  const head = lines.indexOf('需要处理的文件（错误优先）：');
  assert.ok(head > 0, r.stdout);
  const listed = lines
    .slice(head + 1)
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/)[0]!);
  assert.deepEqual(
    listed.map((p) => p.split('/').pop()),
    ['c-error.txt', 'b-warning.txt'],
  );
  const en = run(['check', '--locale', 'en', dir]);
  assert.match(en.stdout, /c-error\.txt:\d+:\d+: error table3\.row-total/);
  assert.match(en.stdout, /Files that need attention \(errors first\):\n {2}\S*c-error\.txt {2}\d+ errors/);
});
