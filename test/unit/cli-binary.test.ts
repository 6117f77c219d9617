// The built command line (dist/cli.js) and the language server's render request on PDF and Word files: read through their text rendering
// (server/src/readers), an unreadable one is a report.not-found error saying what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import { RENDERING_SCHEME, RenderRequest, type RenderResult } from '../../shared/protocol';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
const CLI = join(DIST, 'cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const json = (args: string[]) => {
  const r = run(['check', '--format', 'json', ...args]);
  return { status: r.status, stderr: r.stderr, out: JSON.parse(r.stdout) as { files: File[] } };
};
interface File {
  path: string;
  reports: unknown[];
  diagnostics: { code: string; message: string }[];
}

// An old Word file: the compound-file signature, then nothing a reader could use.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const tmp = () => mkdtempSync(join(tmpdir(), 'cli-binary-'));

test('a .doc named on the command line is report.not-found, saying to save it as .docx', () => {
  const dir = tmp();
  const doc = join(dir, '年报.doc');
  writeFileSync(doc, OLE);
  const r = json([doc]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.out.files.length, 1);
  const [d] = r.out.files[0]!.diagnostics;
  assert.equal(d?.code, 'report.not-found');
  assert.match(d!.message, /另存为 \.docx/);
  const en = run(['check', '--locale', 'en', doc]);
  assert.match(en.stdout, /save it as \.docx/);
});

test('an old Word file renamed .docx, and a .wps, read as legacy Word too', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.docx'), OLE);
  writeFileSync(join(dir, 'b.wps'), OLE);
  const r = json([join(dir, 'a.docx'), join(dir, 'b.wps')]);
  assert.equal(r.status, 1);
  for (const f of r.out.files) assert.match(f.diagnostics[0]!.message, /另存为 \.docx/, f.path);
});

test('folders are walked for .pdf and .docx: a damaged one is an error, never a pass', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'broken.pdf'), 'not a pdf at all');
  writeFileSync(join(dir, 'broken.docx'), 'not a zip either');
  const r = json([dir]);
  assert.equal(r.status, 1);
  const paths = r.out.files.map((f) => f.path.slice(dir.length + 1)).sort();
  assert.deepEqual(paths, ['broken.docx', 'broken.pdf']);
  for (const f of r.out.files) {
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0]!.code, 'report.not-found');
    assert.match(f.diagnostics[0]!.message, /不是有效的 PDF \/ Word 文件/);
  }
});

test('a .doc inside a folder is skipped with a note saying to save it as .docx', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'old.doc'), OLE);
  const r = run(['check', dir]);
  assert.match(r.stderr, /old\.doc：.*另存为 \.docx/);
});

const MADE = join(import.meta.dirname, '..', 'fixtures', 'made');

test('a .docx report is checked through its rendering, alone and in a folder', () => {
  const r = json([join(MADE, 'seed-002.docx'), join(MADE, 'seed-002.numbered.docx')]);
  assert.equal(r.status, 0, r.stderr);
  for (const f of r.out.files) {
    assert.equal(f.reports.length, 1, f.path);
    assert.deepEqual(f.diagnostics, [], f.path);
  }
  const t = run(['tables', '--format', 'json', join(MADE, 'seed-002.docx')]);
  const report = JSON.parse(t.stdout).files[0].reports[0];
  assert.ok(report.applications.newReceived.length > 0);
  const dir = tmp();
  writeFileSync(join(dir, 'a.docx'), readFileSync(join(MADE, 'seed-001.docx')));
  const w = json([dir]);
  assert.equal(w.out.files.length, 1);
  assert.equal(w.out.files[0]!.reports.length, 1);
  assert.deepEqual(
    w.out.files[0]!.diagnostics.map((d) => d.code),
    ['section.numbering'],
  );
});

/** A PDF whose one page has no text (what a scan without OCR looks like to a reader). */
const TEXTLESS_PDF = [
  '%PDF-1.4',
  '1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj',
  '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj',
  '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
].join('\n');

test('a .pdf report is checked through its rendering; a PDF without text says it may be a scan', () => {
  const r = json([join(MADE, 'seed-002.chrome.pdf')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.out.files[0]!.reports.length, 1);
  assert.deepEqual(r.out.files[0]!.diagnostics, []);
  const dir = tmp();
  writeFileSync(join(dir, 'scan.pdf'), TEXTLESS_PDF);
  const s = json([join(dir, 'scan.pdf')]);
  assert.equal(s.status, 1);
  assert.equal(s.out.files[0]!.diagnostics[0]!.code, 'report.not-found');
  assert.match(s.out.files[0]!.diagnostics[0]!.message, /扫描件/);
});

test('a PDF or Word reader that cannot be loaded is an incomplete installation, not a damaged file (exit 2)', () => {
  // dist/cli.js copied alone, without the reader bundles that sit beside it in dist/.
  const bare = tmp();
  copyFileSync(CLI, join(bare, 'cli.js'));
  const r = spawnSync(
    process.execPath,
    [join(bare, 'cli.js'), 'check', '--format', 'json', join(MADE, 'seed-002.docx'), join(MADE, 'seed-002.chrome.pdf')],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 2, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: File[] }).files;
  assert.equal(files.length, 2);
  for (const f of files) {
    assert.deepEqual(
      f.diagnostics.map((d) => d.code),
      ['report.not-found'],
    );
    assert.match(f.diagnostics[0]!.message, /未能加载 PDF \/ Word 阅读组件/);
    assert.doesNotMatch(f.diagnostics[0]!.message, /损坏/);
  }
  assert.match(r.stderr, /seed-002\.docx.*安装不完整/);
  assert.match(r.stderr, /seed-002\.chrome\.pdf.*安装不完整/);
});

test('the PDF and Word readers are not part of the startup bundles', () => {
  // Marks of the code itself (names survive minifying): pdfjs's API, fflate's inflate errors.
  const PDFJS = 'GlobalWorkerOptions';
  const FFLATE = 'invalid zip data';
  assert.ok(readFileSync(join(DIST, 'readers', 'pdf.mjs'), 'utf8').includes(PDFJS));
  assert.ok(readFileSync(join(DIST, 'readers', 'docx.mjs'), 'utf8').includes(FFLATE));
  for (const bundle of ['cli.js', 'server.js']) {
    const text = readFileSync(join(DIST, bundle), 'utf8');
    assert.ok(!text.includes(PDFJS), `${bundle} holds pdfjs`);
    assert.ok(!text.includes(FFLATE), `${bundle} holds fflate`);
    for (const r of ['pdf', 'docx'])
      if (existsSync(join(DIST, 'readers', `${r}.mjs`)))
        assert.ok(text.includes(`./readers/${r}.mjs`), `${bundle}: ${r}`);
  }
});

/** The language server in process, with what it publishes. */
async function server(locale = 'zh-CN') {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  let wake = () => undefined as void;
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    wake();
  });
  client.listen();
  await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities: {},
    workspaceFolders: null,
    locale,
  });
  await client.sendNotification(InitializedNotification.type, {});
  const render = (name: string, bytes: Uint8Array) =>
    client.sendRequest(RenderRequest.method, {
      name,
      data: Buffer.from(bytes).toString('base64'),
    }) as Promise<RenderResult>;
  const published1 = async (uri: string) => {
    for (;;) {
      const hit = published.find((p) => p.uri === uri);
      if (hit) return hit;
      await new Promise<void>((r) => (wake = r));
    }
  };
  return { client, render, published: published1 };
}

test('the render request answers why a file cannot be read, in the client’s language', async () => {
  const zh = await server();
  const r = await zh.render('file:///reports/%E5%B9%B4%E6%8A%A5.doc', OLE);
  assert.deepEqual(r.ok, false);
  assert.equal(!r.ok && r.reason, 'legacy-word');
  assert.match(!r.ok ? r.message : '', /另存为 \.docx/);
  const bad = await zh.render('/reports/a.pdf', Buffer.from('not a pdf'));
  assert.equal(!bad.ok && bad.reason, 'corrupt');
  zh.client.dispose();
  const en = await server('en');
  const e = await en.render('/reports/b.WPS', OLE);
  assert.match(!e.ok ? e.message : '', /save it as \.docx/);
  en.client.dispose();
});

test('a rendering is checked whatever its language id, an ordinary plain text only when it reads as a report', async () => {
  const s = await server();
  const rendering = `${RENDERING_SCHEME}:/reports/a.pdf.txt?file%3A%2F%2F%2Freports%2Fa.pdf`;
  const open = (uri: string, t: string) =>
    s.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: t },
    });
  // one section: a report, but not enough for detection to take a plain text for one
  await open(rendering, '一、总体情况\n');
  await open('file:///notes.txt', '一、总体情况\n');
  assert.ok((await s.published(rendering)).diagnostics.length > 0);
  assert.equal((await s.published('file:///notes.txt')).diagnostics.length, 0);
  s.client.dispose();
});
