// Issue 13 item 6: placeholders flagged, the template's year, the missing-section insert fix for 一
// and 六, and labels not coloured as errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import { localize } from '../../server/src/core/i18n';
import { renderSkeleton } from '../../server/src/core/features/render';
import { complete, templateYear } from '../../server/src/core/features/completion';
import { applySorted, checkPiece, fixAll, fixesFor } from '../../server/src/core/features/fixes';
import { PLACEHOLDER_MAX } from '../../server/src/core/rules/text-placeholder';
import { byPrefix, readCorpus } from './helpers';

const S000 = readCorpus(byPrefix('000'));
const TITLE = '某区财政局2024年政府信息公开工作年度报告\n';

function placeholders(text: string): string[] {
  const m = parse(text);
  return checkDocument(analysisText(text).text, text, m)
    .filter((f) => f.code === 'text.placeholder')
    .map((f) => text.slice(f.range.start, f.range.end));
}

test('text.placeholder: （机关名称）, XX, ×× and a （单位） opening the title are flagged, each on its own text', () => {
  const text = ('（单位）' + TITLE + S000)
    .replace('於潜镇人民政府党政综合办公室', '（机关名称）')
    .replace('邮编:311311', '邮编:XXXXXX')
    .replace('地址:於潜镇人民街132号', '地址:××街××号');
  assert.deepEqual(placeholders(text), ['（单位）', '（机关名称）', '××', '××', 'XXXXXX']);
  const m = parse(text);
  const f = checkDocument(analysisText(text).text, text, m).find((x) => x.code === 'text.placeholder')!;
  assert.equal(f.severity, 'warning');
  assert.equal(localize(f.message), '“（单位）”是模板中的占位符，请替换为实际内容');
  assert.equal(localize(f.message, 'en'), '“（单位）” is a placeholder from a template: replace it with the real text');
});

test('text.placeholder: ordinary wording stays silent (各部门（单位）, an address with xx, one ×, （单位：万元）)', () => {
  const text = (TITLE + S000)
    .replace('一、总体情况\n', '一、总体情况\n督促各部门（单位）落实，网址 www.hz.gov.cn/zfxxgk/xxgk，面积 3×4 米。\n')
    .replace('本年度无收取信息处理费情况。', '本年度无收取信息处理费情况（单位：万元）。');
  assert.deepEqual(placeholders(text), []);
  assert.deepEqual(placeholders(TITLE + S000), []);
});

test('text.placeholder: at most PLACEHOLDER_MAX findings a report; a run of ten thousand × is one', () => {
  const many = (TITLE + S000).replace('一、总体情况\n', `一、总体情况\n${'XX局，'.repeat(50)}\n`);
  assert.equal(placeholders(many).length, PLACEHOLDER_MAX);
  const long = (TITLE + S000).replace('一、总体情况\n', `一、总体情况\n${'×'.repeat(10_000)}件\n`);
  assert.deepEqual(
    placeholders(long).map((p) => p.length),
    [10_000],
  );
});

test('text.placeholder: the skeleton’s organ placeholder is flagged until the clerk names the organ', () => {
  const sk = renderSkeleton('2021', 'pipe', undefined, 2025);
  assert.deepEqual(placeholders(sk), ['（机关名称）']);
  assert.deepEqual(placeholders(sk.replace('（机关名称）', '某区财政局')), []);
});

// Scopes the default themes (Light+, Light Modern, Monokai…) colour red or maroon, as they colour errors.
const RED_SCOPES = /^(invalid|markup\.deleted|entity\.name\.tag|string|entity\.other\.attribute-name|message\.error)\b/;

test('grammar: row labels and sub-headings are not in a scope that themes colour like errors', () => {
  const dir = join(import.meta.dirname, '..', '..', 'syntaxes');
  const grammars = readdirSync(dir).filter((f) => f.endsWith('.tmLanguage.json'));
  assert.ok(grammars.length >= 1);
  for (const g of grammars) {
    const repo = JSON.parse(readFileSync(join(dir, g), 'utf8')).repository as Record<
      string,
      { name: string; match: string }
    >;
    for (const [key, rule] of Object.entries(repo)) assert.ok(!RED_SCOPES.test(rule.name), `${g} ${key}: ${rule.name}`);
    // What a row of table 三 is read as: its label a variable, its numbers numbers.
    const scopeOf = (line: string, text: string) =>
      Object.values(repo).find((r) => new RegExp(r.match, 'gm').exec(line)?.[0].trim() === text)?.name ?? '';
    assert.match(
      scopeOf('1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0', '1.属于国家秘密'),
      /^variable\.other\.row-label/,
    );
    assert.match(scopeOf('（一）予以公开 | 0 | 0', '（一）予以公开'), /^entity\.name\.function\./);
  }
});

test('template year: a set year, else last year until March and this year from April (now is given)', () => {
  assert.equal(templateYear('auto', { year: 2026, month: 1 }), 2025);
  assert.equal(templateYear('auto', { year: 2026, month: 3 }), 2025);
  assert.equal(templateYear('auto', { year: 2026, month: 4 }), 2026);
  assert.equal(templateYear('auto', { year: 2026, month: 12 }), 2026);
  assert.equal(templateYear(2019, { year: 2026, month: 12 }), 2019);
  // The skeleton completion writes it in the title; without a year the core writes a placeholder.
  const sk = complete('', null, 0, 2026).find((c) => c.kind === 'skeleton')!;
  assert.match(sk.insertText, /^（机关名称）2026年政府信息公开工作年度报告\n/);
  const none = complete('', null, 0).find((c) => c.kind === 'skeleton')!;
  assert.match(none.insertText, /^（机关名称）20XX年/);
});

/** The report without section `from` (up to `to`, or the end), its section.missing finding, its quick
 *  fix applied, and the codes found before and after. */
function insertFix(base: string, from: string, to: string | null) {
  const a = base.indexOf(from);
  const b = to === null ? base.length : base.indexOf(to);
  assert.ok(a >= 0 && b > a);
  const text = base.slice(0, a) + base.slice(b);
  const { report, findings, pinyin } = checkPiece(text);
  const target = findings!.filter((f) => f.code === 'section.missing');
  assert.equal(target.length, 1);
  const fixes = fixesFor(text, report!, findings!, pinyin, target);
  const fixed = fixes.length ? applySorted(text, fixes[0]!.edits) : text;
  const after = checkPiece(fixed).findings!;
  const inserted = fixes[0]?.edits[0];
  return { text, fixes, fixed, before: findings!, after, inserted, all: fixAll(text, report!, findings!, pinyin)! };
}

test('section.missing: 六 and 一 get their insert fix though the inserted heading carries its own finding', () => {
  const base = TITLE + S000;
  const six = insertFix(base, '六、其他需要报告的事项', null);
  assert.equal(six.fixes.length, 1);
  assert.equal(localize(six.fixes[0]!.title), '插入“六、其他需要报告的事项”');
  // The new section says nothing of the fee yet: that warning sits on the inserted heading, and is all that appeared.
  const fee = six.after.filter((f) => f.code === 'section6.fee-missing');
  assert.equal(fee.length, 1);
  assert.ok(fee[0]!.range.start >= six.inserted!.start, 'the fee finding lies in the inserted text');
  assert.deepEqual(
    six.after.map((f) => f.code).filter((c) => c !== 'section6.fee-missing'),
    six.before.map((f) => f.code).filter((c) => c !== 'section.missing'),
  );
  // Fix-all (safe: a heading, no figure) inserts it too.
  assert.equal(applySorted(six.text, six.all), six.fixed);

  const one = insertFix(base, '一、总体情况', '二、主动公开政府信息情况');
  assert.equal(one.fixes.length, 1);
  assert.match(one.fixed, /\n一、总体情况\n二、主动公开政府信息情况/);
  const topics = one.after.filter((f) => f.code === 'overview.topic-missing');
  assert.equal(topics.length, 5);
  assert.deepEqual(
    one.after.map((f) => f.code).filter((c) => c !== 'overview.topic-missing'),
    one.before.map((f) => f.code).filter((c) => c !== 'section.missing'),
  );
  // Untitled, the report is now expected to carry a title: that note, on the inserted heading, is expected too.
  const untitled = insertFix(S000, '一、总体情况', '二、主动公开政府信息情况');
  assert.equal(untitled.fixes.length, 1);
  assert.deepEqual(untitled.after.map((f) => f.code).sort(), [
    'overview.topic-missing',
    'overview.topic-missing',
    'overview.topic-missing',
    'overview.topic-missing',
    'overview.topic-missing',
    'report.title-missing',
  ]);
});
