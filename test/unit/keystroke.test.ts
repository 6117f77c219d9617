// The keystroke path of the language server (issue 12): the diagnostics kept per report, and the
// JSON written from their cached fragments, equal a fresh open's after any sequence of edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentStore } from '../../server/src/lsp/documents';
import { toJsonBytes } from '../../server/src/lsp/transport';
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
  }
});
