// Every regular expression of the core runs in linear time on report text (issue 8, item 2): each
// regex literal and `new RegExp` of server/src/core is collected from the source and fed long
// adversarial strings (digit runs with separators, `1.1.1…`, `-1-1…`, runs of spaces, brackets, the
// pattern's own words repeated), each run under a watchdog. A pattern that backtracks
// catastrophically (`^[-−]?[\d.,]*\d(?:[-−]?[\d.]+)*$` took minutes on 39 digits) fails here
// instead of hanging the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { isMarkdownSeparator, isNumericChunk, PAGE_NUMBER } from '../../server/src/core/parse/tokenize';
import { parse } from '../../server/src/core/parse';
import { PROSE_REGEXES } from '../../server/src/core/parse/prose';
import { SECTIONS } from '../../server/src/core/template';
import { compact, readsAs } from '../../server/src/core/text/normalize';
import { byPrefix, readCorpus } from './helpers';
import { sourceFiles } from './helpers';

const CORE = join(import.meta.dirname, '..', '..', 'server', 'src', 'core');
/** Generous: a linear scan of these inputs takes well under a millisecond. */
const BOUND_MS = 200;
const LEN = 10_000;

interface Site {
  where: string;
  re: RegExp;
}

/** Patterns that are super-linear but only ever see short strings: their callers' bound on the
 *  input length, and why. Each is still run on inputs of that length. */
const BOUNDED = new Map<string, number>([
  // parse.ts organYear(): the title, a line of at most 80 characters plus the organ's line above
  // (at most 30). Lazy `.*?` twice: quadratic; told to the owner of parse.ts.
  [String.raw`^(.*?)(\d{4})\s*年度?(.*?)(?:政府信息公开(?:工作)?年度报告|政府信息公开工作年报)`, 110],
]);

/** `new RegExp(...)` whose pattern is not a plain template of string constants: checked below by hand. */
const DYNAMIC = new Set(['parse/headers.ts TITLE_RE', 'parse/prose.ts re', 'text/normalize.ts readers']);

const load = createRequire(import.meta.url);
const NOT_CONSTANT = Symbol('not constant');

/**
 * The value of a constant expression of `sf`, to rebuild the patterns it builds from data: literals,
 * templates, the file's own constants, what it imports from the core's modules (loaded), calls of
 * those and property reads (`anyOf(UNITS)`, `TITLE_PATTERN.source`, `NUMERALS[9]`). NOT_CONSTANT
 * for anything else (a function written in place, a variable).
 */
function evaluator(sf: ts.SourceFile, file: string): (e: ts.Expression) => unknown {
  const consts = new Map<string, ts.Expression>();
  const imported = new Map<string, { from: string; name: string }>();
  const scan = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.moduleSpecifier.text.startsWith('.')) {
      const bindings = n.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const b of bindings.elements) {
          imported.set(b.name.text, { from: n.moduleSpecifier.text, name: (b.propertyName ?? b.name).text });
        }
    }
    ts.forEachChild(n, scan);
  };
  scan(sf);
  const seen = new Set<string>();
  const evaluate = (e: ts.Expression): unknown => {
    if (ts.isStringLiteralLike(e)) return e.text;
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return evaluate(e.expression);
    if (e.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const t = e.getText();
      return new RegExp(t.slice(1, t.lastIndexOf('/')), t.slice(t.lastIndexOf('/') + 1));
    }
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text;
      for (const span of e.templateSpans) {
        const v = evaluate(span.expression);
        if (typeof v !== 'string' && typeof v !== 'number') return NOT_CONSTANT;
        out += String(v) + span.literal.text;
      }
      return out;
    }
    if (ts.isIdentifier(e)) {
      const imp = imported.get(e.text);
      if (imp) return (load(resolve(dirname(file), imp.from)) as Record<string, unknown>)[imp.name] ?? NOT_CONSTANT;
      const init = consts.get(e.text);
      if (!init || seen.has(e.text)) return NOT_CONSTANT;
      seen.add(e.text);
      const v = evaluate(init);
      seen.delete(e.text);
      return v;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const obj = evaluate(e.expression);
      const key = ts.isPropertyAccessExpression(e) ? e.name.text : evaluate(e.argumentExpression);
      if (obj === NOT_CONSTANT || obj === null || obj === undefined || key === NOT_CONSTANT) return NOT_CONSTANT;
      const v = (obj as Record<string, unknown>)[key as string];
      return typeof v === 'function' ? v.bind(obj) : (v ?? NOT_CONSTANT);
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const [a, b] = [evaluate(e.left), evaluate(e.right)];
      return typeof a === 'string' && typeof b === 'string' ? a + b : NOT_CONSTANT;
    }
    if (ts.isCallExpression(e)) {
      const f = evaluate(e.expression);
      const args = e.arguments.map(evaluate);
      if (typeof f !== 'function' || args.includes(NOT_CONSTANT)) return NOT_CONSTANT;
      return f(...args);
    }
    return NOT_CONSTANT;
  };
  return evaluate;
}

function collect(): { sites: Site[]; dynamic: string[] } {
  const sites: Site[] = [];
  const dynamic: string[] = [];
  for (const file of sourceFiles(CORE)) {
    const src = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
    const rel = relative(CORE, file);
    const evaluate = evaluator(sf, file);
    const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const slash = text.lastIndexOf('/');
        sites.push({ where: `${rel}:${line(n)} ${text}`, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp') {
        const [pat, flags] = n.arguments ?? [];
        const flagValue = flags ? evaluate(flags) : '';
        const flagText = typeof flagValue === 'string' ? flagValue : null;
        const value = pat ? evaluate(pat) : NOT_CONSTANT;
        const pattern = typeof value === 'string' ? value : null;
        if (pattern !== null && flagText !== null)
          sites.push({ where: `${rel}:${line(n)} new RegExp(${pattern})`, re: new RegExp(pattern, flagText) });
        else {
          const decl = n.parent && ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : `line ${line(n)}`;
          dynamic.push(`${rel} ${decl}`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { sites, dynamic };
}

/** Words of a pattern (runs of literal characters), used as prefixes and repeated pieces. */
function wordsOf(re: RegExp): string[] {
  const words = new Set<string>();
  const bare = re.source.replace(
    /\\[dDsSwWbBnrtfv]|\\u\{?[0-9a-fA-F]+\}?|\\p\{[^}]*\}|\{\d+(?:,\d*)?\}|\[(?:\\.|[^\]])*\]/g,
    ' ',
  );
  for (const m of bare.matchAll(/(?:\\.|[^\\\s.*+?^$()|[\]{}])+/g)) words.add(m[0].replace(/\\(.)/g, '$1'));
  return [...words].slice(0, 4);
}

/** Repeated pieces: digit runs with separators, signs, spaces, brackets, pipes, numerals, words. */
const PIECES = [
  '1',
  '16',
  '1.',
  '1,',
  '1,000',
  '-1',
  '−1',
  '1-',
  '00',
  ' ',
  '1 ',
  '\t',
  '\u3000',
  '|',
  '| ',
  '|1',
  '-',
  '—',
  '.',
  '(',
  ')',
  '（',
  '）',
  '(一)',
  '一',
  '一、',
  '年',
  '2020年',
  '2020 年 ',
  '#',
  ':',
  '万',
  'a',
  'Page 1 ',
  '第1页',
  '政府信息公开',
  '。',
  '\r',
  '<',
  '</td>',
];
/** The same, after a word of the pattern (so that the pattern gets past its first literal). */
const SHORT_PIECES = ['1', '16', '1.', '1,', '-1', ' ', '1 ', '|', '-', '(', '一', '年'];
/** Near misses: the input fails at its very end. */
const SUFFIXES = ['', 'x', '\r', '\u2028x'];
/** Beginnings that get a pattern past its first literal whatever its words. */
const PREFIXES = ['1', 'Page 1', '|--'];

interface Input {
  prefix: string;
  piece: string;
  suffix: string;
}

/** `piece` repeated to `len` characters, between `prefix` and `suffix`; the last `max` characters if given. */
function build(x: Input, len: number, max?: number): string {
  const s = x.prefix + x.piece.repeat(Math.ceil(len / x.piece.length)).slice(0, len) + x.suffix;
  return max ? s.slice(s.length - max) : s;
}

function inputs(re: RegExp): Input[] {
  const words = wordsOf(re);
  const out: Input[] = [];
  for (const piece of [...PIECES, ...words, ...words.map((w) => w + ' '), ...words.map((w) => w + '1')])
    for (const suffix of SUFFIXES) out.push({ prefix: '', piece, suffix });
  for (const prefix of [...PREFIXES, ...words])
    for (const piece of [...SHORT_PIECES, prefix]) for (const suffix of SUFFIXES) out.push({ prefix, piece, suffix });
  return out;
}

// Runs go through vm with a timeout, so that a catastrophic pattern fails the test instead of
// hanging it: the milliseconds `f` took, Infinity when it was stopped.
const ctx = vm.createContext({ f: null as (() => unknown) | null });
const RUN = new vm.Script('f()');
function timed(f: () => unknown, limit = BOUND_MS * 5): number {
  ctx.f = f;
  const t0 = performance.now();
  try {
    RUN.runInContext(ctx, { timeout: limit });
  } catch {
    return Infinity;
  }
  return performance.now() - t0;
}

const runner = (re: RegExp, s: string) => () => {
  re.lastIndex = 0;
  return re.global ? s.replace(re, '') : re.exec(s);
};

/** The best of three runs: a pause of the machine is not the pattern's doing. */
function steady(f: () => unknown): number {
  let ms = timed(f);
  for (let i = 0; i < 2 && ms > BOUND_MS && ms < Infinity; i++) ms = Math.min(ms, timed(f));
  return ms;
}

/** A run of 10,000 characters slower than this is run again on 100,000: a quadratic pattern that
 *  passes the bound at 10,000 (~80 ms) takes seconds there, a linear one a few milliseconds. */
const ESCALATE_MS = 2;

/** What is wrong with `re` on the adversarial inputs: '' when nothing. */
function verdict(re: RegExp): string {
  const max = BOUNDED.get(re.source);
  const xs = inputs(re);
  const strings = xs.map((x) => build(x, LEN, max));
  // All inputs in one watched call (a vm call per input costs more than the runs themselves).
  const times: number[] = [];
  const batch = timed(() => {
    for (const s of strings) {
      const t0 = performance.now();
      runner(re, s)();
      times.push(performance.now() - t0);
    }
  }, 10_000);
  if (batch === Infinity) {
    const i = times.length;
    return `timed out on ${show(strings[i]!)}`;
  }
  for (let i = 0; i < xs.length; i++) {
    if (times[i]! <= ESCALATE_MS) continue;
    const ms = steady(runner(re, strings[i]!));
    if (ms > BOUND_MS) return `${ms === Infinity ? 'timed out' : `${ms.toFixed(0)} ms`} on ${show(strings[i]!)}`;
    if (max) continue;
    const long = build(xs[i]!, LEN * 10);
    const msLong = steady(runner(re, long));
    if (msLong > BOUND_MS)
      return `super-linear: ${ms.toFixed(0)} ms on ${show(strings[i]!)}, ${msLong === Infinity ? 'timed out' : `${msLong.toFixed(0)} ms`} on ${show(long)}`;
  }
  return '';
}

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 20)}…${s.slice(-12)} (${s.length})` : s);

test('every regular expression of the core answers within the bound on 10,000-character adversarial inputs', () => {
  const { sites, dynamic } = collect();
  assert.ok(sites.length > 50, `collected ${sites.length} regexes`);
  assert.deepEqual(
    dynamic.filter((d) => !DYNAMIC.has(d)),
    [],
    'a `new RegExp` built at run time: check it by hand below and list it in DYNAMIC',
  );
  // parse.ts TITLE_RE: an alternation of escaped section titles (literal strings), rebuilt here.
  const keys = SECTIONS.flatMap((s) => [s.title, ...s.variants])
    .map((t) => compact(t).text)
    .sort((a, b) => b.length - a.length);
  sites.push({
    where: 'parse/headers.ts TITLE_RE',
    re: new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'),
  });
  // text/normalize.ts readers: one class of the code units read as a character (those the sniff uses).
  for (const ch of ['年', '开', '报']) sites.push({ where: `text/normalize.ts readsAs(${ch})`, re: readsAs(ch) });
  // parse/prose.ts re: the prose topics' patterns (template/prose.ts), each compiled once and listed.
  for (const re of PROSE_REGEXES) sites.push({ where: `parse/prose.ts /${re.source}/`, re });
  const slow: string[] = [];
  const seen = new Set<string>();
  for (const site of sites) {
    const key = `/${site.re.source}/${site.re.flags}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v = verdict(site.re);
    if (v) slow.push(`${site.where}: ${v}`);
  }
  assert.deepEqual(slow, []);
});

test('the numeric-chunk scanner answers within the bound on the same inputs', () => {
  for (const x of inputs(/[-−]?[\d.,]*\d(?:[-−]?[\d.]+)*/))
    for (const len of [LEN, LEN * 10]) {
      const s = build(x, len);
      assert.ok(steady(() => isNumericChunk(s)) < BOUND_MS, show(s));
    }
});

/** Every short string over `alphabet` (as long as 40,000 of them allow), then random ones up to 12 characters. */
function shortStrings(alphabet: string[], prefix = ''): string[] {
  let x = 2024;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const all: string[] = [prefix];
  for (let layer = [prefix]; layer.length * alphabet.length <= 40_000;) {
    layer = layer.flatMap((p) => alphabet.map((c) => p + c));
    for (const s of layer) all.push(s);
  }
  for (let i = 0; i < 20000; i++) {
    let s = prefix;
    for (let n = prefix.length + 6 + rnd(7); s.length < n;) s += alphabet[rnd(alphabet.length)];
    all.push(s);
  }
  return all;
}

// The old patterns, super-linear on long inputs, are exact on short ones: they are the reference
// for what replaced them.
test('the numeric-chunk scanner accepts exactly what the old pattern accepted', () => {
  const OLD = /^[-−]?[\d.,]*\d(?:[-−]?[\d.]+)*$/;
  for (const s of shortStrings(['1', '0', '.', ',', '-', '−', 'a', ' ']))
    assert.equal(isNumericChunk(s), OLD.test(s), JSON.stringify(s));
});

test('the Markdown separator scanner accepts exactly what the old pattern accepted', () => {
  const OLD = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
  for (const s of shortStrings(['-', '-', '|', ':', ' ', '\t', '\u3000', 'x']))
    assert.equal(isMarkdownSeparator(s), OLD.test(s), JSON.stringify(s));
});

test('the page-number pattern accepts exactly what the old one accepted', () => {
  const OLD = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|P\.\s*\d+|Page\s+\d+.*)\s*$/i;
  for (const prefix of ['', 'Page ', 'page 1', '第', ' - ', 'P.'])
    for (const s of shortStrings(['1', ' ', '-', '—', '第', '页', '共', 'x', '\r', '\n', '\u2028', 'P', '.'], prefix))
      assert.equal(PAGE_NUMBER.test(s), OLD.test(s), JSON.stringify(s));
});

test('a row holding a 40-digit run with 万 is read within the bound', () => {
  const seed = readCorpus(byPrefix('000'));
  for (const cell of [
    '1616161616161616161616161616161616161616万',
    '1'.repeat(40) + '万',
    '1.'.repeat(20) + '1万',
    '-1'.repeat(20) + '万',
  ]) {
    const text = seed
      .replace('行政处罚 | 161 |', `行政处罚 | ${cell} |`)
      .replace('一、本年新收政府信息公开申请数量 | 1 |', `一、本年新收政府信息公开申请数量 | ${cell} |`);
    let reports = -1;
    const ms = timed(() => (reports = parse(text).reports.length), 5000);
    assert.ok(ms < 2000, `${cell}: ${ms.toFixed(0)} ms`);
    assert.equal(reports, 1);
  }
});
