// The language server in process: startServer on one end of a pair of in-memory streams, a protocol
// client on the other. No child process, no build: what lsp/server.ts wires is what is tested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type ClientCapabilities,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import {
  ExportRequest,
  FIX_ALL_KIND,
  PreviewRequest,
  SkeletonRequest,
  TablesRequest,
  type ParamsOf,
  type Request,
  type ResultOf,
} from '../../shared/protocol';
import { byPrefix, readCorpus } from './helpers';

/** A client and a server joined by two in-memory streams. */
async function connect(
  capabilities: ClientCapabilities,
  locale?: string,
  /** Handlers the client sets up before initialize (the requests the server sends it). */
  setup: (client: ProtocolConnection) => void = () => undefined,
  workspaceFolders: { uri: string; name: string }[] | null = null,
) {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server);
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  setup(client);
  client.listen();
  // processId null: a number would start vscode-languageserver's parent watchdog (a timer that
  // keeps the test process alive).
  const init = await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities,
    workspaceFolders,
    locale,
  });
  await client.sendNotification(InitializedNotification.type, {});
  const send = <T extends Request<unknown, unknown>>(r: T, p: ParamsOf<T>) =>
    client.sendRequest(r.method, p) as Promise<ResultOf<T>>;
  /** The first published diagnostics for uri that satisfy pred. */
  const diagnostics = async (uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true) => {
    for (;;) {
      const hit = published.find((p) => p.uri === uri && pred(p));
      if (hit) return hit;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  const close = () => {
    client.dispose();
    server.dispose();
    up.destroy();
    down.destroy();
  };
  return { client, init, send, diagnostics, close, published };
}

const uri = 'file:///tmp/in-process-000.txt';
const seed = readCorpus(byPrefix('000'));
const wrong = seed.replace('(七)总计 | 1 | 0', '(七)总计 | 3 | 0');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

test('in process: initialize → didOpen → published diagnostics on a seed', { timeout: 20_000 }, async () => {
  const c = await connect({});
  try {
    assert.equal(c.init.serverInfo?.name, 'disclosure-report');
    assert.deepEqual(c.init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', FIX_ALL_KIND] });
    assert.equal(c.init.capabilities.diagnosticProvider, undefined);
    const text = { uri, languageId: 'plaintext', version: 1, text: seed };
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: text });
    const first = await c.diagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(codes(first.diagnostics), ['report.title-missing']);
    assert.match(String(first.diagnostics[0]!.message), /标题/);

    const other = 'file:///tmp/in-process-wrong.txt';
    const textWrong = { uri: other, languageId: 'plaintext', version: 7, text: wrong };
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: textWrong });
    const second = await c.diagnostics(other, (p) => p.version === 7);
    const expected = ['report.title-missing', 'table3.balance', 'table3.outcome-total', 'table3.row-total'];
    assert.deepEqual(codes(second.diagnostics), expected);
  } finally {
    c.close();
  }
});

test('in process: pulled diagnostics in English and the typed custom requests', { timeout: 20_000 }, async () => {
  const c = await connect({ textDocument: { diagnostic: { dynamicRegistration: false } } }, 'en');
  try {
    assert.ok(c.init.capabilities.diagnosticProvider);
    const text = { uri, languageId: 'disclosure-report', version: 1, text: wrong };
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: text });
    const report = (await c.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as {
      items: Diagnostic[];
    };
    const balance = report.items.find((d) => d.code === 'table3.balance');
    assert.match(String(balance?.message), /Items 一 \+ 二 = 1 ≠ items 三 \+ 四 = 3/);

    const tables = await c.send(TablesRequest, { uri });
    const applications = tables.reports[0]!.applications as { totalProcessed: number[] };
    assert.deepEqual(applications.totalProcessed, [3, 0, 0, 0, 0, 0, 1]);
    const html = await c.send(PreviewRequest, { uri, nonce: 'abc', cspSource: 'x:' });
    const marked = /<td class="bad" data-offset="\d+" title="[^"]*Items 一[^"]*">3<span class="expected">→ 1</;
    assert.match(html, marked);
    assert.match(html, /script-src 'nonce-abc'/);
    const csv = await c.send(ExportRequest, { uri, format: 'csv' });
    assert.match(csv, /,二,行政处罚,本年处理决定数量,161\n/);
    // each row names the file as the user knows it, not its URI
    assert.doesNotMatch(csv, /file:/);
    assert.match(csv, /\nin-process-000\.txt,/);
    const skeleton = await c.send(SkeletonRequest, { format: '2019' });
    assert.match(skeleton, /三、收到和处理政府信息公开申请情况/);
    const pdf = c.send(ExportRequest, { uri, format: 'pdf' as never });
    await assert.rejects(pdf, /params.format must be json, csv or markdown/);
  } finally {
    c.close();
  }
});

test('in process: hover follows the client’s locale', { timeout: 20_000 }, async () => {
  for (const [locale, expected] of [
    ['en', /This row: total 1 = /],
    ['zh-CN', /本行：总计 1 = /],
  ] as const) {
    const c = await connect({}, locale);
    try {
      const textDocument = { uri, languageId: 'plaintext', version: 1, text: seed };
      await c.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
      const at = seed.indexOf('(七)总计 | 1') + 8;
      const line = seed.slice(0, at).split('\n').length - 1;
      const character = at - (seed.lastIndexOf('\n', at - 1) + 1);
      const params = { textDocument: { uri }, position: { line, character } };
      const h = (await c.client.sendRequest('textDocument/hover', params)) as { contents: { value: string } };
      assert.match(h.contents.value, expected);
    } finally {
      c.close();
    }
  }
});

test(
  'in process: didChangeConfiguration is registered only with a client that supports it; templateYear reaches the skeleton',
  { timeout: 20_000 },
  async () => {
    for (const dynamicRegistration of [false, true]) {
      const registered: string[] = [];
      const c = await connect(
        { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration } } },
        'zh-CN',
        (client) => {
          client.onRequest(RegistrationRequest.type, (p) => {
            for (const r of p.registrations) registered.push(r.method);
          });
          client.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ templateYear: 2019 })));
        },
      );
      try {
        // The server answers in order: by the time it has published for this document, it has sent its
        // registration (while handling initialized) and read the settings.
        const doc = 'file:///tmp/in-process-new.gkbg';
        const textDocument = { uri: doc, languageId: 'disclosure-report', version: 1, text: '' };
        await c.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
        await c.diagnostics(doc);
        assert.deepEqual(registered, dynamicRegistration ? ['workspace/didChangeConfiguration'] : []);
        // The year set (2019) is the one the skeleton is written for, in completion and the request.
        const items = (await c.client.sendRequest('textDocument/completion', {
          textDocument: { uri: doc },
          position: { line: 0, character: 0 },
        })) as { label: string; textEdit: { newText: string } }[];
        const skeleton = items.find((i) => i.label.endsWith('（模板）'))!;
        assert.match(skeleton.textEdit.newText, /^（机关名称）2019年政府信息公开工作年度报告/);
        assert.match(await c.send(SkeletonRequest, { format: '2021' }), /^（机关名称）2019年/);
      } finally {
        c.close();
      }
    }
  },
);

test(
  'in process: templateYear auto is last year until March, this year from April (the server’s clock)',
  { timeout: 20_000 },
  async () => {
    const c = await connect({});
    try {
      const now = new Date();
      const year = now.getMonth() + 1 <= 3 ? now.getFullYear() - 1 : now.getFullYear();
      assert.match(await c.send(SkeletonRequest, { format: '2021' }), new RegExp(`^（机关名称）${year}年`));
    } finally {
      c.close();
    }
  },
);

/** The codes `check --format json` gives for one file, sorted (the command line, in process). */
async function cliCodes(file: string): Promise<string[]> {
  const { main } = await import('../../server/src/cli/main');
  let out = '';
  await main(
    ['check', '--format', 'json', file],
    (s) => void (out += s),
    () => undefined,
  );
  return JSON.parse(out)
    .files[0].diagnostics.map((d: { code: string }) => d.code)
    .sort();
}

test('标记为已审核: the quick fix writes the baseline, the finding goes, and comes back when the baseline goes', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { CodeActionRequest, ExecuteCommandRequest, DidChangeWatchedFilesNotification } =
    await import('vscode-languageserver-protocol/node');
  const root = mkdtempSync(join(tmpdir(), 'dr-dismiss-'));
  mkdirSync(join(root, 'reports'));
  const file = join(root, 'reports', 'a.txt');
  // Seed 000 with （七）总计's first cell changed: a failed balance.
  const text = readCorpus(byPrefix('000')).replace('(七)总计 | 1', '(七)总计 | 2');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const rootUri = pathToFileURL(root).href;
  const c = await connect({ workspace: { didChangeWatchedFiles: {} } }, 'zh-CN', () => undefined, [
    { uri: rootUri, name: 'root' },
  ]);
  try {
    assert.deepEqual(c.init.capabilities.executeCommandProvider, { commands: ['disclosureReport.dismiss'] });
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'disclosure-report', version: 1, text },
    });
    const first = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'table3.balance'));
    const diag = first.diagnostics.find((d) => d.code === 'table3.balance')!;
    const others = first.diagnostics.length - 1;
    const actions = (await c.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as { title: string; isPreferred?: boolean; command?: { command: string; arguments?: unknown[] } }[];
    const dismiss = actions.find((a) => a.command?.command === 'disclosureReport.dismiss')!;
    assert.equal(dismiss.title, '标记为已审核（此处文字改动前不再提示）');
    assert.ok(!dismiss.isPreferred);
    assert.equal(actions[actions.length - 1], dismiss, 'after the fixes');
    await c.client.sendRequest(ExecuteCommandRequest.type, {
      command: dismiss.command!.command,
      arguments: dismiss.command!.arguments,
    });
    // Written in the workspace folder (no baseline nearer), the file's path relative to it.
    const baseline = JSON.parse(readFileSync(join(root, '.disclosure-report-baseline.json'), 'utf8'));
    assert.equal(baseline.entries.length, 1);
    assert.equal(baseline.entries[0].path, 'reports/a.txt');
    assert.equal(baseline.entries[0].code, 'table3.balance');
    const after = await c.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'table3.balance'));
    assert.equal(after.diagnostics.length, others);
    // The command line agrees: it leaves the same finding out, and only it.
    assert.deepEqual(await cliCodes(file), after.diagnostics.map((d) => String(d.code)).sort());
    // The baseline removed (a file event): the finding is back.
    rmSync(join(root, '.disclosure-report-baseline.json'));
    const n = c.published.length;
    await c.client.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(root, '.disclosure-report-baseline.json')).href, type: 3 }],
    });
    await c.diagnostics(
      uri,
      (p) => c.published.indexOf(p) >= n && p.diagnostics.some((d) => d.code === 'table3.balance'),
    );
  } finally {
    c.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('crossyear.copied-text in the editor: last year’s report open beside this year’s', async () => {
  const { renderSkeleton } = await import('../../server/src/core/features/render');
  const S5 = '五、存在的主要问题及改进情况';
  const prose =
    '一是政策解读形式较为单一，图解、视频等解读方式运用不多；二是依申请公开答复的规范性有待加强，' +
    '个别答复文书表述不够准确。下一步，我镇将进一步丰富政策解读形式，加强答复文书审核，' +
    '组织工作人员参加业务培训，切实提升政府信息公开工作质量和水平。';
  const withFive = (year: number) =>
    renderSkeleton('2021', 'pipe', '青石镇人民政府', year).replace(`${S5}\n`, `${S5}\n${prose}\n`);
  const c = await connect({});
  try {
    const last = 'file:///tmp/copied-2023.txt';
    const now = 'file:///tmp/copied-2024.txt';
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: last, languageId: 'disclosure-report', version: 1, text: withFive(2023) },
    });
    await c.diagnostics(last);
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: now, languageId: 'disclosure-report', version: 1, text: withFive(2024) },
    });
    const p = await c.diagnostics(now);
    const copied = p.diagnostics.filter((d) => d.code === 'crossyear.copied-text');
    assert.equal(copied.length, 1, p.diagnostics.map((d) => d.code).join(' '));
    assert.match(String(copied[0]!.message), /^本部分文字与2023年报告的同一部分约100%相同/);
  } finally {
    c.close();
  }
});

test('disclosureReport.dismiss with bad arguments is refused (InvalidParams), for a document not on disk says so', async () => {
  const { ExecuteCommandRequest, ShowMessageNotification } = await import('vscode-languageserver-protocol/node');
  const shown: string[] = [];
  const c = await connect({}, 'zh-CN', (client) =>
    client.onNotification(ShowMessageNotification.type, (m) => void shown.push(m.message)),
  );
  try {
    for (const args of [undefined, [], [null], [{ uri: 1, fingerprint: 'x' }], [{ uri: 'file:///a.txt' }]])
      await assert.rejects(
        c.client.sendRequest(ExecuteCommandRequest.type, { command: 'disclosureReport.dismiss', arguments: args }),
        (e: { code?: number }) => e.code === -32602,
        JSON.stringify(args),
      );
    await assert.rejects(
      c.client.sendRequest(ExecuteCommandRequest.type, { command: 'no.such.command', arguments: [] }),
      (e: { code?: number }) => e.code === -32602,
    );
    // An untitled document cannot be dismissed: said in the user's words, nothing written.
    await c.client.sendRequest(ExecuteCommandRequest.type, {
      command: 'disclosureReport.dismiss',
      arguments: [{ uri: 'untitled:Untitled-1', fingerprint: 'f', code: 'table3.balance', message: 'm' }],
    });
    assert.deepEqual(shown, ['只有磁盘上的文件可以标记为已审核。']);
  } finally {
    c.close();
  }
});

test('标记为已审核 on a Word file’s rendering is recorded for the file, and the command line leaves it out', async () => {
  const { mkdtempSync, copyFileSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { CodeActionRequest, ExecuteCommandRequest } = await import('vscode-languageserver-protocol/node');
  const { RenderRequest } = await import('../../shared/protocol');
  const { FIXTURES } = await import('./helpers');
  const root = mkdtempSync(join(tmpdir(), 'dr-dismiss-docx-'));
  const file = join(root, 'real-008.docx');
  copyFileSync(join(FIXTURES, 'made', 'real-008.docx'), file);
  const c = await connect({}, 'zh-CN', () => undefined, [{ uri: pathToFileURL(root).href, name: 'root' }]);
  try {
    // What the VS Code client does: the server renders the bytes, the rendering opens on its scheme.
    const rendered = await c.send(RenderRequest, { name: file, data: readFileSync(file).toString('base64') });
    assert.ok(rendered.ok);
    const source = pathToFileURL(file).href;
    const uri = `disclosure-rendering:${pathToFileURL(file).pathname}.txt?${encodeURIComponent(source)}`;
    await c.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: rendered.text },
    });
    const first = await c.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'table4.total'));
    const diag = first.diagnostics.find((d) => d.code === 'table4.total')!;
    const actions = (await c.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as { command?: { command: string; arguments?: unknown[] } }[];
    const dismiss = actions.find((a) => a.command?.command === 'disclosureReport.dismiss')!;
    assert.ok(dismiss);
    await c.client.sendRequest(ExecuteCommandRequest.type, {
      command: dismiss.command!.command,
      arguments: dismiss.command!.arguments,
    });
    const baseline = JSON.parse(readFileSync(join(root, '.disclosure-report-baseline.json'), 'utf8'));
    assert.deepEqual(
      baseline.entries.map((e: { path: string; code: string }) => [e.path, e.code]),
      [['real-008.docx', 'table4.total']],
    );
    const after = await c.diagnostics(uri, (p) => p.diagnostics.length === first.diagnostics.length - 1);
    assert.deepEqual(await cliCodes(file), after.diagnostics.map((d) => String(d.code)).sort());
  } finally {
    c.close();
    rmSync(root, { recursive: true, force: true });
  }
});
