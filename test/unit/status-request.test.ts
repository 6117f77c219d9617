// disclosureReport/status (the editor's status item): whether the server analyses a document and in
// which format, without computing findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import { StatusRequest, type StatusResult } from '../../shared/protocol';
import { byPrefix, readCorpus } from './helpers';

const NOTICE = [
  '关于做好2024年度政府信息公开工作年度报告编制工作的通知',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
].join('\n');

test('status: a report is analysed with its format, a notice is not, our own language always is', async () => {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.listen();
  try {
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
    await client.sendNotification(InitializedNotification.type, {});
    const docs = [
      ['file:///a/report.txt', 'plaintext', readCorpus(byPrefix('002'))],
      ['file:///a/notice.txt', 'plaintext', NOTICE],
      ['file:///a/empty.gkbg', 'disclosure-report', ''],
    ] as const;
    for (const [uri, languageId, text] of docs) {
      await client.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: 1, text },
      });
    }
    const status = (uri: string) => client.sendRequest(StatusRequest.method, { uri }) as Promise<StatusResult>;
    const report = await status(docs[0][0]);
    assert.equal(report.report, true);
    assert.deepEqual(report.formats, ['2021']);
    assert.equal(report.reports, 1);
    assert.deepEqual(await status(docs[1][0]), { report: false, formats: [], reports: 0 });
    assert.equal((await status(docs[2][0])).report, true);
    assert.deepEqual(await status('file:///a/not-open.txt'), { report: false, formats: [], reports: 0 });
  } finally {
    client.dispose();
    up.end();
    down.end();
  }
});
