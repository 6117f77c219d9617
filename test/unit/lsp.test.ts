// The language server over stdio, driven by a protocol client as an editor would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { byPrefix, readCorpus } from './helpers';

const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

interface Client {
  conn: ProtocolConnection;
  proc: ChildProcess;
  /** Resolves with the next published diagnostics for uri that satisfy pred. */
  nextDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

async function start(capabilities: ClientCapabilities, init: { locale?: string; settings?: Record<string, unknown>; folder?: string } = {}): Promise<Client> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const client: Client = {
    conn,
    proc,
    settings: init.settings ?? {},
    nextDiagnostics(uri, pred = () => true) {
      return new Promise((resolve) => waiters.push({ uri, pred, resolve }));
    },
    async close() {
      conn.dispose();
      proc.kill();
    },
  };
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && w.pred(p));
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(p);
  });
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => client.settings));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: init.folder ? [{ uri: init.folder, name: 'ws' }] : null, locale: init.locale });
  await conn.sendNotification(InitializedNotification.type, {});
  return client;
}

const uri = 'file:///tmp/report-000.txt';
const seed = readCorpus(byPrefix('000'));
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

test('published diagnostics follow incremental edits, version by version', async () => {
  const c = await start({});
  try {
    const first = c.nextDiagnostics(uri, (p) => p.version === 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: seed } });
    assert.deepEqual(codes((await first).diagnostics), ['report.title-missing']);

    // Change （七）总计's first cell from 1 to 2.
    const at = seed.indexOf('(七)总计 | 1') + 8;
    const range = { start: positionOf(seed, at), end: positionOf(seed, at + 1) };
    const second = c.nextDiagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '2' }] });
    const d2 = (await second).diagnostics;
    const balance = d2.filter((d) => d.code === 'table3.balance');
    assert.equal(balance.length, 1);
    assert.deepEqual(balance[0]!.range, range);
    assert.match(String(balance[0]!.message), /第一项加第二项之和1 ≠ 第三项加第四项之和2（自然人列）/);

    // Astral characters before the finding, on its line: the range moves by their UTF-16 length.
    const lineStart = { line: range.start.line, character: 0 };
    const third = c.nextDiagnostics(uri, (p) => p.version === 3);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: lineStart, end: lineStart }, text: '𠮷𠮷' }] });
    const moved = (await third).diagnostics.find((d) => d.code === 'table3.balance')!;
    assert.equal(moved.range.start.character, range.start.character + 4);

    // Undo both: the finding disappears.
    const fourth = c.nextDiagnostics(uri, (p) => p.version === 5);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: lineStart, end: { line: lineStart.line, character: 4 } }, text: '' }] });
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ range, text: '1' }] });
    assert.deepEqual(codes((await fourth).diagnostics), ['report.title-missing']);
  } finally {
    await c.close();
  }
});

test('pull diagnostics, English locale, the tables request and bad requests', async () => {
  const c = await start({ textDocument: { diagnostic: { dynamicRegistration: false } } }, { locale: 'en' });
  try {
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'disclosure-report', version: 1, text: seed.replace('(七)总计 | 1 | 0', '(七)总计 | 3 | 0') } });
    const report = (await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((d) => d.code === 'table3.balance' && /Items 一 \+ 二 = 1 ≠ items 三 \+ 四 = 3/.test(String(d.message))));
    const tables = (await c.conn.sendRequest('disclosureReport/tables', { uri })) as { reports: { applications: { totalProcessed: number[] } }[] };
    assert.deepEqual(tables.reports[0]!.applications.totalProcessed, [3, 0, 0, 0, 0, 0, 1]);
    await assert.rejects(c.conn.sendRequest('disclosureReport/tables', { nope: 1 }), /params.uri/);
    await assert.rejects(c.conn.sendRequest('disclosureReport/tables', { uri: 'file:///not/open.txt' }), /not open/);
    // Still alive after bad requests.
    const again = (await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { items: Diagnostic[] };
    assert.ok(again.items.length > 0);
  } finally {
    await c.close();
  }
});

test('configuration: per-code severity and turning a code off, read through workspace/configuration', async () => {
  const c = await start({ workspace: { configuration: true } }, { settings: { severity: { 'report.title-missing': 'off' } } });
  try {
    const text = seed.replace('(七)总计 | 1 | 0', '(七)总计 | 3 | 0');
    const first = c.nextDiagnostics(uri, (p) => p.version === 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const d1 = (await first).diagnostics;
    assert.ok(!d1.some((d) => d.code === 'report.title-missing'), JSON.stringify(codes(d1)));
    c.settings = { severity: { 'table3.balance': 'warning', 'report.title-missing': 'off' } };
    const second = c.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'table3.balance' && d.severity === 2));
    await c.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.ok((await second).diagnostics.length > 0);
  } finally {
    await c.close();
  }
});

test('a plain-text document that is not a report gets no diagnostics (detect: auto)', async () => {
  const c = await start({});
  try {
    const u = 'file:///tmp/notes.txt';
    const p = c.nextDiagnostics(u);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: '购物清单\n一、苹果\n' } });
    assert.deepEqual((await p).diagnostics, []);
  } finally {
    await c.close();
  }
});

test('editor features over LSP: completion, quick fix, outline, folding, hover, inlay hints, formatting, preview, export', async () => {
  const c = await start({});
  try {
    const text = seed.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const first = c.nextDiagnostics(uri, (p) => p.version === 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'disclosure-report', version: 1, text } });
    const diags = (await first).diagnostics;
    const typo = diags.find((d) => d.code === 'table.row-unknown')!;
    assert.ok(typo);

    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as { title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> }; diagnostics?: unknown[] }[];
    const fix = actions.find((a) => a.title.includes('2.其他法律行政法规禁止公开'))!;
    assert.ok(fix && fix.diagnostics?.length === 1);
    const edit = fix.edit.changes[uri]![0]!;
    const fixed = c.nextDiagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range as never, text: edit.newText }] });
    assert.deepEqual(codes((await fixed).diagnostics), ['report.title-missing']);

    const at = positionOf(seed, seed.indexOf('3.危及'));
    const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at })) as { label: string }[];
    assert.ok(items.some((i) => i.label === '3.危及“三安全一稳定”'));
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { children: { name: string }[] }[];
    assert.equal(symbols[0]!.children.length, 6);
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.equal(folds.length, 10);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(seed, seed.indexOf('行政处罚 | 161') + 7) })) as { contents: { value: string } };
    assert.match(hover.contents.value, /行政处罚\*\* · 本年处理决定数量：161/);
    const hints = (await c.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 90, character: 0 } } })) as unknown[];
    assert.deepEqual(hints, []);
    const fmt = (await c.conn.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as { newText: string }[];
    assert.ok(fmt.length >= 1 && fmt.some((e) => e.newText.includes('行政处罚 | 161 |')));
    const html = (await c.conn.sendRequest('disclosureReport/preview', { uri, nonce: 'n1', cspSource: 'x:' })) as string;
    assert.match(html, /nonce-n1/);
    const csv = (await c.conn.sendRequest('disclosureReport/export', { uri, format: 'csv' })) as string;
    assert.match(csv, /,二,行政处罚,本年处理决定数量,161\n/);
    await assert.rejects(c.conn.sendRequest('disclosureReport/export', { uri, format: 'xls' }), /format/);
  } finally {
    await c.close();
  }
});

test('cross-year: last year’s report in the workspace folder, and last year’s report open in the editor', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dr-ws-'));
  const base = readCorpus(byPrefix('002'));
  const lastYear = base.replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5').replace('0\t0\t0\t0\t0\t0\t\n\n####', '0\t0\t0\t0\t0\t5\t\n\n####');
  writeFileSync(join(dir, '2024.txt'), lastYear);
  const proc = await start({ workspace: { workspaceFolders: true } }, { folder: pathToFileURL(dir).href });
  try {
    const u = pathToFileURL(join(dir, '2025.txt')).href;
    const thisYear = base.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告');
    const d = proc.nextDiagnostics(u, (p) => p.diagnostics.some((x) => x.code === 'crossyear.carry-over'));
    await proc.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: thisYear } });
    const found = (await d).diagnostics.filter((x) => x.code === 'crossyear.carry-over');
    assert.equal(found.length, 2);
    assert.match(String(found[0]!.message), /2024年报告/);
  } finally {
    await proc.close();
  }
});
