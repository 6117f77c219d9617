// The language server over stdio, driven by a protocol client as an editor would.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
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
  IPCMessageReader,
  IPCMessageWriter,
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
import { SERVER_V8_FLAGS } from '../../client/src/server-flags';

const SERVER = process.env.DR_SERVER ?? join(import.meta.dirname, '..', '..', 'dist', 'server.js');

/** Every server started, killed at the end even when a test timed out waiting for it. */
const servers = new Set<ChildProcess>();
after(() => {
  for (const p of servers) p.kill();
});

interface Client {
  conn: ProtocolConnection;
  proc: ChildProcess;
  /** Resolves with the next published diagnostics for uri that satisfy pred. */
  nextDiagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

async function start(
  capabilities: ClientCapabilities,
  init: { locale?: string; settings?: Record<string, unknown>; folder?: string } = {},
): Promise<Client> {
  // Started as the desktop client starts it: with its V8 flags (a flag this Node does not know fails here).
  const proc = spawn(process.execPath, [...SERVER_V8_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  servers.add(proc);
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters: {
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
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
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities,
    workspaceFolders: init.folder ? [{ uri: init.folder, name: 'ws' }] : null,
    locale: init.locale,
  });
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
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: seed },
    });
    assert.deepEqual(codes((await first).diagnostics), ['report.title-missing']);

    // Change （七）总计's first cell from 1 to 2.
    const at = seed.indexOf('(七)总计 | 1') + 8;
    const range = { start: positionOf(seed, at), end: positionOf(seed, at + 1) };
    const second = c.nextDiagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range, text: '2' }],
    });
    const d2 = (await second).diagnostics;
    const balance = d2.filter((d) => d.code === 'table3.balance');
    assert.equal(balance.length, 1);
    assert.deepEqual(balance[0]!.range, range);
    assert.match(String(balance[0]!.message), /第一项加第二项之和1 ≠ 第三项加第四项之和2，相差1（自然人列）/);
    // The column's three other cells come as related information, in the same document.
    const related = balance[0]!.relatedInformation ?? [];
    assert.equal(related.length, 3);
    for (const x of related) assert.equal(x.location.uri, uri);

    // Astral characters before the finding, on its line: the range moves by their UTF-16 length.
    const lineStart = { line: range.start.line, character: 0 };
    const third = c.nextDiagnostics(uri, (p) => p.version === 3);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: lineStart, end: lineStart }, text: '𠮷𠮷' }],
    });
    const moved = (await third).diagnostics.find((d) => d.code === 'table3.balance')!;
    assert.equal(moved.range.start.character, range.start.character + 4);

    // Undo both: the finding disappears.
    const fourth = c.nextDiagnostics(uri, (p) => p.version === 5);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: lineStart, end: { line: lineStart.line, character: 4 } }, text: '' }],
    });
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range, text: '1' }],
    });
    assert.deepEqual(codes((await fourth).diagnostics), ['report.title-missing']);
  } finally {
    await c.close();
  }
});

test('pull diagnostics, English locale, the tables request and bad requests', async () => {
  const c = await start({ textDocument: { diagnostic: { dynamicRegistration: false } } }, { locale: 'en' });
  try {
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'disclosure-report',
        version: 1,
        text: seed.replace('(七)总计 | 1 | 0', '(七)总计 | 3 | 0'),
      },
    });
    const report = (await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as {
      kind: string;
      items: Diagnostic[];
    };
    assert.equal(report.kind, 'full');
    assert.ok(
      report.items.some(
        (d) => d.code === 'table3.balance' && /Items 一 \+ 二 = 1 ≠ items 三 \+ 四 = 3/.test(String(d.message)),
      ),
    );
    const tables = (await c.conn.sendRequest('disclosureReport/tables', { uri })) as {
      reports: { applications: { totalProcessed: number[] } }[];
    };
    assert.deepEqual(tables.reports[0]!.applications.totalProcessed, [3, 0, 0, 0, 0, 0, 1]);
    await assert.rejects(c.conn.sendRequest('disclosureReport/tables', { nope: 1 }), /params.uri/);
    await assert.rejects(c.conn.sendRequest('disclosureReport/tables', { uri: 'file:///not/open.txt' }), /not open/);
    // Still alive after bad requests.
    const again = (await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as {
      items: Diagnostic[];
    };
    assert.ok(again.items.length > 0);
  } finally {
    await c.close();
  }
});

test('configuration: per-code severity and turning a code off, read through workspace/configuration', async () => {
  const c = await start(
    { workspace: { configuration: true } },
    { settings: { severity: { 'report.title-missing': 'off' } } },
  );
  try {
    const text = seed.replace('(七)总计 | 1 | 0', '(七)总计 | 3 | 0');
    const first = c.nextDiagnostics(uri, (p) => p.version === 1);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text },
    });
    const d1 = (await first).diagnostics;
    assert.ok(!d1.some((d) => d.code === 'report.title-missing'), JSON.stringify(codes(d1)));
    c.settings = { severity: { 'table3.balance': 'warning', 'report.title-missing': 'off' } };
    const second = c.nextDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'table3.balance' && d.severity === 2),
    );
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
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'plaintext', version: 1, text: '购物清单\n一、苹果\n' },
    });
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
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'disclosure-report', version: 1, text },
    });
    const diags = (await first).diagnostics;
    const typo = diags.find((d) => d.code === 'table.row-unknown')!;
    assert.ok(typo);

    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: typo.range,
      context: { diagnostics: [typo] },
    })) as {
      title: string;
      edit: { changes: Record<string, { range: unknown; newText: string }[]> };
      diagnostics?: unknown[];
    }[];
    const fix = actions.find((a) => a.title.includes('2.其他法律行政法规禁止公开'))!;
    assert.ok(fix && fix.diagnostics?.length === 1);
    const edit = fix.edit.changes[uri]![0]!;
    const fixed = c.nextDiagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: edit.range as never, text: edit.newText }],
    });
    assert.deepEqual(codes((await fixed).diagnostics), ['report.title-missing']);

    const at = positionOf(seed, seed.indexOf('3.危及'));
    const items = (await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: at })) as {
      label: string;
    }[];
    assert.ok(items.some((i) => i.label === '3.危及“三安全一稳定”'));
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as {
      children: { name: string }[];
    }[];
    assert.equal(symbols[0]!.children.length, 6);
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.equal(folds.length, 10);
    const hover = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(seed, seed.indexOf('行政处罚 | 161') + 7),
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /行政处罚\*\* · 本年处理决定数量：161/);
    const hints = (await c.conn.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 90, character: 0 } },
    })) as unknown[];
    assert.deepEqual(hints, []);
    const fmt = (await c.conn.sendRequest('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as { newText: string }[];
    assert.ok(fmt.length >= 1 && fmt.some((e) => e.newText.includes('行政处罚 | 161 |')));
    const html = (await c.conn.sendRequest('disclosureReport/preview', {
      uri,
      nonce: 'n1',
      cspSource: 'x:',
    })) as string;
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
  const lastYear = base
    .replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5')
    .replace('0\t0\t0\t0\t0\t0\t\n\n####', '0\t0\t0\t0\t0\t5\t\n\n####');
  writeFileSync(join(dir, '2024.txt'), lastYear);
  const proc = await start({ workspace: { workspaceFolders: true } }, { folder: pathToFileURL(dir).href });
  try {
    const u = pathToFileURL(join(dir, '2025.txt')).href;
    const thisYear = base.replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告');
    const d = proc.nextDiagnostics(u, (p) => p.diagnostics.some((x) => x.code === 'crossyear.carry-over'));
    await proc.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'plaintext', version: 1, text: thisYear },
    });
    const found = (await d).diagnostics.filter((x) => x.code === 'crossyear.carry-over');
    assert.equal(found.length, 2);
    assert.match(String(found[0]!.message), /2024年报告/);
  } finally {
    await proc.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Protocol abuse (issue 8): every request answers, with the right error, within a bound.

/** A server with a connection but no initialize yet. */
function raw(): { conn: ProtocolConnection; proc: ChildProcess; close(): void } {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  servers.add(proc);
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.listen();
  return { conn, proc, close: () => (conn.dispose(), proc.kill()) };
}

/** The error code a request is answered with (or 'ok'). */
async function codeOf(p: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as { code: number }).code;
  }
}

/** Fails after ms instead of hanging. */
function within<T>(ms: number, p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, rej) => (timer = setTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

const PULL: ClientCapabilities = { textDocument: { diagnostic: { dynamicRegistration: false } } };
const S002 = readCorpus(byPrefix('002'));
const S003 = readCorpus(byPrefix('003'));
const summary = (ds: Diagnostic[]) =>
  ds
    .map(
      (d) =>
        `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
    )
    .sort();
const pullDiags = async (c: { conn: ProtocolConnection }, u: string) =>
  ((await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: u } })) as { items: Diagnostic[] })
    .items;

test(
  'requests before initialize get ServerNotInitialized (-32002); notifications before it are dropped',
  { timeout: 20_000 },
  async () => {
    const c = raw();
    try {
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'disclosure-report', version: 1, text: seed },
      });
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/diagnostic', { textDocument: { uri } }],
        ['disclosureReport/tables', { uri }],
        ['disclosureReport/skeleton', {}],
      ] as const) {
        assert.equal(await within(5000, codeOf(c.conn.sendRequest(method, params)), method), -32002, method);
      }
      await c.conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: PULL,
        workspaceFolders: null,
      });
      await c.conn.sendNotification(InitializedNotification.type, {});
      // The didOpen sent before initialize was dropped; the server serves requests now.
      await assert.rejects(c.conn.sendRequest('disclosureReport/tables', { uri }), /not open/);
      assert.equal(typeof (await c.conn.sendRequest('disclosureReport/skeleton', {})), 'string');
    } finally {
      c.close();
    }
  },
);

test(
  'missing or malformed params are InvalidParams (-32602) with a message naming the parameter',
  { timeout: 30_000 },
  async () => {
    const c = await start(PULL);
    try {
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'disclosure-report', version: 1, text: seed },
      });
      const td = { textDocument: { uri } };
      const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      const cases: [string, unknown, RegExp][] = [
        ['textDocument/hover', {}, /textDocument/],
        ['textDocument/hover', td, /position/],
        ['textDocument/hover', { ...td, position: { line: -1, character: 0 } }, /position\.line/],
        ['textDocument/hover', { ...td, position: { line: 1.5, character: 0 } }, /position\.line/],
        ['textDocument/completion', { ...td, position: { line: 'a', character: 0 } }, /position\.line/],
        ['textDocument/codeAction', { ...td, range }, /context/],
        ['textDocument/codeAction', { ...td, context: { diagnostics: [] } }, /range/],
        ['textDocument/codeAction', { ...td, range, context: { diagnostics: 'x' } }, /context\.diagnostics/],
        [
          'textDocument/codeAction',
          { ...td, range, context: { diagnostics: [{ message: 'm' }] } },
          /context\.diagnostics\[0\]\.range/,
        ],
        ['textDocument/codeAction', { ...td, range, context: { diagnostics: [], only: 'quickfix' } }, /context\.only/],
        ['textDocument/documentSymbol', {}, /textDocument/],
        ['textDocument/foldingRange', { textDocument: { uri: 5 } }, /textDocument\.uri/],
        ['textDocument/formatting', td, /options/],
        ['textDocument/inlayHint', td, /range/],
        ['textDocument/inlayHint', { ...td, range: { start: { line: 0, character: 0 } } }, /range\.end/],
        ['textDocument/diagnostic', {}, /textDocument/],
        ['disclosureReport/tables', { nope: 1 }, /uri/],
        ['disclosureReport/preview', { uri }, /nonce/],
        ['disclosureReport/preview', { uri, nonce: 'a"><script>', cspSource: 'x:' }, /nonce/],
        ['disclosureReport/preview', { uri, nonce: 'abc', cspSource: "x:; script-src 'unsafe-inline'" }, /cspSource/],
        ['disclosureReport/export', { uri, format: 'xls' }, /format/],
        ['disclosureReport/skeleton', { format: 2021 }, /format/],
      ];
      for (const [method, params, re] of cases) {
        const what = `${method} ${JSON.stringify(params)}`;
        const err = await within(
          5000,
          c.conn.sendRequest(method, params).then(
            () => null,
            (e: { code: number; message: string }) => e,
          ),
          what,
        );
        assert.ok(err, `${what}: answered without an error`);
        assert.equal(err.code, -32602, `${what}: ${err.message}`);
        assert.match(err.message, re, what);
        assert.doesNotMatch(err.message, /Cannot read|undefined|TypeError|is not a function/, what);
      }
      // Still serving.
      assert.ok((await pullDiags(c, uri)).length > 0);
    } finally {
      await c.close();
    }
  },
);

test(
  'didChange with reversed, out-of-bounds or past-the-end ranges never loses the text (equals a fresh open)',
  { timeout: 30_000 },
  async () => {
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const c = await start(PULL);
    try {
      let ref = TextDocument.create(uri, 'disclosure-report', 1, seed);
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'disclosure-report', version: 1, text: seed },
      });
      const at = positionOf(seed, seed.indexOf('(七)总计 | 1') + 8);
      const changes = [
        // reversed: end before start (a replacement of the same text, as the reference implementation reads it)
        { range: { start: { line: at.line, character: at.character + 1 }, end: at }, text: '2' },
        { range: { start: { line: 5, character: 3 }, end: { line: 2, character: 1 } }, text: '甲' },
        // characters past the end of their line
        { range: { start: { line: 3, character: 500 }, end: { line: 3, character: 9000 } }, text: '乙' },
        // a line past the end of the document
        { range: { start: { line: 99_999, character: 0 }, end: { line: 99_999, character: 4 } }, text: '\n丙' },
        { range: { start: { line: 99_999, character: 7 }, end: { line: 99_990, character: 0 } }, text: '丁' },
      ];
      let version = 1;
      for (const ch of changes) {
        version++;
        ref = TextDocument.update(ref, [ch], version);
        await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [ch],
        });
        const fresh = `file:///tmp/fresh-${version}.txt`;
        await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri: fresh, languageId: 'disclosure-report', version: 1, text: ref.getText() },
        });
        assert.deepEqual(
          summary(await within(5000, pullDiags(c, uri), 'diagnostics')),
          summary(await pullDiags(c, fresh)),
          JSON.stringify(ch),
        );
      }
      // A malformed change (no text) is refused and logged; the document is kept as it was.
      const before = summary(await pullDiags(c, uri));
      assert.ok(before.length > 0);
      await c.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: version + 1 },
        contentChanges: [{ range: { start: at, end: at } } as never],
      });
      assert.deepEqual(summary(await within(5000, pullDiags(c, uri), 'diagnostics')), before);
    } finally {
      await c.close();
    }
  },
);

test('a change the analysis fails on is applied to the plain text and the document re-read from it', async () => {
  const { DocumentStore } = await import('../../server/src/lsp/documents');
  const logged: string[] = [];
  const store = new DocumentStore((m) => logged.push(m));
  const d = store.open(uri, 'disclosure-report', 1, seed);
  const at = seed.indexOf('(七)总计 | 1') + 8;
  const pos = positionOf(seed, at);
  // The analysis throws after having half-applied the edit.
  const a = d.analysis;
  const edit = a.edit.bind(a);
  a.edit = (s: number, e: number, t: string) => {
    edit(s, e, t);
    throw new Error('boom');
  };
  store.change(uri, 2, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '2' }]);
  const expected = seed.slice(0, at) + '2' + seed.slice(at + 1);
  assert.equal(store.get(uri)!.analysis.text, expected);
  assert.notEqual(store.get(uri)!.analysis, a);
  assert.match(logged.join('\n'), /boom/);
  // The document goes on as usual with the next change.
  store.change(uri, 3, [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '1' }]);
  assert.equal(store.get(uri)!.analysis.text, seed);
});

/** n copies of seed 003 (pinyin and numbering defects: every report has fixes). */
const copies = (n: number) => Array.from({ length: n }, () => S003).join('\n');

test(
  'a storm of cancelled requests of every kind is answered at once with RequestCancelled (-32800)',
  { timeout: 60_000 },
  async () => {
    const c = await start(PULL);
    try {
      const u = 'file:///tmp/storm.txt';
      const text = copies(30);
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: u, languageId: 'disclosure-report', version: 1, text },
      });
      assert.ok((await pullDiags(c, u)).length > 0);
      const td = { textDocument: { uri: u } };
      const all = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
      const kinds: [string, unknown][] = [
        ['textDocument/codeAction', { ...td, range: all, context: { diagnostics: [], only: ['source.fixAll'] } }],
        ['textDocument/codeAction', { ...td, range: all, context: { diagnostics: [] } }],
        ['textDocument/documentSymbol', td],
        ['textDocument/foldingRange', td],
        ['textDocument/hover', { ...td, position: { line: 40, character: 2 } }],
        ['textDocument/inlayHint', { ...td, range: all }],
        ['textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } }],
        ['disclosureReport/preview', { uri: u, nonce: 'abc', cspSource: 'x:' }],
        ['disclosureReport/tables', { uri: u }],
        ['disclosureReport/export', { uri: u, format: 'json' }],
      ];
      const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
      const answers: Promise<number | 'ok'>[] = [];
      for (let i = 0; i < 400; i++) {
        const [method, params] = kinds[i % kinds.length]!;
        const s = new CancellationTokenSource();
        answers.push(codeOf(c.conn.sendRequest(method, params, s.token)));
        s.cancel();
      }
      const codesSeen = await within(20_000, Promise.all(answers), '400 cancelled requests');
      const cancelled = codesSeen.filter((x) => x === -32800).length;
      assert.ok(
        cancelled >= 300,
        `only ${cancelled} of 400 answered as cancelled: ${JSON.stringify(codesSeen.slice(0, 20))}`,
      );
      assert.ok(
        codesSeen.every((x) => x === -32800 || x === 'ok'),
        JSON.stringify(codesSeen.filter((x) => x !== -32800 && x !== 'ok')),
      );
      // And the server is free again.
      await within(
        5000,
        c.conn.sendRequest('textDocument/hover', { ...td, position: { line: 40, character: 2 } }),
        'hover after the storm',
      );
    } finally {
      await c.close();
    }
  },
);

test('a request cancelled while it runs stops and answers RequestCancelled', { timeout: 60_000 }, async () => {
  const c = await start(PULL);
  try {
    const u = 'file:///tmp/long.txt';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'disclosure-report', version: 1, text: copies(400) },
    });
    await pullDiags(c, u);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol/node');
    const s = new CancellationTokenSource();
    const all = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
    const started = Date.now();
    const p = codeOf(
      c.conn.sendRequest(
        'textDocument/codeAction',
        { textDocument: { uri: u }, range: all, context: { diagnostics: [], only: ['source.fixAll'] } },
        s.token,
      ),
    );
    // The request is read before the cancellation that follows it: the server has started it.
    setImmediate(() => s.cancel());
    assert.equal(await within(20_000, p, 'cancelled fix-all'), -32800);
    assert.ok(Date.now() - started < 5000, `cancelled after ${Date.now() - started} ms`);
  } finally {
    await c.close();
  }
});

test(
  'a quick-fix request for one of several table.row-missing returns only its fix, labelled with it',
  { timeout: 20_000 },
  async () => {
    const c = await start(PULL);
    try {
      const u = 'file:///tmp/rows.txt';
      const text = S002.replace('\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0\n', '').replace(
        /\t\t3\. 要求提供公开出版物[^\n]*\n/,
        '',
      );
      await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: u, languageId: 'disclosure-report', version: 1, text },
      });
      const missing = (await pullDiags(c, u)).filter((d) => d.code === 'table.row-missing');
      assert.equal(missing.length, 2);
      for (const target of missing) {
        const offered = (await c.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: u },
          range: target.range,
          context: { diagnostics: [target] },
        })) as {
          title: string;
          diagnostics?: Diagnostic[];
          edit: { changes: Record<string, { newText: string }[]> };
          command?: { command: string };
        }[];
        // Its fix, and (last, a command) 标记为已审核 for it.
        const actions = offered.filter((a) => !a.command);
        assert.deepEqual(
          offered.filter((a) => a.command).map((a) => [a.command!.command, a.diagnostics]),
          [['disclosureReport.dismiss', [target]]],
        );
        assert.equal(actions.length, 1, actions.map((a) => a.title).join(' / '));
        assert.deepEqual(actions[0]!.diagnostics, [target]);
        const row = /“(.+)”/.exec(String(target.message))![1]!.replace(/\s/g, '');
        assert.ok(
          actions[0]!.edit.changes[u]![0]!.newText.replace(/\s/g, '').includes(row),
          `${actions[0]!.title} for ${target.message}`,
        );
      }
      // No diagnostic in the context: no quick fix.
      assert.deepEqual(
        await c.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: u },
          range: missing[0]!.range,
          context: { diagnostics: [] },
        }),
        [],
      );
    } finally {
      await c.close();
    }
  },
);

test('fix-all on a large document answers within a bound and fixes every report', { timeout: 90_000 }, async () => {
  const c = await start(PULL);
  try {
    const u = 'file:///tmp/big.txt';
    const n = 300;
    const text = copies(n);
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'disclosure-report', version: 1, text },
    });
    await pullDiags(c, u);
    const single = 'file:///tmp/single.txt';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: single, languageId: 'disclosure-report', version: 1, text: S003 },
    });
    const two = 'file:///tmp/two.txt';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: two, languageId: 'disclosure-report', version: 1, text: copies(2) },
    });
    const all = { start: { line: 0, character: 0 }, end: { line: 10_000_000, character: 0 } };
    const fixAllOf = async (x: string) =>
      (
        (await c.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: x },
          range: all,
          context: { diagnostics: [], only: ['source.fixAll'] },
        })) as { edit: { changes: Record<string, unknown[]> } }[]
      )[0]!.edit.changes[x]!;
    const one = (await fixAllOf(single)).length;
    const next = (await fixAllOf(two)).length - one;
    assert.ok(one > 0 && next > 0);
    const started = Date.now();
    const many = await within(20_000, fixAllOf(u), `fix-all on ${text.length} characters`);
    console.log(`fix-all: ${text.length} characters, ${many.length} edits in ${Date.now() - started} ms`);
    // Every report fixed: the first as a document of its own, each following one as the second of two.
    assert.equal(many.length, one + (n - 1) * next);
  } finally {
    await c.close();
  }
});

test('dist/server.js --node-ipc speaks LSP over the node IPC channel (contract.md)', { timeout: 20_000 }, async () => {
  const proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  servers.add(proc);
  const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
  try {
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      conn.onNotification(PublishDiagnosticsNotification.type, resolve),
    );
    conn.listen();
    const init = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
    assert.equal(init.serverInfo?.name, 'disclosure-report');
    await conn.sendNotification(InitializedNotification.type, {});
    const textDocument = { uri, languageId: 'plaintext', version: 1, text: seed };
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
    assert.deepEqual(codes((await within(10_000, published, 'diagnostics over node-ipc')).diagnostics), [
      'report.title-missing',
    ]);
  } finally {
    conn.dispose();
    proc.kill();
  }
});

test('preview accepts the cspSource code-server gives (two source expressions)', { timeout: 20_000 }, async () => {
  const c = await start(PULL);
  try {
    const u = 'file:///tmp/csp.txt';
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: u, languageId: 'disclosure-report', version: 1, text: S002 },
    });
    const cspSource = 'http://127.0.0.1:8080/stable-1/static/extensions/x/ https://*.vscode-cdn.net';
    const html = (await c.conn.sendRequest('disclosureReport/preview', { uri: u, nonce: 'abc', cspSource })) as string;
    assert.ok(html.includes(cspSource));
  } finally {
    await c.close();
  }
});
