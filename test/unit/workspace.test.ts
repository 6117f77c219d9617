// The workspace index (other reports on disk, for the cross-year check) in a hostile workspace.
// Each run is a child process with a time limit: a walk that blocks (a FIFO) fails instead of hanging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { byPrefix, readCorpus } from './helpers';

const WORKSPACE = pathToFileURL(join(import.meta.dirname, '..', '..', 'server', 'src', 'lsp', 'workspace.ts')).href;
const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

const base = readCorpus(byPrefix('002'));
const lastYear = (carried: number) =>
  base
    .replace('四、结转下年度继续办理\t\t0', `四、结转下年度继续办理\t\t${carried}`)
    .replace('0\t0\t0\t0\t0\t0\t\n\n####', `0\t0\t0\t0\t0\t${carried}\t\n\n####`);
const thisYear = base.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告');

/** Runs `body` (an async function body with `WorkspaceIndex` and `folder` in scope) in a child
 *  process; returns what it printed as JSON. */
function child(folder: string, body: string): { status: number | null; out: unknown; stderr: string; ms: number } {
  const script = `const m = await import(${JSON.stringify(WORKSPACE)}); const WorkspaceIndex = m.WorkspaceIndex ?? m.default.WorkspaceIndex; const folder = ${JSON.stringify(pathToFileURL(folder).href)};
    const result = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(result)); process.exit(0);`;
  const t = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 15000,
    maxBuffer: 64 << 20,
  });
  const ms = Date.now() - t;
  let out: unknown;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    out = r.stdout.slice(0, 200);
  }
  return { status: r.status, out, stderr: r.stderr + (r.error ? String(r.error) : ''), ms };
}

function hostile(): { dir: string; outside: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dr-ws-'));
  const outside = mkdtempSync(join(tmpdir(), 'dr-out-'));
  writeFileSync(join(dir, '2024.txt'), lastYear(5));
  writeFileSync(join(outside, 'secret.txt'), lastYear(7));
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.txt')]).status, 0);
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  for (let i = 0; i < 12; i++) symlinkSync('.', join(dir, `dot${i}`));
  symlinkSync('/', join(dir, 'root'));
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.txt'));
  symlinkSync('loop.txt', join(dir, 'loop.txt'));
  return { dir, outside };
}

test('the walk reads only regular report files inside the folder, once, without blocking', () => {
  const { dir } = hostile();
  const r = child(
    dir,
    `const ws = new WorkspaceIndex(); ws.setFolders([folder]); ws.refs(); await ws.ready(); return ws.refs().map((x) => x.source);`,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.out, [join(dir, '2024.txt')]);
  assert.ok(r.ms < 10000, `${r.ms} ms`);
});

test('the first answer does not wait for the walk; a change on disk is re-read after a file event', () => {
  const { dir } = hostile();
  const file = join(dir, '2024.txt');
  const r = child(
    dir,
    `let changes = 0;
     const ws = new WorkspaceIndex(() => changes++);
     ws.setFolders([folder]);
     const first = ws.refs().length;
     await ws.ready();
     const carried = () => ws.refs().map((x) => x.report.tables.applications?.rows.find((row) => row.key === 'carriedForward')?.cells.at(-1)?.value);
     const before = carried();
     const seen = changes;
     (await import('node:fs')).writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(lastYear(0))});
     ws.changed([{ uri: ${JSON.stringify(pathToFileURL(file).href)}, type: 2 }]);
     await ws.ready();
     return { first, before, seen, after: carried(), changes };`,
  );
  assert.equal(r.status, 0, r.stderr);
  const out = r.out as { first: number; before: unknown[]; seen: number; after: unknown[]; changes: number };
  assert.equal(out.first, 0);
  assert.deepEqual(out.before, [5]);
  assert.ok(out.seen >= 1);
  assert.deepEqual(out.after, [0]);
  assert.ok(out.changes > out.seen);
});

test('the walk waits for the first question, and starts after the turn that asked it', () => {
  // Files opened by the walk are counted (node:fs/promises open, patched in the child).
  const dir = mkdtempSync(join(tmpdir(), 'dr-ws-lazy-'));
  for (let k = 0; k < 20; k++) writeFileSync(join(dir, `${2000 + k}.txt`), lastYear(k));
  const r = child(
    dir,
    `const { createRequire, syncBuiltinESMExports } = await import('node:module');
     const fsp = createRequire(import.meta.url)('node:fs/promises');
     const open = fsp.open;
     let opened = 0;
     fsp.open = (...a) => (opened++, open(...a));
     syncBuiltinESMExports();
     const turns = async (n) => { for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r)); };
     const ws = new WorkspaceIndex();
     ws.setFolders([folder]);
     await turns(50);
     const beforeAsked = opened;
     const first = ws.refs().length;
     const sameTurn = opened;
     await ws.ready();
     return { beforeAsked, first, sameTurn, after: opened, refs: ws.refs().length };`,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.out, { beforeAsked: 0, first: 0, sameTurn: 0, after: 20, refs: 20 });
});

test('language server: a hostile workspace does not block it; a corrected last-year file clears the finding', async () => {
  const { dir } = hostile();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  let wake = () => undefined as void;
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    wake();
  });
  conn.listen();
  // Waits for a publish that satisfies pred (woken by each publish), failing after a bound.
  const until = (pred: (p: PublishDiagnosticsParams) => boolean, what: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const bound = setTimeout(() => reject(new Error(`no diagnostics ${what} within 15 s`)), 15_000);
      const check = () => {
        const p = published.find(pred);
        if (!p) return;
        clearTimeout(bound);
        wake = () => undefined;
        resolve(p);
      };
      wake = check;
      check();
    });
  const carry = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'crossyear.carry-over').length;
  try {
    const init = conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { workspaceFolders: true } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
    await Promise.race([
      init,
      new Promise((_, reject) => setTimeout(() => reject(new Error('initialize did not answer within 15 s')), 15_000)),
    ]);
    await conn.sendNotification(InitializedNotification.type, {});
    const u = pathToFileURL(join(dir, '2025.txt')).href;
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'plaintext', version: 1, text: thisYear },
    });
    const withFinding = await until((p) => p.uri === u && carry(p) === 2, 'with crossyear.carry-over');
    assert.ok(!withFinding.diagnostics.some((d) => /secret|dr-out-/.test(String(d.message))));
    published.length = 0;
    writeFileSync(join(dir, '2024.txt'), lastYear(0));
    await conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(dir, '2024.txt')).href, type: 2 }],
    });
    await until((p) => p.uri === u && carry(p) === 0, 'without crossyear.carry-over after the file changed');
  } finally {
    conn.dispose();
    proc.kill();
  }
});

test('language server: with 1,000 report files in the workspace, the first diagnostics of an opened report come before the walk ends', async () => {
  // Last year's report of the opened report's organ (carrying 5 forward) is the first file read;
  // 999 other organs' reports follow. The first publish must not wait for the walk (so it has no
  // cross-year finding yet); the walk's end brings the finding.
  const dir = mkdtempSync(join(tmpdir(), 'dr-ws1000-'));
  writeFileSync(join(dir, '0000.txt'), lastYear(5));
  const ORG = '甲乙丙丁戊己庚辛壬癸';
  for (let k = 1; k < 1000; k++) {
    const organ = [...String(k)].map((d) => ORG[Number(d)]).join('');
    writeFileSync(join(dir, `${String(k).padStart(4, '0')}.txt`), lastYear(k % 3).replace('克井镇', `${organ}镇`));
  }
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const u = pathToFileURL(join(dir, '2025.txt')).href;
  const carry: number[] = [];
  let done = () => undefined as void;
  const finished = new Promise<void>((resolve, reject) => {
    const bound = setTimeout(() => reject(new Error(`no cross-year finding within 60 s: ${carry}`)), 60_000);
    done = () => {
      clearTimeout(bound);
      resolve();
    };
  });
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== u) return;
    carry.push(p.diagnostics.filter((d) => d.code === 'crossyear.carry-over').length);
    if (carry.at(-1) === 2) done();
  });
  conn.listen();
  try {
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { workspaceFolders: true } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
    await conn.sendNotification(InitializedNotification.type, {});
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'plaintext', version: 1, text: thisYear },
    });
    await finished;
    assert.equal(carry[0], 0, `publishes: ${carry}`);
    assert.equal(carry.at(-1), 2);
  } finally {
    conn.dispose();
    proc.kill();
  }
});
