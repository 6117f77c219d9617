// The web build (esbuild.web.mjs): both bundles are built in memory as they ship, and the server's
// bundle is run in a context holding only what a browser's Web Worker has (no require, process,
// Buffer, setImmediate), driven over postMessage as the web client drives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { MAX_FILE_BYTES } from '../../server/src/node/files';
import { MAX_FILE_BYTES as WEB_MAX_FILE_BYTES } from '../../server/src/web/shims/files';
import { WORKSPACE_FILES } from '../../shared/workspace-files';
import { byPrefix, FIXTURES, readCorpus } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
// esbuild.web.mjs is plain JavaScript (no types): imported by name so that tsc does not look for them
const WEB_BUILD = '../../esbuild.web.mjs';
type WebConfigs = (o: { production: boolean }) => (esbuild.BuildOptions & { outfile: string })[];
const NODE_BUILTIN = /^(node:|fs$|path$|url$|os$|child_process$|worker_threads$|crypto$|module$)/;

async function build(which: 'extension' | 'server'): Promise<{ code: string; inputs: string[]; imports: string[] }> {
  const { webConfigs } = (await import(WEB_BUILD)) as { webConfigs: WebConfigs };
  const config = webConfigs({ production: false }).find((c) => c.outfile.endsWith(`/${which}.js`))!;
  const r = await esbuild.build({ ...config, absWorkingDir: ROOT, write: false, sourcemap: false, metafile: true });
  const out = Object.values(r.metafile!.outputs)[0]!;
  return {
    code: r.outputFiles![0]!.text,
    inputs: Object.keys(r.metafile!.inputs),
    imports: out.imports.map((i) => i.path),
  };
}

const serverBundle = build('server');

type Msg = { id?: number; method?: string; params?: any; result?: any; error?: unknown };

/** The server bundle in a worker-like context: send() posts to it, next() waits for its next matching message. */
async function startWorker() {
  const { code } = await serverBundle;
  const inbox: Msg[] = [];
  const waiting: { pred: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  const self: Record<string, unknown> = {
    addEventListener: () => undefined,
    postMessage(m: Msg) {
      const w = waiting.findIndex((x) => x.pred(m));
      if (w >= 0) waiting.splice(w, 1)[0]!.resolve(m);
      else inbox.push(m);
    },
  };
  const globals = {
    self,
    console,
    setTimeout,
    clearTimeout,
    TextEncoder,
    TextDecoder,
    URL,
    atob,
    btoa,
    queueMicrotask,
  };
  const context = vm.createContext({ ...globals });
  (context as Record<string, unknown>).globalThis = context;
  vm.runInContext(code, context);
  const send = (m: Msg) => (self.onmessage as (e: { data: unknown }) => void)({ data: { jsonrpc: '2.0', ...m } });
  const next = (pred: (m: Msg) => boolean, what: string) =>
    new Promise<Msg>((resolve, reject) => {
      const i = inbox.findIndex(pred);
      if (i >= 0) return resolve(inbox.splice(i, 1)[0]!);
      // a bound against hanging, not a wait: the promise settles on the server's message
      const timer = setTimeout(() => reject(new Error(`no message: ${what}`)), 10_000);
      waiting.push({ pred, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  let id = 0;
  const request = async (method: string, params: unknown) => {
    const mine = ++id;
    send({ id: mine, method, params });
    return (await next((m) => m.id === mine && !m.method, method)).result;
  };
  await request('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [] });
  send({ method: 'initialized', params: {} });
  const diagnostics = (uri: string, pred: (codes: string[]) => boolean, what: string) =>
    next(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        m.params.uri === uri &&
        pred(m.params.diagnostics.map((d: { code: string }) => d.code)),
      what,
    );
  return { send, request, diagnostics, globals: Object.keys(context) };
}

const base64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

test('the web bundles import nothing from Node; the client only vscode', async () => {
  for (const which of ['extension', 'server'] as const) {
    const { inputs, imports } = await build(which);
    assert.deepEqual(
      inputs.filter((i) => NODE_BUILTIN.test(i)),
      [],
    );
    assert.deepEqual([...new Set(imports)], which === 'extension' ? ['vscode'] : []);
  }
  // the Node-only modules are swapped out of the server
  const { inputs } = await build('server');
  for (const swapped of ['server/src/lsp/workspace.ts', 'server/src/node/files.ts', 'server/src/readers/pdf/index.ts'])
    assert.ok(!inputs.includes(swapped), swapped);
  assert.ok(inputs.includes('server/src/readers/docx/index.ts'), 'the Word reader runs in the worker');
});

test('the web shim of node/files has the same size bound', () => {
  assert.equal(WEB_MAX_FILE_BYTES, MAX_FILE_BYTES);
});

// Seed 002's organ (克井镇人民政府, 2024) as 2024 and 2025, 2024 carrying 5 over (cli.test.ts's case)
const SEED = readCorpus(byPrefix('002'));
const LAST = SEED.replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5').replace(
  '0\t0\t0\t0\t0\t0\t\n\n####',
  '0\t0\t0\t0\t0\t5\t\n\n####',
);
const NOW = SEED.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告');

test('the server bundle runs with a Web Worker’s globals only: diagnostics, and the cross-year check from the client’s files', async () => {
  assert.notEqual(LAST, SEED);
  assert.notEqual(NOW, SEED);
  const w = await startWorker();
  for (const g of ['require', 'process', 'Buffer', 'setImmediate', 'module']) assert.ok(!w.globals.includes(g), g);
  const uri = 'vscode-remote://host/ws/2025.txt';
  w.send({
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: NOW } },
  });
  const first = await w.diagnostics(uri, () => true, 'the first diagnostics');
  assert.ok(!first.params.diagnostics.some((d: { code: string }) => d.code === 'crossyear.carry-over'));
  // last year's report, sent by the client as workspace.fs read it (GB18030-free UTF-8 here)
  const lastUri = 'vscode-remote://host/ws/old/2024.txt';
  w.send({
    method: WORKSPACE_FILES,
    params: { replace: true, files: [{ uri: lastUri, data: base64(LAST) }], removed: [] },
  });
  const withLast = await w.diagnostics(uri, (c) => c.includes('crossyear.carry-over'), 'crossyear.carry-over');
  const d = withLast.params.diagnostics.find((x: { code: string }) => x.code === 'crossyear.carry-over');
  assert.match(d.message, /\/ws\/old\/2024\.txt|2024/);
  // its folder deleted: the finding goes
  w.send({ method: WORKSPACE_FILES, params: { replace: false, files: [], removed: ['vscode-remote://host/ws/old'] } });
  await w.diagnostics(uri, (c) => !c.includes('crossyear.carry-over'), 'crossyear.carry-over gone');
  // malformed notifications are ignored, never thrown
  w.send({ method: WORKSPACE_FILES, params: { replace: 'yes', files: [null, { uri: 3 }], removed: [7] } });
  w.send({ method: WORKSPACE_FILES, params: null });
  const hover = await w.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.ok(hover === null || typeof hover === 'object');
});

test('in the worker a Word report is read; a PDF is answered “needs the desktop” in the user’s words', async () => {
  const w = await startWorker();
  const docx = readFileSync(join(FIXTURES, 'made', 'seed-002.docx'));
  const r = await w.request('disclosureReport/render', { name: 'report.docx', data: base64(docx) });
  assert.equal(r.ok, true);
  assert.match(r.text, /政府信息公开工作年度报告/);
  const pdf = readFileSync(join(FIXTURES, 'made', 'seed-002.chrome.pdf'));
  const p = await w.request('disclosureReport/render', { name: 'report.pdf', data: base64(pdf) });
  assert.equal(p.ok, false);
  assert.equal(p.reason, 'needs-desktop');
  assert.match(p.message, /网页版不能读取 PDF/);
});
