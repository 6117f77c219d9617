/**
 * `npm run bench`: parse and check throughput, keystroke-to-diagnostics latency over stdio, and
 * the server's memory. Prints medians (and p95 for latency); the numbers are quoted in issue notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { parse } from '../server/src/core/parse';
import { analysisText } from '../server/src/core/text/normalize';
import { checkDocument } from '../server/src/core/rules/check';

const root = process.cwd();
const dir = join(root, 'test', 'fixtures', 'corpus');
const files = readdirSync(dir)
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const read = (prefix: string) =>
  readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

function measure(label: string, texts: string[], runs: number, work: (t: string) => void): void {
  const size = texts.reduce((n, t) => n + bytes(t), 0);
  for (const t of texts) work(t); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const t of texts) work(t);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(
    `${label.padEnd(40)} ${(size / 1e6).toFixed(2).padStart(6)} MB  median ${ms.toFixed(1).padStart(7)} ms  ${(size / 1e6 / (ms / 1000)).toFixed(1).padStart(6)} MB/s  (${runs} runs)`,
  );
}

function compilationOf(parts: string[], size: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const t = parts[i % parts.length]!;
    out.push(t);
    n += bytes(t) + 2;
  }
  return out.join('\n\n');
}

// The throughput compilation: every complete report of the corpus, layouts of all kinds.
const complete = readdirSync(dir)
  .sort()
  .filter((f) => /^(0|real-0(0\d|1[0-25]|29))/.test(f) && !f.endsWith('.html'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const compilation = compilationOf(complete, 5_000_000);
const parseOnly = (t: string) => void parse(t);
const check = (t: string) => {
  const m = parse(t);
  checkDocument(analysisText(t).text, t, m);
};

console.log(`node ${process.version}`);
measure('parse: corpus, each file', files, 41, parseOnly);
measure('parse: 5 MB compilation', [compilation], 15, parseOnly);
console.log(`  reports found in the compilation: ${parse(compilation).reports.length}`);
measure('check (parse + rules): corpus, each file', files, 41, check);
measure('check (parse + rules): 5 MB compilation', [compilation], 9, check);

// ---------------------------------------------------------------------------------------------
// Keystroke → diagnostics over stdio.

async function latency(label: string, text: string, target: number, keystrokes: number): Promise<void> {
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting = new Map<number, () => void>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(p.version ?? -1);
    if (w) {
      waiting.delete(p.version!);
      w();
    }
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    workspaceFolders: null,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  const uri = 'file:///bench/report.txt';
  const opened = new Promise<void>((r) => waiting.set(1, r));
  const t0 = performance.now();
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'disclosure-report', version: 1, text },
  });
  await opened;
  const openMs = performance.now() - t0;
  const before = text.slice(0, target);
  const line = before.split('\n').length - 1;
  const character = target - (before.lastIndexOf('\n') + 1);
  const times: number[] = [];
  let version = 1;
  for (let k = 0; k < keystrokes; k++) {
    version++;
    const digit = k % 2 === 0 ? '2' : '1';
    const done = new Promise<void>((r) => waiting.set(version, r));
    const s = performance.now();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }],
    });
    await done;
    if (k >= 5) times.push(performance.now() - s);
  }
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  console.log(
    `${label.padEnd(40)} ${(bytes(text) / 1e6).toFixed(2).padStart(6)} MB  open ${openMs.toFixed(0)} ms  keystroke median ${median(times).toFixed(2)} ms  p95 ${p95(times).toFixed(2)} ms  server RSS ${rss.toFixed(0)} MB  (${times.length} keystrokes)`,
  );
  conn.dispose();
  proc.kill();
}

// One ~20 KB report: seed 000 with its 总体情况 written out at length.
const seed = read('000');
const prose = seed.slice(seed.indexOf('一、总体情况') + 7, seed.indexOf('二、主动公开'));
let report20 = seed;
while (bytes(report20) < 20_000)
  report20 = report20.replace('二、主动公开政府信息情况', prose + '二、主动公开政府信息情况');
const cellIn = (t: string, from: number) => t.indexOf('(七)总计 | 1', from) + 8;

// A 5 MB compilation of clean reports, the edit in the report in its middle.
const clean = compilationOf([read('000'), read('002'), read('real-011'), read('001'), read('004')], 5_000_000);
const middle = clean.indexOf('(七)总计 | 1', clean.length / 2) + 8;

await latency('keystroke: one 20 KB report', report20, cellIn(report20, 0), 60);
await latency('keystroke: 5 MB compilation, middle', clean, middle, 60);
