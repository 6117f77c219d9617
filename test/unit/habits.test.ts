// One problem, one finding (issue 10, item 8): a habit of the whole report — blank cells, pinyin left
// by a converter — is one finding per report, with its count, the range on the first occurrence and
// the other occurrences as related information (the list capped, the rest counted); and one wrong cell
// gets one quick fix however many rules flag it. Every report here is built from the template
// (features/render.ts), with figures and words of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';
import { parse } from '../../server/src/core/parse';
import { analysisText } from '../../server/src/core/text/normalize';
import { checkDocument } from '../../server/src/core/rules/check';
import type { Finding } from '../../server/src/core/rules/findings';
import { localize } from '../../server/src/core/i18n';
import { applySorted, checkPiece, fixAll, fixesFor } from '../../server/src/core/features/fixes';
import { renderApplications, renderSkeleton, type Values } from '../../server/src/core/features/render';

const row = (first: number, total = first) => [String(first), '0', '0', '0', '0', '0', String(total)];

/** 一 3, granted 2, （七） 2, 四 1: every rule holds. */
const BALANCED: Values = { newReceived: row(3), granted: row(2), totalProcessed: row(2), carriedForward: row(1) };

/** A 2021 report of our own in pipe rows, table 三 filled with `values`, `overview` under （一）. */
function build(values: Values = BALANCED, overview = ''): string {
  const skeleton = renderSkeleton('2021', 'pipe', '某某县档案局', 2023);
  let t = skeleton.replace(renderApplications('2021', {}, 'pipe'), renderApplications('2021', values, 'pipe'));
  t = t.replace('五、存在的主要问题及改进情况\n', '五、存在的主要问题及改进情况\n培训次数偏少，明年按季度组织。\n');
  return t.replace('（一）主动公开\n', `（一）主动公开\n${overview}`);
}

function findings(text: string): Finding[] {
  return checkDocument(analysisText(text).text, text, parse(text));
}

const of = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);
const at = (text: string, s: string, from = 0) => {
  const i = text.indexOf(s, from);
  assert.ok(i >= 0, `no ${JSON.stringify(s)}`);
  return { start: i, end: i + s.length };
};

test('the clean build has neither a blank cell nor pinyin', () => {
  const fs = findings(build());
  assert.deepEqual(of(fs, 'table.cell-blank'), []);
  assert.deepEqual(of(fs, 'text.pinyin-annotation'), []);
});

// ---- pinyin ------------------------------------------------------------------------------------

const PINYIN = '本年度檔(dàng)案查閱(yuè)服務(wù)正常。\n另有說(shuō)明。\n';

test('pinyin: one finding per report, its count, the first annotation, the others related', () => {
  const text = build(BALANCED, PINYIN);
  const got = of(findings(text), 'text.pinyin-annotation');
  assert.equal(got.length, 1, JSON.stringify(got.map((f) => localize(f.message))));
  const f = got[0]!;
  assert.deepEqual(f.range, at(text, '(dàng)'));
  assert.equal(localize(f.message), '转换残留的拼音注音（如“檔(dàng)”），本报告共4处');
  assert.equal(localize(f.message, 'en'), 'Pinyin left by a converter (e.g. “檔(dàng)”), 4 in this report');
  assert.deepEqual(
    f.related!.map((r) => [r.range, localize(r.message)]),
    [
      [at(text, '(yuè)'), '拼音注音“閱(yuè)”'],
      [at(text, '(wù)'), '拼音注音“務(wù)”'],
      [at(text, '(shuō)'), '拼音注音“說(shuō)”'],
    ],
  );
});

test('pinyin: one fix removes every annotation of the report, and fix-all does the same', () => {
  const text = build(BALANCED, PINYIN);
  const { report, findings: all, pinyin } = checkPiece(text);
  const target = of(all!, 'text.pinyin-annotation');
  const fixes = fixesFor(text, report!, all!, pinyin, target);
  assert.equal(fixes.length, 1);
  assert.equal(localize(fixes[0]!.title), '删除全部4处拼音注音');
  assert.equal(localize(fixes[0]!.title, 'en'), 'Remove all 4 pinyin annotations');
  const removed = ['(dàng)', '(yuè)', '(wù)', '(shuō)'].map((s) => ({ ...at(text, s), newText: '' }));
  assert.deepEqual(
    fixes[0]!.edits.slice().sort((a, b) => a.start - b.start),
    removed,
  );
  const fixed = applySorted(text, fixes[0]!.edits);
  assert.equal(fixed, build(BALANCED, '本年度檔案查閱服務正常。\n另有說明。\n'));
  assert.deepEqual(applySorted(text, fixAll(text, report!, all!, pinyin)!), fixed);
});

test('pinyin: one annotation is one finding with no related list, its fix titled for one', () => {
  const text = build(BALANCED, '檔(dàng)案\n');
  const got = of(findings(text), 'text.pinyin-annotation');
  assert.equal(got.length, 1);
  assert.deepEqual(got[0]!.range, at(text, '(dàng)'));
  assert.equal(got[0]!.related, undefined);
  const { report, findings: all, pinyin } = checkPiece(text);
  const fixes = fixesFor(text, report!, all!, pinyin, of(all!, 'text.pinyin-annotation'));
  assert.deepEqual(
    fixes.map((x) => [localize(x.title), x.edits]),
    [['删除拼音注音', [{ ...at(text, '(dàng)'), newText: '' }]]],
  );
});

test('pinyin: the related list is capped at 20 and the last entry says how many more', () => {
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) lines.push(`第${i}號(hào)文件`);
  const text = build(BALANCED, lines.join('\n') + '\n');
  const [f, ...rest] = of(findings(text), 'text.pinyin-annotation');
  assert.equal(rest.length, 0);
  assert.equal(f!.message.args!.count, 30);
  assert.equal(f!.related!.length, 20);
  let from = at(text, '(hào)').end;
  for (const r of f!.related!) {
    const next = at(text, '(hào)', from);
    assert.deepEqual(r.range, next);
    from = next.end;
  }
  assert.equal(localize(f!.related![18]!.message), '拼音注音“號(hào)”');
  assert.equal(localize(f!.related![19]!.message), '拼音注音“號(hào)”；另有9处未列出');
  assert.equal(localize(f!.related![19]!.message, 'en'), 'Pinyin “號(hào)”; 9 more not listed');
});

// ---- blank cells -------------------------------------------------------------------------------

test('blank cells: one finding per report, the count, the first row, the other rows related, no fix', () => {
  let text = build();
  text = text.replace('行政强制 | 0 |', '行政强制 |  |');
  text = text.replace('（一）予以公开 | 2 | 0 | 0 |', '（一）予以公开 | 2 |  |  |');
  text = text.replace('2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '2.重复申请 | 0 | 0 | 0 | 0 | 0 |  | 0 |');
  const got = of(findings(text), 'table.cell-blank');
  assert.equal(got.length, 1, JSON.stringify(got.map((f) => localize(f.message))));
  const f = got[0]!;
  assert.deepEqual(f.range, at(text, '行政强制'));
  assert.equal(
    localize(f.message),
    '4个单元格为空，分布在3行：空白不等于0，没有数据应填0（首处“行政强制”的本年处理决定数量）',
  );
  assert.equal(
    localize(f.message, 'en'),
    'Blank cells: 4, in 3 rows. Blank is not 0: write 0 where there is nothing' +
      ' (first “行政强制”: 本年处理决定数量)',
  );
  assert.deepEqual(
    f.related!.map((r) => [r.range, localize(r.message)]),
    [
      [at(text, '（一）予以公开'), '“(一)予以公开”的商业企业、科研机构为空'],
      [at(text, '2.重复申请'), '“2.重复申请”的其他为空'],
    ],
  );
  const { report, findings: all, pinyin } = checkPiece(text);
  assert.deepEqual(fixesFor(text, report!, all!, pinyin, of(all!, 'table.cell-blank')), []);
});

test('blank cells in one row: the count and the row, no related list', () => {
  const text = build().replace('行政强制 | 0 |', '行政强制 |  |');
  const got = of(findings(text), 'table.cell-blank');
  assert.equal(got.length, 1);
  assert.deepEqual(got[0]!.range, at(text, '行政强制'));
  assert.equal(localize(got[0]!.message), '1个单元格为空：空白不等于0，没有数据应填0（“行政强制”的本年处理决定数量）');
  assert.equal(got[0]!.related, undefined);
});

// ---- one wrong cell, one quick fix ------------------------------------------------------------

/** （七）总计's 总计 is 3 where its row, its column and the balance all say 2. */
const WRONG_TOTAL = build({ ...BALANCED, totalProcessed: row(2, 3) });

test('one wrong cell flagged by three rules gets one quick fix, under the title that names the cell', () => {
  const text = WRONG_TOTAL;
  const { report, findings: all, pinyin } = checkPiece(text);
  const cell = report!.tables.applications!.rows.find((r) => r.key === 'totalProcessed')!.cells[6]!.range;
  const targets = all!.filter((f) => f.range.start === cell.start);
  assert.deepEqual(targets.map((f) => f.code).sort(), ['table3.balance', 'table3.outcome-total', 'table3.row-total']);
  const fixes = fixesFor(text, report!, all!, pinyin, targets);
  assert.deepEqual(
    fixes.map((x) => [localize(x.title), x.edits]),
    [['将“(七)总计”改为 2', [{ ...cell, newText: '2' }]]],
  );
});

test(
  'in process: one quick fix naming the cell’s three diagnostics; the pinyin is one diagnostic with related places',
  { timeout: 20_000 },
  async () => {
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server);
    const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    client.listen();
    try {
      const capabilities = { textDocument: { diagnostic: { dynamicRegistration: false } } };
      await client.sendRequest(InitializeRequest.type, {
        processId: null,
        rootUri: null,
        capabilities,
        workspaceFolders: null,
      });
      await client.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///tmp/habits-wrong-total.txt';
      const textDocument = { uri, languageId: 'plaintext', version: 1, text: WRONG_TOTAL };
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
      const pulled = (await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as {
        items: Diagnostic[];
      };
      const onCell = pulled.items.filter((d) => String(d.code).startsWith('table3.'));
      assert.equal(onCell.length, 3);
      const actions = (await client.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: onCell[0]!.range,
        context: { diagnostics: onCell, only: ['quickfix'] },
      })) as CodeAction[];
      // (and 标记为已审核 for each of the three, commands after the fix)
      assert.deepEqual(
        actions
          .filter((a) => !a.command)
          .map((a) => [a.title, a.diagnostics?.length, a.edit?.changes?.[uri]?.map((e) => e.newText)]),
        [['将“(七)总计”改为 2', 3, ['2']]],
      );
      assert.deepEqual(
        actions.filter((a) => a.command?.command === 'disclosureReport.dismiss').map((a) => a.title),
        onCell.map((d) => `标记为已审核：${String(d.code)}（此处文字改动前不再提示）`),
      );

      // The Problems panel: the pinyin is one diagnostic, its other places related, in the same file.
      const other = 'file:///tmp/habits-pinyin.txt';
      const text = build(BALANCED, PINYIN);
      const doc = { uri: other, languageId: 'plaintext', version: 1, text };
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: doc });
      const items = (
        (await client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: other } })) as {
          items: Diagnostic[];
        }
      ).items.filter((d) => d.code === 'text.pinyin-annotation');
      const line = text.slice(0, text.indexOf('(yuè)')).split('\n').length - 1;
      const lineStart = text.lastIndexOf('\n', text.indexOf('(yuè)')) + 1;
      const col = (s: string) => text.indexOf(s) - lineStart;
      assert.deepEqual(
        items.map((d) => [d.message, d.relatedInformation?.map((r) => [r.location.uri, r.message])]),
        [
          [
            '转换残留的拼音注音（如“檔(dàng)”），本报告共4处',
            [
              [other, '拼音注音“閱(yuè)”'],
              [other, '拼音注音“務(wù)”'],
              [other, '拼音注音“說(shuō)”'],
            ],
          ],
        ],
      );
      assert.deepEqual(items[0]!.relatedInformation![0]!.location.range, {
        start: { line, character: col('(yuè)') },
        end: { line, character: col('(yuè)') + 5 },
      });
    } finally {
      client.dispose();
      server.dispose();
      up.destroy();
      down.destroy();
    }
  },
);

test('fix-all: the one pinyin fix spans the report, and the numbering fix between its edits is applied too', () => {
  let text = build(BALANCED, '檔(dàng)案\n');
  text = text
    .replace('（三）政府信息管理\n', '三、政府信息管理\n')
    .replace('（五）监督保障\n', '（五）监督保障\n說(shuō)明\n');
  const { report, findings: all, pinyin } = checkPiece(text);
  assert.deepEqual(
    all!
      .map((f) => f.code)
      .filter((c) => c !== 'report.title-missing')
      .sort(),
    ['section.numbering', 'text.pinyin-annotation'],
  );
  const fixed = applySorted(text, fixAll(text, report!, all!, pinyin)!);
  let clean = build(BALANCED, '檔案\n');
  clean = clean.replace('（五）监督保障\n', '（五）监督保障\n說明\n');
  assert.equal(fixed, clean);
});
