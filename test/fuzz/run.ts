/**
 * The fuzz job: mutates corpus reports (line and block edits, CR/CRLF, astral characters, long
 * digit runs, HTML pastes, hostile characters) and checks what must hold for any input:
 * - no exception, and every feature answers within a bound (harness.ts);
 * - the incremental document equals a fresh open of the same text;
 * - formatting loses no character that is not layout, and a second pass changes nothing.
 *
 *   node --import tsx test/fuzz/run.ts [--cases N] [--seconds S] [--seed X] [--features-every K]
 *                                      [--from C] [--dump DIR]
 *
 * Prints the counts and the first failing case of each kind (seed and case number: `--from C
 * --cases 1` replays it, `--dump DIR` writes its text); exits 1 when a case failed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/core/document/analysis';
import { format } from '../../server/src/lsp/handlers';
import { DocumentStore } from '../../server/src/lsp/documents';
import { analysisJson, exerciseFeatures, freshJson, type Problem } from './harness';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const CASES = arg('cases', 1000);
const SECONDS = arg('seconds', Infinity);
const SEED = arg('seed', 1);
const FEATURES_EVERY = arg('features-every', 10);
const BOUND_MS = arg('bound-ms', 2000);
const FROM = arg('from', 0);
const DUMP = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : undefined;

const dir = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const corpus = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/** mulberry32: a small seeded generator, so every case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PASTES = [
  '𠮷',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '|',
  ' | 0 |（以上为本机关全年受理数据）',
  '（单位：件）',
  '<table><tr><td>行政处罚</td><td>5</td></tr></table>',
  '<table><tbody><tr><td>（七）总计</td><td>1</td><td>0</td></tr></tbody></table>\n',
  '<tab',
  'le>',
  '三、收到和处理政府信息公开申请情况\n',
  '一、总体情况\n',
  '\r四、政府信息公开行政复议、行政诉讼情况\r',
  '總計(jì)辦結',
  '於潜镇於潜镇於潜镇',
  '\u202e\u2066',
  '\u0000',
  '½①٣',
  'Infinity NaN abc',
  '99999999999999999999',
  '007',
  '1万',
  '2019年2019年2019年',
  '=1+1',
];

function digitRun(r: () => number): string {
  const n = 10 + Math.floor(r() * 60);
  let s = '';
  for (let i = 0; i < n; i++) s += r() < 0.1 ? '.' : String(Math.floor(r() * 10));
  return s + (r() < 0.5 ? '万' : '');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function randomEdit(text: string, r: () => number): Edit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.25) return { start: at, end: Math.min(text.length, at + Math.floor(r() * 40)), text: '' };
  if (kind < 0.65) return { start: at, end: Math.min(text.length, at + Math.floor(r() * 3)), text: pick(PASTES) };
  if (kind < 0.75) return { start: at, end: at, text: digitRun(r) };
  if (kind < 0.85) {
    const other = pick(corpus);
    const s = Math.floor(r() * other.length);
    return { start: at, end: at, text: other.slice(s, s + Math.floor(r() * 2000)) };
  }
  if (kind < 0.92) {
    // Duplicate a line.
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    const le = text.indexOf('\n', at);
    const line = text.slice(ls, le < 0 ? text.length : le + 1);
    return { start: ls, end: ls, text: line };
  }
  // Change every line break of the document.
  const style = pick(['\r', '\r\n', '\n']);
  return { start: 0, end: text.length, text: text.replace(/\r\n|\r|\n/g, style) };
}

/** A case's starting text: an excerpt of one or two corpus files. */
function baseText(r: () => number): string {
  const a = corpus[Math.floor(r() * corpus.length)]!;
  if (r() < 0.5) return a;
  const s = Math.floor(r() * a.length * 0.5);
  const piece = a.slice(s, s + 500 + Math.floor(r() * 6000));
  return r() < 0.3 ? piece + corpus[Math.floor(r() * corpus.length)]!.slice(0, 3000) : piece;
}

/** Non-layout characters: what formatting must keep. */
const content = (s: string): string => s.replace(/[\s|:\-]+/g, '');

function checkFormatting(text: string): Problem[] {
  const problems: Problem[] = [];
  for (const layout of ['pipe', 'tab', 'markdown'] as const) {
    const store = new DocumentStore();
    const d = store.open('file:///f.txt', 'disclosure-report', 1, text);
    const edits = format(d, layout);
    if (!edits.length) continue;
    let after: string;
    try {
      after = TextDocument.applyEdits(TextDocument.create('file:///f.txt', 'x', 1, text), edits);
    } catch (e) {
      problems.push({ what: `format ${layout}`, detail: `edits cannot be applied: ${String(e)}` });
      continue;
    }
    if (content(after) !== content(text)) {
      const a = content(text);
      const b = content(after);
      let i = 0;
      while (a[i] === b[i]) i++;
      problems.push({
        what: `format ${layout}`,
        detail: `lost or changed text near ${JSON.stringify(a.slice(i - 20, i + 40))} → ${JSON.stringify(b.slice(i - 20, i + 40))}`,
      });
      continue;
    }
    const again = format(store.open('file:///g.txt', 'disclosure-report', 1, after), layout);
    if (again.length) problems.push({ what: `format ${layout}`, detail: `not idempotent: ${again.length} more edits` });
  }
  return problems;
}

const t0 = performance.now();
const counts = { cases: 0, edits: 0, featureRuns: 0, formatRuns: 0, bytes: 0 };
const failures = new Map<string, { case: number; problem: Problem; text: string; count: number }>();
for (let c = FROM; c < FROM + CASES && (performance.now() - t0) / 1000 < SECONDS; c++) {
  const r = rng(SEED * 1_000_003 + c);
  let text = baseText(r);
  const doc = new DocumentAnalysis(text);
  const problems: Problem[] = [];
  const n = 1 + Math.floor(r() * 5);
  try {
    for (let k = 0; k < n; k++) {
      const e = randomEdit(text, r);
      const before = text;
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      const scope = doc.edit(e.start, e.end, e.text).scope;
      counts.edits++;
      if (process.argv.includes('--check-each') && analysisJson(doc) !== freshJson(text)) {
        const a = analysisJson(doc);
        const b = freshJson(text);
        let i = 0;
        while (a[i] === b[i]) i++;
        if (DUMP) writeFileSync(join(DUMP, 'before-edit.txt'), before);
        console.log(
          `edit ${k} (${scope}) ${JSON.stringify(e).slice(0, 300)} removed ${JSON.stringify(before.slice(e.start, e.end))}\n  incremental …${a.slice(Math.max(0, i - 300), i + 200)}\n  fresh       …${b.slice(Math.max(0, i - 300), i + 200)}`,
        );
        break;
      }
    }
    if (doc.text !== text) problems.push({ what: 'incremental', detail: 'text differs from the edited text' });
    else if (analysisJson(doc) !== freshJson(text))
      problems.push({ what: 'incremental', detail: 'model or findings differ from a fresh open' });
  } catch (e) {
    problems.push({ what: 'edit', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  if (!problems.length && c % FEATURES_EVERY === 0) {
    for (const p of exerciseFeatures(text, BOUND_MS)) problems.push(p);
    for (const p of checkFormatting(text)) problems.push(p);
    counts.featureRuns++;
    counts.formatRuns++;
  }
  counts.cases++;
  counts.bytes += text.length;
  for (const p of problems) {
    const f = failures.get(p.what);
    if (f) f.count++;
    else failures.set(p.what, { case: c, problem: p, text, count: 1 });
  }
}
const secs = (performance.now() - t0) / 1000;
console.log(
  `fuzz: seed ${SEED}, ${counts.cases} cases, ${counts.edits} edits, ${counts.featureRuns} feature sweeps, ${counts.formatRuns} formatting checks, ${(counts.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(1)} s`,
);
for (const [what, f] of failures) {
  console.log(
    `FAILED ${what}: ${f.count} cases; first: --seed ${SEED} --from ${f.case} --cases 1\n  ${f.problem.detail.slice(0, 800)}`,
  );
  if (DUMP) writeFileSync(join(DUMP, `${what.replace(/\W+/g, '-')}-${SEED}-${f.case}.txt`), f.text);
  process.exitCode = 1;
}
