// The rule registry is the one list of codes: package.json, the README, SARIF and the messages are
// derived from it (scripts/docs.ts writes the first two; these tests fail when they are stale).
import { failingHook } from './strict-rules';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, DEFAULT_SEVERITY, RULE_LIST, sarifRules } from '../../server/src/core/rules';
import { checkDocument, onRuleError, runRules } from '../../server/src/core/rules/check';
import { checkPiece } from '../../server/src/core/features/fixes';
import { localize, MESSAGE_IDS } from '../../server/src/core/i18n';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import type { Rule, RuleContext } from '../../server/src/core/rules/rule';
import { codeTable, ROOT, SEVERITY_CHOICES, withCodeTable, withSeveritySchema } from '../../scripts/docs';
import { byPrefix, corpusFiles, readCorpus } from './helpers';

const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

test('package.json has a severity setting for exactly the registry’s codes, each with the same choices', () => {
  const pkg = JSON.parse(read('package.json'));
  const props = pkg.contributes.configuration.properties['disclosureReport.severity'].properties;
  assert.deepEqual(Object.keys(props).sort(), [...CODES].sort());
  for (const code of CODES) {
    assert.deepEqual([props[code].type, props[code].enum], ['string', [...SEVERITY_CHOICES]], code);
    const rule = RULE_LIST.find((r) => r.code === code)!;
    assert.ok(props[code].description.includes(rule.description['zh-CN']), code);
  }
  assert.equal(withSeveritySchema(read('package.json')), read('package.json'), 'run npm run docs');
});

test('README’s table of codes is the one the registry gives (npm run docs)', () => {
  const readme = read('README.md');
  assert.equal(withCodeTable(readme), readme, 'run npm run docs');
  const rows = codeTable().split('\n').slice(2);
  assert.deepEqual(
    rows.map((r) => r.split(' | ')[0]!.replace(/^\| `|`$/g, '')),
    [...CODES],
  );
});

test('every rule: a default severity, a description and messages in both languages, ids under its code', () => {
  const severities = new Set(SEVERITY_CHOICES);
  for (const r of RULE_LIST) {
    assert.ok(severities.has(r.severity) && r.severity !== ('off' as string), r.code);
    assert.equal(DEFAULT_SEVERITY[r.code as (typeof CODES)[number]], r.severity);
    assert.ok(r.description['zh-CN'] && r.description.en && r.description['zh-CN'] !== r.description.en, r.code);
    assert.ok(Object.keys(r.messages).length > 0, `${r.code} has no message`);
    for (const [id, text] of Object.entries(r.messages)) {
      assert.ok(id === r.code || id.startsWith(`${r.code}.`), `${id} is not under ${r.code}`);
      assert.ok(text['zh-CN'] && text.en, id);
      assert.ok(MESSAGE_IDS.includes(id), `${id} is not in i18n's table`);
    }
  }
});

test('on the corpus, every finding and every fix title uses a message of its own rule', () => {
  const rules = new Map(RULE_LIST.map((r) => [r.code, r]));
  let findings = 0;
  let titles = 0;
  for (const name of corpusFiles()) {
    const text = readCorpus(name);
    for (const f of checkDocument(analysisText(text).text, text, parse(text))) {
      findings++;
      assert.ok(f.message.id in rules.get(f.code)!.messages, `${name}: ${f.code} says ${f.message.id}`);
    }
    const piece = checkPiece(text);
    for (const f of piece.findings ?? []) {
      const rule = rules.get(f.code)!;
      const ctx = { text, report: piece.report!, pinyin: piece.pinyin, layout: 'pipe' as const };
      for (const c of rule.fix?.(f, ctx) ?? []) {
        titles++;
        assert.ok(c.title.id in rule.messages, `${name}: ${f.code}'s fix is titled ${c.title.id}`);
      }
    }
  }
  assert.ok(findings > 100 && titles > 10, `${findings} findings, ${titles} fix titles`);
});

test('SARIF rule metadata: one rule per code, in the order of CODES, with its default level and description', () => {
  const rules = sarifRules('en');
  assert.deepEqual(
    rules.map((r) => r.id),
    [...CODES],
  );
  const missing = rules.find((r) => r.id === 'section.missing')!;
  assert.equal(missing.name, 'SectionMissing');
  assert.equal(missing.shortDescription.text, 'one of the six sections is absent');
  assert.equal(missing.defaultConfiguration.level, 'error');
  assert.equal(rules.find((r) => r.id === 'section.title')!.defaultConfiguration.level, 'note');
  assert.match(sarifRules('zh-CN').find((r) => r.id === 'section.missing')!.help.text, /disclosureReport\.severity/);
});

test('a rule that throws is told to the hook, and the other rules still run', () => {
  const text = readCorpus(byPrefix('000'));
  const model = parse(text);
  const ctx: RuleContext = {
    text: analysisText(text).text,
    source: text,
    model,
    report: model.reports[0]!,
    options: { narrativeChecks: true },
    others: [],
  };
  const boom: Rule<'test.boom'> = {
    code: 'test.boom',
    severity: 'error',
    description: { 'zh-CN': '测试', en: 'test' },
    messages: {},
    check: () => {
      throw new RangeError('odd input');
    },
  };
  const told: string[] = [];
  const before = onRuleError((code, e) => told.push(`${code}: ${(e as Error).message}`));
  try {
    const withBoom = runRules([boom, ...RULE_LIST], ctx);
    assert.deepEqual(told, ['test.boom: odd input']);
    assert.deepEqual(withBoom, runRules(RULE_LIST, ctx));
  } finally {
    onRuleError(before);
  }
  // The tests' hook (strict-rules.ts, installed by helpers.ts) turns the same throw into a failure.
  const noted: string[] = [];
  const strict = onRuleError(failingHook(noted));
  try {
    assert.throws(() => runRules([boom], ctx), /rule test\.boom threw: RangeError: odd input/);
    assert.equal(noted.length, 1);
  } finally {
    onRuleError(strict);
  }
});

test('report.not-found has its entry (messages, severity) but no check: the command line produces it', () => {
  const r = RULE_LIST.find((x) => x.code === 'report.not-found')!;
  assert.equal(r.severity, 'error');
  assert.deepEqual(CODES[CODES.length - 1], 'report.not-found');
  assert.match(localize({ id: 'report.not-found.empty' }, 'en'), /the file is empty/);
});
