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
