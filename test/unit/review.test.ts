// `disclosure-report review` (contract.md), through the built command line (dist/cli.js): the
// dashboard, summary.csv, summary.xlsx and a 审核意见 per report; the dashboard read in Chromium.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { readDocx } from '../../server/src/readers/docx';
import { FIXTURES, byPrefix, readCorpus } from './helpers';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-test-'));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const R008 = byPrefix('real-008');
const R010 = byPrefix('real-010');
const S000 = byPrefix('000');

/** Seed 000 with a wrong （七）总计 in the 自然人 column (5 where the outcome rows add up to 1). */
const wrongTotal = () => {
  const text = readCorpus(S000);
  const edited = text.replace('(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '(七)总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
  assert.notEqual(edited, text);
  return edited;
};

/** A folder of reports: real 008 and 010, seed 000 with a wrong total, and a file with no report. */
function folder(): string {
  const dir = tmp();
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  for (const f of [R008, R010]) copyFileSync(join(FIXTURES, 'corpus', f), join(reports, f));
  writeFileSync(join(reports, 'wrong-total.txt'), wrongTotal());
  writeFileSync(join(reports, 'notes.txt'), '会议纪要\n今天讨论了明年的工作安排。\n');
  return dir;
}

const review = (dir: string, ...extra: string[]) => {
  const out = join(dir, 'out');
  const r = run(['review', '--out', out, ...extra, join(dir, 'reports')]);
  return { ...r, out };
};

/** The CSV's rows as arrays of fields (no field of these fixtures holds a quote or a comma). */
const csvRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

test('review writes the dashboard, summary.csv, summary.xlsx and a memo per report, and exits as check', () => {
  const dir = folder();
  const r = review(dir);
  assert.equal(r.status, 1, r.stderr); // errors found, as check
  assert.match(r.stderr, /审核结果已写入/);
  assert.deepEqual(readdirSync(r.out).sort(), ['index.html', 'memos', 'summary.csv', 'summary.xlsx']);
  assert.deepEqual(readdirSync(join(r.out, 'memos')).sort(), [
    'real-008_hongze-district-2023_pdf-layout.docx',
    'real-008_hongze-district-2023_pdf-layout.md',
    'real-010_hongze-district-2024_pdf-layout.docx',
    'real-010_hongze-district-2024_pdf-layout.md',
    'wrong-total.docx',
    'wrong-total.md',
  ]);

  // summary.csv: a BOM, the header, one row per report (the file without a report is not one)
  const csv = readFileSync(join(r.out, 'summary.csv'), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'BOM');
  const rows = csvRows(csv);
  const header = rows[0]!;
  assert.deepEqual(header.slice(0, 4), ['文件', '机关', '年度', '格式']);
  for (const h of ['错误', '警告', '本年新收', '上年结转', '（七）总计', '结转下年度', '复议', '诉讼', '审核意见'])
    assert.ok(header.includes(h), h);
  assert.equal(rows.length, 4);
  const row008 = rows.find((x) => x[0]!.endsWith(R008))!;
  const col = (row: string[], h: string) => row[header.indexOf(h)];
  assert.equal(col(row008, '机关'), '洪泽区人民政府');
  assert.equal(col(row008, '年度'), '2023');
  assert.equal(col(row008, '错误'), '3');
  assert.equal(col(row008, '本年新收'), '21');
  assert.equal(col(row008, '复议'), '0');
  assert.equal(col(row008, '审核意见'), 'memos/real-008_hongze-district-2023_pdf-layout.md');

  // summary.xlsx: the same rows in the sheet, the strings shared
  const xlsx = unzipSync(readFileSync(join(r.out, 'summary.xlsx')));
  const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']!);
  const strings = strFromU8(xlsx['xl/sharedStrings.xml']!);
  assert.equal(sheet.match(/<row /g)?.length, 4);
  assert.match(strings, /洪泽区人民政府/);
  assert.match(strings, /（七）总计/);
  assert.match(sheet, /<v>21<\/v>/);

  // index.html: one row per report, nothing fetched from anywhere
  const html = readFileSync(join(r.out, 'index.html'), 'utf8');
  assert.equal(html.match(/<tr class=/g)?.length, 3);
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(html, /<link|@import|url\(/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('the memo names each problem by 表 / 行 / 列 with its numbers (real/008 table 四, a wrong （七）总计)', async () => {
  const dir = folder();
  const r = review(dir);
  const md = readFileSync(join(r.out, 'memos', 'real-008_hongze-district-2023_pdf-layout.md'), 'utf8');
  assert.deepEqual(md.split('\n').slice(0, 5), [
    '# 关于《洪泽区人民政府2023年政府信息公开工作年度报告》的审核意见',
    '',
    '洪泽区人民政府：',
    '',
    '经审核，你单位报送的《洪泽区人民政府2023年政府信息公开工作年度报告》存在以下问题：',
  ]);
  const items = md.split('\n').filter((l) => /^\d+\. /.test(l));
  assert.deepEqual(items, [
    '1. 表三“（三）不予公开”下“2.其他法律行政法规禁止公开”行：行名“2.其他法律行政止公开”与格式不符，应为“2.其他法律行政法规禁止公开”。',
    '2. 表三“（六）其他处理”行：“（六）其他处理”写成了一行；2021年格式应分为1至3三个子项。',
    '3. 表四“行政复议”栏“总计”列填报为0，按四项结果之和应为11。',
    '4. 表四“行政诉讼（复议后起诉）”栏“总计”列填报为0，按四项结果之和应为5。',
  ]);
  assert.match(md, /请对照上述问题逐项核实，更正后重新报送。/);

  const own = readFileSync(join(r.out, 'memos', 'wrong-total.md'), 'utf8');
  assert.ok(own.includes('表三“（七）总计”行“自然人”列填报为5，按各项办理结果之和应为1。'), own);
  assert.ok(own.includes('表三“（七）总计”行“总计”列填报为5，按各项办理结果之和应为1。'), own);
  // the balance names the cell and says any of the four may be wrong: no value is asserted
  assert.match(own, /表三“（七）总计”行“自然人”列：第一项加第二项之和1 ≠ 第三项加第四项之和5/);

  // the .docx says the same, read back by the project's own Word reader
  const docx = await readDocx(
    new Uint8Array(readFileSync(join(r.out, 'memos', 'real-008_hongze-district-2023_pdf-layout.docx'))),
  );
  assert.ok(docx.ok);
  const text = docx.ok ? docx.rendering.text : '';
  assert.ok(text.includes('3. 表四“行政复议”栏“总计”列填报为0，按四项结果之和应为11。'), text);
  assert.ok(text.includes('洪泽区人民政府：'), text);
});

test('review --locale en writes the memo in English; a clean report gets a memo that says so', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'reports'));
  copyFileSync(join(FIXTURES, 'corpus', S000), join(dir, 'reports', 'clean.txt'));
  writeFileSync(join(dir, 'reports', 'wrong-total.txt'), wrongTotal());
  const en = review(dir, '--locale', 'en');
  assert.equal(en.status, 1, en.stderr);
  const md = readFileSync(join(en.out, 'memos', 'wrong-total.md'), 'utf8');
  assert.ok(
    md.includes(
      'Table 三, row “（七）总计”, column “自然人”: reported as 5; by the sum of the outcome rows it should be 1.',
    ),
    md,
  );
  const clean = readFileSync(join(en.out, 'memos', 'clean.md'), 'utf8');
  assert.match(clean, /we found nothing that needs correcting/);
  assert.match(readFileSync(join(en.out, 'summary.csv'), 'utf8'), /^\uFEFFFile,Organ,Year,Format,Errors/);

  const zh = run(['review', '--out', join(dir, 'zh'), join(dir, 'reports', 'clean.txt')]);
  assert.equal(zh.status, 0, zh.stderr); // no error: exit 0, as check
  const zhClean = readFileSync(join(dir, 'zh', 'memos', 'clean.md'), 'utf8');
  assert.match(zhClean, /未发现需要更正的问题。/);
  // its one note (no title line) is listed to check, with no request to correct and resubmit
  assert.match(zhClean, /此外，以下事项请一并核实：\n\n1\. 第5行：未找到写明机关名称和年度的报告标题。/);
  assert.doesNotMatch(zhClean, /重新报送/);
});

test('review: usage and write failures exit 2; a named file with no report is report.not-found', () => {
  const dir = folder();
  const bad = run(['review', '--format', 'json', join(dir, 'reports')]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  // the output folder cannot be made: a file is in the way
  writeFileSync(join(dir, 'blocked'), 'x');
  const blocked = run(['review', '--out', join(dir, 'blocked'), join(dir, 'reports')]);
  assert.equal(blocked.status, 2);
  assert.match(blocked.stderr, /无法写入/);
  const none = run(['review', '--out', join(dir, 'none'), join(dir, 'reports', 'notes.txt')]);
  assert.equal(none.status, 1);
  const rows = csvRows(readFileSync(join(dir, 'none', 'summary.csv'), 'utf8'));
  assert.equal(rows.length, 2);
  assert.equal(rows[1]![4], '1'); // one error: report.not-found
  assert.deepEqual(readdirSync(join(dir, 'none', 'memos')), []);
});

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

test('the dashboard in Chromium: its rows, sorting and filtering', async (t) => {
  if (!existsSync(CHROMIUM)) {
    // `npm run test:e2e` runs this test again after setup.sh, where a missing Chromium is a failure.
    assert.ok(!process.env.DISCLOSURE_REQUIRE_CHROMIUM, `Chromium not found at ${CHROMIUM}`);
    t.skip(`Chromium not found at ${CHROMIUM} (set CHROMIUM, or run test/e2e/setup.sh)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const dir = folder();
  const r = review(dir);
  assert.equal(r.status, 1, r.stderr);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless'] });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (q) => !q.url().startsWith('file:') && problems.push(`request ${q.url()}`));
    await page.goto(pathToFileURL(join(r.out, 'index.html')).href);
    const cells = () =>
      page.$$eval('#reports tbody tr:not([hidden])', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((c) => c.textContent!.trim())),
      );
    const heads = await page.$$eval('#reports thead th', (ths) => ths.map((th) => th.textContent!.trim()));
    const at = (h: string) => heads.indexOf(h);
    let rows = await cells();
    assert.equal(rows.length, 3);
    const r008 = rows.find((x) => x[at('文件')]!.endsWith(R008))!;
    assert.equal(r008[at('机关')], '洪泽区人民政府');
    assert.equal(r008[at('年度')], '2023');
    assert.equal(r008[at('本年新收')], '21');
    assert.match(r008[at('主要问题')]!, /行政复议的总计为0/);

    // sort by 错误, descending on the second click
    await page.click('th[data-col=error]');
    await page.click('th[data-col=error]');
    rows = await cells();
    const errors = rows.map((x) => Number(x[at('错误')]));
    assert.deepEqual(
      errors,
      [...errors].sort((a, b) => b - a),
    );

    // filter by organ, then only the reports with errors
    await page.fill('#filter', '洪泽');
    rows = await cells();
    assert.equal(rows.length, 2);
    assert.equal(await page.textContent('#shown'), '2 / 3');
    await page.fill('#filter', '');
    await page.check('#only-errors');
    rows = await cells();
    assert.ok(rows.every((x) => Number(x[at('错误')]) > 0));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('the problem matchers read every finding line of check’s text output, with its severity', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
  const matchers: { name: string; severity: string; pattern: { regexp: string; file: number; line: number } }[] =
    pkg.contributes.problemMatchers;
  assert.deepEqual(
    matchers.map((m) => m.name),
    ['disclosure-report-error', 'disclosure-report-warning', 'disclosure-report-info'],
  );
  assert.equal(pkg.contributes.taskDefinitions[0].type, 'disclosure-report');
  // the Chinese severity words of check's text output, one matcher each; the summary lines match none
  const which = (line: string) =>
    matchers.filter((m) => new RegExp(m.pattern.regexp).test(line)).map((m) => m.severity);
  assert.deepEqual(which('报告/a b.txt:61:9: 错误 table3.balance 第一项加第二项之和1 ≠ 5'), ['error']);
  assert.deepEqual(which('a.txt:3:1: 警告 section.numbering 序号“二.”不规范'), ['warning']);
  assert.deepEqual(which('a.txt:5:1: 提示 report.title-missing 未找到标题'), ['info']);
  assert.deepEqual(which('a.txt:5:1: 建议 x.y 建议'), ['info']);
  assert.deepEqual(which('a.txt: 错误 4，警告 0，提示 1，建议 0（1 份报告）'), []);
  assert.deepEqual(which('合计：1 个文件，错误 4，警告 0，提示 1，建议 0'), []);
  const dir = folder();
  for (const locale of ['zh-CN', 'en']) {
    const text = run(['check', '--locale', locale, join(dir, 'reports')]);
    const json = JSON.parse(run(['check', '--format', 'json', join(dir, 'reports')]).stdout);
    const expected: string[] = [];
    for (const f of json.files)
      for (const d of f.diagnostics)
        expected.push(`${f.path}:${d.range.start.line + 1} ${d.severity === 'hint' ? 'information' : d.severity}`);
    const seen: string[] = [];
    for (const line of text.stdout.split('\n')) {
      const hits = matchers.filter((m) => new RegExp(m.pattern.regexp).test(line));
      assert.ok(hits.length <= 1, line);
      const m = hits[0];
      if (!m) continue;
      const g = new RegExp(m.pattern.regexp).exec(line)!;
      assert.ok(existsSync(g[m.pattern.file]!), line);
      seen.push(`${g[m.pattern.file]}:${g[m.pattern.line]} ${m.severity === 'info' ? 'information' : m.severity}`);
    }
    assert.deepEqual(seen.sort(), expected.sort(), locale);
    assert.ok(seen.length >= 8, `${seen.length} findings read`);
  }
});

test('review: report text and file names are escaped in the dashboard and made safe as memo names', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'reports'));
  const name = 'a<img src=x onerror=alert(1)>"b".txt';
  writeFileSync(join(dir, 'reports', name), wrongTotal());
  const r = review(dir);
  assert.equal(r.status, 1, r.stderr);
  const html = readFileSync(join(r.out, 'index.html'), 'utf8');
  assert.ok(!html.includes('<img'), 'no markup from a file name');
  assert.ok(html.includes('a&lt;img src=x onerror=alert(1)&gt;&quot;b&quot;.txt'));
  assert.deepEqual(readdirSync(join(r.out, 'memos')).sort(), [
    'a_img src=x onerror=alert(1)__b_.docx',
    'a_img src=x onerror=alert(1)__b_.md',
  ]);
});

test('review: a file holding two reports gives two rows and two memos, each with its own findings', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'two.txt'), `${readCorpus(S000)}\n\n${wrongTotal()}`);
  const r = run(['review', '--out', join(dir, 'out'), join(dir, 'two.txt')]);
  assert.equal(r.status, 1, r.stderr);
  const rows = csvRows(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8'));
  assert.equal(rows.length, 3);
  assert.deepEqual(
    rows.slice(1).map((x) => [x[4], x[x.length - 1]]),
    [
      ['0', 'memos/two-1.md'],
      ['4', 'memos/two-2.md'],
    ],
  );
  assert.match(readFileSync(join(dir, 'out', 'memos', 'two-1.md'), 'utf8'), /未发现需要更正的问题/);
  assert.match(readFileSync(join(dir, 'out', 'memos', 'two-2.md'), 'utf8'), /“（七）总计”行“自然人”列填报为5/);
});

test('the memo lists the rows a table lacks as one problem, not as problems of the row the finding sits on', () => {
  const dir = tmp();
  const text = readCorpus(S000).replace('行政处罚 | 161 | ||\n', '').replace('行政强制 | 19 | ||\n', '');
  writeFileSync(join(dir, 'rows.txt'), text);
  const r = run(['review', '--out', join(dir, 'out'), join(dir, 'rows.txt')]);
  assert.equal(r.status, 1, r.stderr);
  const md = readFileSync(join(dir, 'out', 'memos', 'rows.md'), 'utf8');
  const items = md.split('\n').filter((l) => /^\d+\. /.test(l));
  assert.deepEqual(
    items.filter((l) => l.includes('缺少')),
    ['1. 表二缺少2行：“行政处罚”、“行政强制”。'],
  );
});

test('the memo names blank cells by table (one finding for all of them), not by the first blank cell', () => {
  const dir = tmp();
  const text = readCorpus(S000).replace('2.重复申请 | 0 | 0 |', '2.重复申请 |  |  |');
  writeFileSync(join(dir, 'blank.txt'), text);
  const r = run(['review', '--out', join(dir, 'out'), join(dir, 'blank.txt')]);
  assert.equal(r.status, 0, r.stderr);
  const md = readFileSync(join(dir, 'out', 'memos', 'blank.md'), 'utf8');
  const items = md.split('\n').filter((l) => /^\d+\. /.test(l));
  assert.deepEqual(
    items.filter((l) => l.includes('为空')),
    ['1. 表三：2个单元格为空：空白不等于0，没有数据应填0（“2.重复申请”的自然人、商业企业）。'],
  );
});

test('review again into a folder inside the reviewed one: the previous dashboard and memos are not reviewed', () => {
  const dir = folder();
  // real/028's memo quotes enough of its report to read as one
  copyFileSync(join(FIXTURES, 'corpus', byPrefix('real-028')), join(dir, 'reports', 'r028.txt'));
  const out = join(dir, 'reports', 'review');
  const first = run(['review', '--out', out, join(dir, 'reports')]);
  const before = readFileSync(join(out, 'summary.csv'), 'utf8');
  const again = run(['review', '--out', out, join(dir, 'reports')]);
  assert.equal(again.status, first.status, again.stderr);
  assert.equal(readFileSync(join(out, 'summary.csv'), 'utf8'), before);
  assert.equal(readFileSync(join(out, 'index.html'), 'utf8').match(/<tr class=/g)?.length, 4);
});
