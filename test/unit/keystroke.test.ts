// The keystroke path of the language server (issue 12): the diagnostics kept per report, and the
// JSON written from their cached fragments, equal a fresh open's after any sequence of edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/lsp/documents';
import { StdioMessageWriter, toJsonBytes } from '../../server/src/lsp/transport';
import type { ReportRef } from '../../server/src/core';
import { byPrefix, readCorpus } from './helpers';

const uri = 'file:///tmp/keystroke.txt';
const S000 = readCorpus(byPrefix('000'));
// Seed 000 with （七）总计's first cell changed from 1 to 2: a failed balance naming three other cells.
const unbalanced = S000.replace('(七)总计 | 1', '(七)总计 | 2');

function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  return { line, character: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1 };
}

/** The diagnostics of a fresh open of the store's current text, as published. */
function freshDiagnostics(text: string) {
  const s = new DocumentStore();
  return s.diagnostics(s.open(uri, 'disclosure-report', 1, text), {}, 'zh-CN')!;
}

test('related information moves with its report when lines are added before it', () => {
  const text = S000 + '\n\n' + unbalanced;
  const store = new DocumentStore();
  const d = store.open(uri, 'disclosure-report', 1, text);
  const before = store.diagnostics(d, {}, 'zh-CN')!;
  assert.ok(before.some((g) => g.code === 'table3.balance' && g.relatedInformation?.length === 3));
  // Two lines typed in the first report's 总体情况.
  const at = position(text, text.indexOf('一、总体情况') + 6);
  store.change(uri, 2, [{ range: { start: at, end: at }, text: '\n新的一行\n' }]);
  const after = store.diagnostics(d, {}, 'zh-CN')!;
  const now = d.analysis.text;
  assert.deepEqual(after, freshDiagnostics(now));
});

test('published JSON from cached fragments equals a plain serialisation after random edits', () => {
  let text = S000 + '\n\n' + unbalanced + '\n\n' + readCorpus(byPrefix('002'));
  const store = new DocumentStore();
  const d = store.open(uri, 'disclosure-report', 1, text);
  let seed = 12;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const inserts = ['2', '1', '\n', '', '新', '0\n', '\r\n', '三、'];
  for (let k = 0; k < 80; k++) {
    // Edits near digits and line starts, where findings and lines change most.
    const anchor = rand(3) === 0 ? text.indexOf('\n', rand(text.length)) + 1 : rand(text.length);
    const start = Math.min(anchor, text.length);
    const end = Math.min(text.length, start + rand(3));
    const insert = inserts[rand(inserts.length)]!;
    const range = { start: position(text, start), end: position(text, end) };
    store.change(uri, k + 2, [{ range, text: insert }]);
    text = text.slice(0, start) + insert + text.slice(end);
    assert.equal(d.analysis.text, text);
    const list = store.diagnostics(d, {}, 'zh-CN', () => false, true)!;
    const msg = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri, version: k, diagnostics: list },
    };
    const fresh = { ...msg, params: { ...msg.params, diagnostics: freshDiagnostics(text) } };
    assert.equal(toJsonBytes(msg).toString('utf8'), JSON.stringify(fresh), `after edit ${k}`);
    // A pulled report (textDocument/diagnostic's answer) is written from the same fragments.
    const pulled = { jsonrpc: '2.0', id: k, result: { kind: 'full', items: list } };
    const plain = { ...pulled, result: { ...pulled.result, items: fresh.params.diagnostics } };
    assert.equal(toJsonBytes(pulled).toString('utf8'), JSON.stringify(plain), `pulled after edit ${k}`);
  }
});

test('diagnostics kept across figure edits are published as they were, and as a fresh open publishes them', () => {
  // A figure typed into a table keeps the findings of the rules that read no figure of it (the same
  // objects): their diagnostics and JSON are kept too, until an edit moves lines.
  let text = unbalanced + '\n\n' + S000;
  const store = new DocumentStore();
  const d = store.open(uri, 'disclosure-report', 1, text);
  let list = store.diagnostics(d, {}, 'zh-CN', () => false, true)!;
  let kept = 0;
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  for (let k = 0; k < 60; k++) {
    const i = rand(2);
    const report = d.analysis.report(i)!;
    const cells = [report.tables.active, report.tables.applications, report.tables.review]
      .flatMap((t) => t?.rows.flatMap((r) => r.cells) ?? [])
      .filter((c) => c.kind === 'number');
    const cell = cells[rand(cells.length)]!;
    // Mostly a digit typed over a figure's last digit; now and then a line added in 总体情况.
    let start = cell.range.end - 1;
    let end = cell.range.end;
    let insert = String(1 + rand(8));
    if (k % 7 === 6) {
      start = end = text.indexOf('一、总体情况', report.range.start) + 6;
      insert = '\n';
    }
    store.change(uri, k + 2, [{ range: { start: position(text, start), end: position(text, end) }, text: insert }]);
    text = text.slice(0, start) + insert + text.slice(end);
    const next = store.diagnostics(d, {}, 'zh-CN', () => false, true)!;
    // The edited report's diagnostics that are the very objects published before.
    kept += next.filter((g) => list.includes(g) && d.analysis.indexAt(d.analysis.offsetAt(g.range.start)) === i).length;
    list = next;
    const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: list } };
    const fresh = { ...msg, params: { uri, diagnostics: freshDiagnostics(text) } };
    assert.equal(toJsonBytes(msg).toString('utf8'), JSON.stringify(fresh), `after edit ${k}`);
  }
  assert.ok(kept > 30, `${kept} diagnostics of the edited report kept`);
});

test('a finding its rule makes again as it was keeps its diagnostic and JSON', () => {
  // Table 三's totals are checked again after each figure typed into it; the findings of the columns
  // the figure is not in come back as they were, and their diagnostics are the ones published.
  let text = S000.replace('(七)总计 | 1 | 0 | 0 |', '(七)总计 | 3 | 0 | 2 |');
  const store = new DocumentStore();
  const d = store.open(uri, 'disclosure-report', 1, text);
  let list = store.diagnostics(d, {}, 'zh-CN', () => false, true)!;
  const row = text.indexOf('一、本年新收政府信息公开申请数量 | 1 | 0 |');
  const at = text.indexOf('| 0 |', row) + 2; // 法人或其他组织's first column
  let same = 0;
  for (let k = 0; k < 6; k++) {
    const insert = k % 2 ? '0' : '4';
    store.change(uri, k + 2, [{ range: { start: position(text, at), end: position(text, at + 1) }, text: insert }]);
    text = text.slice(0, at) + insert + text.slice(at + 1);
    const next = store.diagnostics(d, {}, 'zh-CN', () => false, true)!;
    // (A report's diagnostics are kept from its second build on: from the second edit.)
    for (const g of k ? next : []) {
      const was = list.find((x) => x.code === g.code && x.message === g.message);
      if (was) assert.equal(g, was, `${g.message}: published as it was`);
      if (was) same++;
    }
    list = next;
    const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: list } };
    const fresh = { ...msg, params: { uri, diagnostics: freshDiagnostics(text) } };
    assert.equal(toJsonBytes(msg).toString('utf8'), JSON.stringify(fresh), `after edit ${k}`);
  }
  assert.ok(same >= 12, `${same} kept`);
});

test('the stdio writer sends each message in one write, in order, readable by the library', async () => {
  const { Writable, PassThrough } = await import('node:stream');
  const { StreamMessageReader } = await import('vscode-languageserver/node');
  const writes: Buffer[] = [];
  const copy = new PassThrough();
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      writes.push(chunk);
      copy.write(chunk);
      done();
    },
  });
  const writer = new StdioMessageWriter(out);
  const list = freshDiagnostics(unbalanced);
  const messages = [
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: 2, diagnostics: list } },
    { jsonrpc: '2.0', id: 7, result: { label: '中文 and ascii', n: 1 } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '（七）总计 ✓' } },
  ];
  const read: unknown[] = [];
  const all = new Promise<void>((resolve) => {
    new StreamMessageReader(copy).listen((m) => {
      read.push(m);
      if (read.length === messages.length) resolve();
    });
  });
  await Promise.all(messages.map((m) => writer.write(m as never)));
  await all;
  assert.equal(writes.length, messages.length, 'one write per message');
  assert.deepEqual(read, JSON.parse(JSON.stringify(messages)));
  for (const [k, w] of writes.entries()) {
    const body = Buffer.from(JSON.stringify(messages[k]), 'utf8');
    assert.equal(w.toString('utf8'), `Content-Length: ${body.byteLength}\r\n\r\n${body.toString('utf8')}`);
  }
  // A failed write is reported to the connection and rejects.
  const broken = new StdioMessageWriter(
    new Writable({
      write(_c, _e, done) {
        done(new Error('pipe closed'));
      },
    }),
  );
  const errors: string[] = [];
  broken.onError(([e]) => errors.push(e.message));
  await assert.rejects(broken.write(messages[1] as never), /pipe closed/);
  assert.ok(errors.includes('pipe closed'));
});

test(
  'a keystroke during a long request on a 5 MB document is published before the request ends',
  { timeout: 180_000 },
  async () => {
    const { PassThrough } = await import('node:stream');
    const { createConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver/node');
    const p = await import('vscode-languageserver-protocol/node');
    const { startServer } = await import('../../server/src/lsp/server');
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server);
    const client = p.createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const events: string[] = [];
    const waiters = new Map<number, () => void>();
    client.onNotification(p.PublishDiagnosticsNotification.type, (x) => {
      events.push(`publish ${x.version}`);
      waiters.get(x.version ?? -1)?.();
    });
    client.listen();
    try {
      await client.sendRequest(p.InitializeRequest.type, {
        processId: null,
        rootUri: null,
        capabilities: {},
        workspaceFolders: null,
      });
      await client.sendNotification(p.InitializedNotification.type, {});
      const one = readCorpus(byPrefix('003'));
      const text = Array.from({ length: Math.ceil(5_000_000 / Buffer.byteLength(one)) }, () => one).join('\n');
      const opened = new Promise<void>((r) => waiters.set(1, r));
      await client.sendNotification(p.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'disclosure-report', version: 1, text },
      });
      await opened;
      const cell = position(text, text.indexOf('\n60435') + 2);
      const td = { textDocument: { uri } };
      const all = { start: { line: 0, character: 0 }, end: { line: 10_000_000, character: 0 } };
      // The long requests (folding ranges are no longer one: each report keeps them packed, and the
      // answer is sent in one step, before the keystroke is read).
      const requests: [string, unknown][] = [
        ['textDocument/documentSymbol', td],
        ['textDocument/formatting', { ...td, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/codeAction', { ...td, range: all, context: { diagnostics: [], only: ['source.fixAll'] } }],
        ['disclosureReport/tables', { uri }],
        ['disclosureReport/export', { uri, format: 'csv' }],
        ['disclosureReport/preview', { uri, nonce: 'abc', cspSource: 'vscode-resource:' }],
      ];
      let version = 1;
      for (const [method, params] of requests) {
        version++;
        events.length = 0;
        const published = new Promise<void>((r) => waiters.set(version, r));
        const answered = client.sendRequest(method, params).then(
          () => events.push(`answer ${method}`),
          () => events.push(`answer ${method}`),
        );
        await client.sendNotification(p.DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '2' }],
        });
        await Promise.all([published, answered]);
        assert.deepEqual(events, [`publish ${version}`, `answer ${method}`], method);
        // back to the original digit, published before the next request
        version++;
        const back = new Promise<void>((r) => waiters.set(version, r));
        await client.sendNotification(p.DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: cell, end: { ...cell, character: cell.character + 1 } }, text: '0' }],
        });
        await back;
      }
    } finally {
      client.dispose();
      server.dispose();
      up.destroy();
      down.destroy();
    }
  },
);

test('an edit normalises its own lines only: the analysis text and pinyin equal a fresh read', async () => {
  const { DocumentAnalysis } = await import('../../server/src/core/document/analysis');
  const { analysisText } = await import('../../server/src/core/text/normalize');
  // Traditional text with pinyin annotations, lone CRs and CRLFs.
  const S003 = readCorpus(byPrefix('003'));
  let text = S003 + '\n' + S003.replace(/\n/g, '\r\n').replace('二、', '\r二、');
  const a = new DocumentAnalysis(text);
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const inserts = ['2', '\r', '\n', '\r\n', '', '(hào)', '號(hào)', '號', '发', '資料', '\n(bào)'];
  for (let k = 0; k < 150; k++) {
    const near = text.indexOf(['(', '\r', '\n', '報'][rand(4)]!, rand(text.length));
    const start = near >= 0 ? Math.max(0, near - rand(3)) : rand(text.length);
    const end = Math.min(text.length, start + rand(4));
    const insert = inserts[rand(inserts.length)]!;
    a.edit(start, end, insert);
    text = text.slice(0, start) + insert + text.slice(end);
    const fresh = analysisText(text);
    for (let i = 0; i < a.pieceCount; i++) {
      const p = a.piece(i);
      const what = `edit ${k} (${JSON.stringify(insert)} at ${start}-${end}), piece ${i}`;
      assert.equal(p.atext, fresh.text.slice(p.start, p.start + p.source.length), what);
      const inside = fresh.pinyin.filter((x) => x.start >= p.start && x.end <= p.start + p.source.length);
      assert.deepEqual(
        p.pinyin.map((x) => [x.start + p.start, x.end + p.start]),
        inside.map((x) => [x.start, x.end]),
        what,
      );
    }
  }
});

test('a piece that let go of its analysis text once checked derives the same text again, before and after edits', async () => {
  const { DocumentAnalysis } = await import('../../server/src/core/document/analysis');
  const { analysisText } = await import('../../server/src/core/text/normalize');
  // Six reports (more than the pieces that keep theirs): Traditional, pinyin, lone CRs, CRLFs.
  const S003 = readCorpus(byPrefix('003'));
  const one = S003 + '\n' + S003.replace(/\n/g, '\r\n').replace('二、', '\r二、');
  let text = [one, one, one].join('\n');
  const a = new DocumentAnalysis(text);
  assert.ok(a.pieceCount >= 6, `${a.pieceCount} pieces`);
  const compare = (what: string) => {
    const fresh = analysisText(text).text;
    for (let i = 0; i < a.pieceCount; i++) {
      const p = a.piece(i);
      assert.equal(p.atext, fresh.slice(p.start, p.start + p.source.length), `${what}, piece ${i}`);
    }
  };
  a.allFindings();
  compare('after the first check');
  compare('asked again');
  // Edits in the first pieces, whose texts have been let go and derived again since.
  for (const [k, needle] of ['號', '(hào)', '\r二、'].entries()) {
    const at = text.indexOf(needle, k * 10);
    a.edit(at, at + 1, '发');
    text = text.slice(0, at) + '发' + text.slice(at + 1);
    compare(`after edit ${k}`);
    a.allFindings();
  }
  const b = new DocumentAnalysis(text);
  assert.deepEqual(JSON.parse(JSON.stringify(a.allFindings())), JSON.parse(JSON.stringify(b.allFindings())));
  assert.deepEqual(JSON.parse(JSON.stringify(a.model())), JSON.parse(JSON.stringify(b.model())));
});

test('another open document’s reports for the cross-year check: an edit reads only its own report again, and they equal a fresh read’s', () => {
  const seeds = ['000', '001', '002', '003', '004'].map((s) => readCorpus(byPrefix(s)));
  let text = seeds.join('\n\n');
  const store = new DocumentStore();
  const big = 'file:///tmp/compilation.txt';
  const d = store.open(big, 'disclosure-report', 1, text);
  store.diagnostics(d, {}, 'zh-CN');
  assert.equal(d.analysis.count, seeds.length);
  const before = store.refsBeside(uri);
  assert.equal(before.length, seeds.length);
  // A figure typed in the third report's table 三 (a tab layout): 结转下年度继续办理 0 → 90.
  const third = seeds[0]!.length + seeds[1]!.length + 4;
  const at = text.indexOf('四、结转下年度继续办理\t\t', third) + '四、结转下年度继续办理\t\t'.length;
  assert.ok(at > third && at < third + seeds[2]!.length);
  store.change(big, 2, [{ range: { start: position(text, at), end: position(text, at) }, text: '9' }]);
  text = text.slice(0, at) + '9' + text.slice(at);
  const after = store.refsBeside(uri);
  // Every other report's record is the one already made: not read again.
  after.forEach((r, i) =>
    i === 2 ? assert.notEqual(r.report, before[i]!.report) : assert.equal(r.report, before[i]!.report),
  );
  // And every record reads as a fresh open's of the edited text (ranges aside: the pieces' own).
  const fresh = new DocumentStore();
  fresh.open(big, 'disclosure-report', 1, text);
  const plain = (refs: ReportRef[]) =>
    JSON.stringify(refs, (k, v) =>
      v instanceof Uint32Array ? [...v] : /range$|Range$|^start$|^end$/.test(k) && k !== '' ? undefined : v,
    );
  assert.equal(plain(after), plain(fresh.refsBeside(uri)));
  assert.match(plain(after), /"value":90/);
});
