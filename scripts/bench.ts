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
import { openDocument, normalizeReport, type ReportRef } from '../server/src/core';
import { parse } from '../server/src/core/parse';
import { analysisText } from '../server/src/core/text/normalize';
import { checkDocument } from '../server/src/core/rules/check';
import { SERVER_V8_FLAGS } from '../client/src/server-flags';

// `node dist/bench.mjs --floor`: the do-nothing server the keystrokes are compared with.
if (process.argv.includes('--floor')) await floorServer();

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
// `npm run bench -- --keystrokes`: only the keystroke figures against the floor (a quick A/B);
// `-- --heap`: only the 5 MB of real reports (keystroke and server heap per text byte).
const heapOnly = process.argv.includes('--heap');
const only = heapOnly || process.argv.includes('--keystrokes');
if (!only) {
  measure('parse: corpus, each file', files, 41, parseOnly);
  measure('parse: 5 MB compilation', [compilation], 15, parseOnly);
  console.log(`  reports found in the compilation: ${parse(compilation).reports.length}`);
  measure('check (parse + rules): corpus, each file', files, 41, check);
  measure('check (parse + rules): 5 MB compilation', [compilation], 9, check);
}

// ---------------------------------------------------------------------------------------------
// Keystroke → diagnostics over stdio.

/** Started as the desktop client starts it (client/src/server-flags.ts). */
const SERVER = [...SERVER_V8_FLAGS, join(root, 'dist', 'server.js'), '--stdio'];
const FLOOR = [join(root, 'dist', 'bench.mjs'), '--floor', '--stdio'];
/** The same do-nothing server writing with the real server's writer (one write per message). */
const FLOOR_ONE_WRITE = [...FLOOR, '--one-write'];

/** Asks a server started with `--expose-gc` and the MEMORY preload for its heap after a gc. */
const MEMORY =
  'data:text/javascript,' +
  encodeURIComponent('process.on("message",()=>{globalThis.gc();process.send(process.memoryUsage().heapUsed)})');

/** User + system CPU time of a process so far (Linux, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

interface Latency {
  /** Keystrokes 6 to 60 (the first ones after opening, the code still warming up). */
  median: number;
  /** Keystrokes 101 on, when there are more than 100 (the server warmed up by typing). */
  steady?: number;
  /** Keystrokes 1,001 on, when there are more than 1,100 (the server's code compiled by then). */
  late?: number;
  p95: number;
  diagnostics: number;
  serverCpu: number;
  heap?: { before: number; after: number };
}

/** A server with one document open, typed into at `target`: a digit replaced by another. */
interface Session {
  openMs: number;
  /** One keystroke: the time until the server publishes its diagnostics (ms). */
  keystroke(): Promise<number>;
  /** The number of diagnostics last published. */
  diagnostics(): number;
  pid: number;
  /** With `heap`: the server's heap after a gc, before the document was opened, and now. */
  heapBefore: number;
  heapUsed(): Promise<number>;
  close(): void;
}

async function session(text: string, target: number, server: string[], heap = false): Promise<Session> {
  const args = heap ? ['--expose-gc', '--import', MEMORY, ...server] : server;
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit', ...(heap ? ['ipc' as const] : [])] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting = new Map<number, () => void>();
  let diagnostics = 0;
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(p.version ?? -1);
    if (w) {
      diagnostics = p.diagnostics.length;
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
  const heapUsed = () =>
    new Promise<number>((r) => {
      proc.once('message', (m) => r(Number(m)));
      proc.send!('heap');
    });
  const before = heap ? await heapUsed() : 0;
  const uri = 'file:///bench/report.txt';
  const opened = new Promise<void>((r) => waiting.set(1, r));
  const t0 = performance.now();
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'disclosure-report', version: 1, text },
  });
  await opened;
  const openMs = performance.now() - t0;
  const prefix = text.slice(0, target);
  const line = prefix.split('\n').length - 1;
  const character = target - (prefix.lastIndexOf('\n') + 1);
  let version = 1;
  return {
    openMs,
    pid: proc.pid!,
    diagnostics: () => diagnostics,
    heapBefore: before,
    heapUsed,
    keystroke: async () => {
      version++;
      const digit = version % 2 === 0 ? '2' : '1';
      const done = new Promise<void>((r) => waiting.set(version, r));
      const s = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [
          { range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit },
        ],
      });
      await done;
      return performance.now() - s;
    },
    close: () => {
      conn.dispose();
      proc.kill();
    },
  };
}

async function latency(
  label: string,
  text: string,
  target: number,
  keystrokes: number,
  server: string[] = SERVER,
  heap = false,
): Promise<Latency> {
  const s = await session(text, target, server, heap);
  const before = s.heapBefore;
  const after = heap ? await s.heapUsed() : 0;
  const times: number[] = [];
  // CPU time of the server and of this client over the keystrokes: unlike the wall clock, it does
  // not grow with the machine's load.
  const cpu0 = cpuMs(s.pid);
  const own0 = process.cpuUsage();
  for (let k = 0; k < keystrokes; k++) {
    const t = await s.keystroke();
    if (k >= 5) times.push(t);
  }
  const serverCpu = (cpuMs(s.pid) - cpu0) / keystrokes;
  const own = process.cpuUsage(own0);
  const clientCpu = (own.user + own.system) / 1000 / keystrokes;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${s.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const diagnostics = s.diagnostics();
  const r: Latency = {
    median: median(times.slice(0, 55)),
    ...(times.length > 150 ? { steady: median(times.slice(95)) } : {}),
    ...(times.length > 1_100 ? { late: median(times.slice(995)) } : {}),
    p95: p95(times.slice(0, 55)),
    diagnostics,
    serverCpu,
    ...(heap ? { heap: { before, after } } : {}),
  };
  console.log(
    `${label.padEnd(40)} ${(bytes(text) / 1e6).toFixed(2).padStart(6)} MB  open ${s.openMs.toFixed(0)} ms  keystroke median ${r.median.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms${r.steady === undefined ? '' : `  after 100: ${r.steady.toFixed(2)} ms`}  CPU per keystroke: server ${serverCpu.toFixed(2)} ms, client ${clientCpu.toFixed(2)} ms  ${diagnostics} diagnostics  server RSS ${rss.toFixed(0)} MB  (${Math.min(55, times.length)} keystrokes${r.steady === undefined ? '' : `; ${times.length - 95} after 100`})`,
  );
  s.close();
  return r;
}

/** The floor: a server that answers every change with an empty publishDiagnostics, over the same
 *  transport (vscode-languageserver, stdio) and the same client as the real one. With `--one-write`
 *  it writes as the real server does (lsp/transport.ts: each message in one write), which shows
 *  what the writer alone saves. */
async function floorServer(): Promise<never> {
  const { createConnection, TextDocumentSyncKind } = await import('vscode-languageserver/node');
  const conn = process.argv.includes('--one-write')
    ? createConnection(
        process.stdin as unknown as import('vscode-languageserver/node').MessageReader,
        new (await import('../server/src/lsp/transport')).StdioMessageWriter(process.stdout),
      )
    : createConnection();
  conn.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
  const empty = (p: { textDocument: { uri: string; version: number } }) =>
    void conn.sendDiagnostics({ uri: p.textDocument.uri, version: p.textDocument.version, diagnostics: [] });
  conn.onDidOpenTextDocument(empty);
  conn.onDidChangeTextDocument(empty);
  conn.listen();
  return new Promise<never>(() => undefined);
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

if (!only) await latency('keystroke: one 20 KB report', report20, cellIn(report20, 0), 60);
if (!only) await latency('keystroke: 5 MB compilation, middle', clean, middle, 60);

// ---------------------------------------------------------------------------------------------
// Issue 12: the figures against their floors, in one run.

/** A single regex pass over the same bytes: the floor of any reading of the text. */
function regexPass(texts: string[]): number {
  let n = 0;
  const re = /\d+|[一二三四五六七八九十]+、|\n/g;
  for (const t of texts) {
    re.lastIndex = 0;
    while (re.exec(t)) n++;
  }
  return n;
}

/** What `check` does with its inputs (cli/main.ts runCheck): one document per file, every report of
 *  every file the others' previous years. */
function cliCheck(texts: string[]): number {
  const docs = texts.map((t) => openDocument(t));
  const refs: ReportRef[] = [];
  docs.forEach((d, k) => {
    for (const report of d.model().reports)
      refs.push({ source: String(k), organ: report.organ, year: report.year, report });
  });
  let n = 0;
  for (const d of docs) n += d.allFindings({ others: refs }).length;
  return n;
}

/** What `tables` does: every report read and normalized. */
function cliTables(texts: string[]): number {
  let n = 0;
  for (const t of texts) {
    const d = openDocument(t);
    for (const r of d.model().reports) n += JSON.stringify(normalizeReport(r, (o) => d.positionAt(o).line)).length;
  }
  return n;
}

function time(runs: number, work: () => void): number {
  work();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Files of real reports (each file one report), each organ made distinct by a prefix per copy. */
const realFiles = readdirSync(dir)
  .sort()
  .filter((f) => /^real-0(0\d|1[0-2]|29)/.test(f))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const DISTINCT = '东南西北中上下前后左';
function reportFiles(n: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const t = realFiles[k % realFiles.length]!;
    const organ = parse(t).reports[0]?.organ;
    let tag = '';
    for (let x = Math.floor(k / realFiles.length) + 1; x > 0; x = Math.floor(x / 10)) tag += DISTINCT[x % 10];
    out.push(organ ? t.split(organ).join(tag + organ) : t);
  }
  return out;
}

/** Rounds of the keystroke figures: each round measures the floor and the two reports one after
 *  the other, so that a ratio compares runs made at the same time, all with this process's client
 *  warm (a floor measured first, with the client cold, came out at 0.72 ms against 0.32–0.47 ms). */
const ROUNDS = 3;

async function keystrokes(): Promise<void> {
  // 300 keystrokes each: the median of the first 55 (after 5), and of those after the first 100.
  const seed3 = read('003');
  const real = read('real-011');
  // The figures typed into: seed 003's 行政许可 60435 (table 二, one cell per line), real-011's
  // (七)总计 2932 (table 三, space-aligned).
  const s3At = seed3.indexOf('\n60435') + 2;
  const r11At = real.indexOf('2932') + 1;
  const oneWrite = await latency('floor, one write per message', seed3, 0, 60, FLOOR_ONE_WRITE);
  type Ratios = Record<'s3first' | 'r11first' | 's3after' | 'r11after' | 's3cpu' | 'r11cpu', number>;
  const rounds: Ratios[] = [];
  let stockFloor = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`  round ${round} of ${ROUNDS}`);
    const floor = await latency('floor: do-nothing server', seed3, 0, 300, FLOOR);
    stockFloor ||= floor.median;
    const s3 = await latency('keystroke: seed 003', seed3, s3At, 300);
    const r11 = await latency('keystroke: real-011', real, r11At, 300);
    rounds.push({
      s3first: s3.median / floor.median,
      r11first: r11.median / floor.median,
      s3after: s3.steady! / floor.steady!,
      r11after: r11.steady! / floor.steady!,
      s3cpu: s3.serverCpu / floor.serverCpu,
      r11cpu: r11.serverCpu / floor.serverCpu,
    });
  }
  // Paired: the floor and the two servers typed into by turns, keystroke by keystroke (whose turn
  // comes first rotating), so that each ratio compares keystrokes made within milliseconds of each
  // other. The rounds above are minutes apart, and this machine's speed drifts by 20-60 % over that.
  const paired: Ratios[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const servers = [
      await session(seed3, 0, FLOOR),
      await session(seed3, s3At, SERVER),
      await session(real, r11At, SERVER),
    ];
    const cpu0 = servers.map((x) => cpuMs(x.pid));
    const times: number[][] = servers.map(() => []);
    for (let k = 0; k < 300; k++)
      for (let j = 0; j < servers.length; j++) {
        const i = (j + k) % servers.length;
        const t = await servers[i]!.keystroke();
        if (k >= 5) times[i]!.push(t);
      }
    const cpu = servers.map((x, i) => cpuMs(x.pid) - cpu0[i]!);
    servers.forEach((x) => x.close());
    const [f, a, b] = times.map((t) => ({ first: median(t.slice(0, 55)), after: median(t.slice(95)) }));
    console.log(
      `  paired round ${round}: first keystrokes floor ${f!.first.toFixed(2)}, seed 003 ${a!.first.toFixed(2)}, real-011 ${b!.first.toFixed(2)} ms; after 100: ${f!.after.toFixed(2)}, ${a!.after.toFixed(2)}, ${b!.after.toFixed(2)} ms`,
    );
    paired.push({
      s3first: a!.first / f!.first,
      r11first: b!.first / f!.first,
      s3after: a!.after / f!.after,
      r11after: b!.after / f!.after,
      s3cpu: cpu[1]! / cpu[0]!,
      r11cpu: cpu[2]! / cpu[0]!,
    });
  }
  // Where the time of the first keystrokes goes: the same after 1,000 keystrokes, when V8 has
  // compiled the code a keystroke runs (each function runs once per keystroke, so that takes long).
  const floorLate = (await latency('floor, 1,300 keystrokes', seed3, 0, 1_300, FLOOR)).late!;
  const s3Late = (await latency('seed 003, 1,300 keystrokes', seed3, s3At, 1_300)).late!;
  const r11Late = (await latency('real-011, 1,300 keystrokes', real, r11At, 1_300)).late!;
  console.log(
    `  after 1,000 keystrokes: floor ${floorLate.toFixed(2)} ms, seed 003 ${s3Late.toFixed(2)} ms (${(s3Late / floorLate).toFixed(2)}×), real-011 ${r11Late.toFixed(2)} ms (${(r11Late / floorLate).toFixed(2)}×)`,
  );
  console.log(
    `  the real server's writer alone: ${oneWrite.median.toFixed(2)} ms against the stock writer's ${stockFloor.toFixed(2)} ms`,
  );
  const ratios = (label: string, of: Ratios[]) => {
    const each = (k: keyof Ratios) => of.map((r) => r[k].toFixed(2)).join('/');
    const mid = (k: keyof Ratios, digits = 2) => `${median(of.map((r) => r[k])).toFixed(digits)}×`;
    console.log(
      `  keystroke / floor, ${label} (target ≤ 2×; median of ${of.length} rounds, each round's in brackets): first keystrokes: seed 003 ${mid('s3first')} (${each('s3first')}), real-011 ${mid('r11first')} (${each('r11first')}); after 100: seed 003 ${mid('s3after')} (${each('s3after')}), real-011 ${mid('r11after')} (${each('r11after')}); server CPU per keystroke / floor's: seed 003 ${mid('s3cpu', 1)}, real-011 ${mid('r11cpu', 1)}`,
    );
  };
  ratios('one server after another', rounds);
  ratios('paired keystroke by keystroke', paired);
}

async function issue12(): Promise<void> {
  console.log('\nissue 12: against the floors');
  const files5 = reportFiles(Math.ceil(5_000_000 / (realFiles.reduce((n, t) => n + bytes(t), 0) / realFiles.length)));
  const size5 = files5.reduce((n, t) => n + bytes(t), 0);
  const rx = time(5, () => void regexPass(files5));
  const ck = time(3, () => void cliCheck(files5));
  const tb = time(3, () => void cliTables(files5));
  console.log(
    `  ${files5.length} real report files, ${(size5 / 1e6).toFixed(2)} MB: regex pass ${rx.toFixed(1)} ms, check ${ck.toFixed(0)} ms (${(ck / rx).toFixed(1)}×), tables ${tb.toFixed(0)} ms (${(tb / rx).toFixed(1)}×)`,
  );
  const small = reportFiles(1_000);
  const large = reportFiles(10_000);
  const once = (work: () => void) => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  };
  const t1 = time(1, () => void cliCheck(small));
  const t2 = once(() => void cliCheck(large));
  console.log(
    `  check growth: 1,000 reports ${t1.toFixed(0)} ms, 10,000 reports ${t2.toFixed(0)} ms: exponent ${(Math.log(t2 / t1) / Math.log(10)).toFixed(2)}`,
  );

  await keystrokes();
  const synth = await latency('keystroke: 5 MB synthetic, middle', clean, middle, 60);
  const big = await realReports();
  console.log(
    `  keystroke: 5 MB synthetic ${synth.median.toFixed(2)} ms (≤ 10); 5 MB real ${big.median.toFixed(2)} ms (≤ 20)`,
  );
}

/** Keystrokes in 5 MB of real reports, and the server's heap per text byte with them open. */
async function realReports(): Promise<Latency> {
  const realCompilation = compilationOf(realFiles, 5_000_000);
  const realMiddle = realCompilation.indexOf('2932', realCompilation.length / 2) + 1;
  const big = await latency('keystroke: 5 MB real reports, middle', realCompilation, realMiddle, 60, SERVER, true);
  const heap = big.heap!;
  console.log(
    `  server heap after gc: ${(heap.before / 1e6).toFixed(0)} MB empty, ${(heap.after / 1e6).toFixed(0)} MB with 5 MB open: ${((heap.after - heap.before) / bytes(realCompilation)).toFixed(2)} bytes per text byte (target ≤ 4)`,
  );
  return big;
}

if (heapOnly) await realReports();
else if (only) await keystrokes();
else {
  await issue12();
  // The command line at scale (scripts/bench-cli.ts): check and tables against a regex pass, growth, memory.
  (await import('./bench-cli')).benchCli();
}
