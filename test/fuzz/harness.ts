/**
 * Drives every editor feature of the language server on one document, in process, as an editor
 * would (the LSP adapter functions behind the handlers), and checks what must hold for any input:
 * no exception, every answer within a bound, positions as LSP counts them, the incremental document
 * equal to a fresh open.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/core/document/analysis';
import { checkDocument } from '../../server/src/core/rules/check';
import { analysisText } from '../../server/src/core/text/normalize';
import { parse } from '../../server/src/core/parse';
import {
  codeActions,
  completion,
  exportTables,
  folding,
  format,
  hoverAt,
  inlays,
  preview,
  symbols,
  FIX_ALL_KIND,
} from '../../server/src/lsp/handlers';
import { DocumentStore } from '../../server/src/lsp/documents';

export interface Problem {
  what: string;
  detail: string;
}

/** Calls f and reports it when it throws or takes longer than boundMs. */
function timed<T>(what: string, boundMs: number, problems: Problem[], f: () => T): T | undefined {
  const t0 = performance.now();
  try {
    return f();
  } catch (e) {
    problems.push({ what, detail: `threw ${e instanceof Error ? e.stack : String(e)}` });
    return undefined;
  } finally {
    const ms = performance.now() - t0;
    if (ms > boundMs) problems.push({ what, detail: `took ${ms.toFixed(0)} ms (bound ${boundMs} ms)` });
  }
}

/** Every feature on `text`; returns what went wrong (empty when all is well). */
export function exerciseFeatures(text: string, boundMs = 2000): Problem[] {
  const problems: Problem[] = [];
  const store = new DocumentStore();
  const uri = 'file:///fuzz.txt';
  const d = timed('open', boundMs, problems, () => store.open(uri, 'disclosure-report', 1, text));
  if (!d) return problems;
  const lsp = TextDocument.create(uri, 'disclosure-report', 1, text);
  const lines = lsp.lineCount;
  const diags = timed('diagnostics', boundMs, problems, () => store.diagnostics(d, {}, 'zh-CN')) ?? [];
  for (const g of diags) {
    if (g.range.end.line >= lines || g.range.start.line > g.range.end.line) {
      problems.push({ what: 'diagnostics', detail: `range ${JSON.stringify(g.range)} outside ${lines} lines` });
      break;
    }
  }
  // Positions: the analysis counts lines exactly as LSP does (\r\n, \r, \n).
  const probes = [0, text.length, ...Array.from({ length: 24 }, (_, k) => Math.floor((text.length * k) / 24))];
  for (const o of probes) {
    const a = d.analysis.positionAt(o);
    const b = lsp.positionAt(o);
    if (a.line !== b.line || a.character !== b.character) {
      // Inside a CRLF pair LSP puts the offset at the line's end; compare the offsets back instead.
      if (!(text[o - 1] === '\r' && text[o] === '\n')) {
        problems.push({ what: 'positionAt', detail: `offset ${o}: ${JSON.stringify(a)} vs LSP ${JSON.stringify(b)}` });
        break;
      }
    }
    const back = d.analysis.offsetAt(b);
    if (back !== lsp.offsetAt(b)) {
      problems.push({ what: 'offsetAt', detail: `${JSON.stringify(b)}: ${back} vs LSP ${lsp.offsetAt(b)}` });
      break;
    }
  }
  const whole = { start: { line: 0, character: 0 }, end: lsp.positionAt(text.length) };
  timed('symbols', boundMs, problems, () => symbols(d));
  timed('folding', boundMs, problems, () => folding(d));
  timed('inlays', boundMs, problems, () => inlays(d, whole, {}));
  for (let k = 0; k < 6; k++) {
    const pos = lsp.positionAt(Math.floor((text.length * k) / 6));
    timed('hover', boundMs, problems, () => hoverAt(d, pos));
    timed('completion', boundMs, problems, () => completion(d, pos, 'zh-CN'));
    const range = { start: pos, end: lsp.positionAt(Math.min(text.length, lsp.offsetAt(pos) + 200)) };
    timed('codeActions', boundMs, problems, () =>
      codeActions(d, { textDocument: { uri }, range, context: { diagnostics: diags } }, {}, 'zh-CN'),
    );
  }
  timed('fixAll', boundMs, problems, () =>
    codeActions(
      d,
      { textDocument: { uri }, range: whole, context: { diagnostics: [], only: [FIX_ALL_KIND] } },
      {},
      'zh-CN',
    ),
  );
  for (const layout of ['pipe', 'tab', 'markdown'] as const) {
    const edits = timed(`format ${layout}`, boundMs, problems, () => format(d, layout)) ?? [];
    try {
      TextDocument.applyEdits(lsp, edits);
    } catch (e) {
      problems.push({ what: `format ${layout}`, detail: `edits cannot be applied: ${String(e)}` });
    }
  }
  timed('preview', boundMs, problems, () => preview(d, { nonce: 'n', cspSource: 'c' }, {}, 'zh-CN'));
  for (const f of ['json', 'csv', 'markdown'] as const)
    timed(`export ${f}`, boundMs, problems, () => exportTables(d, f));
  return problems;
}

/** A fresh read of text: its reports and findings, as JSON for comparison. */
export function freshJson(text: string): string {
  const m = parse(text);
  return JSON.stringify({ reports: m.reports, findings: checkDocument(analysisText(text).text, text, m) });
}

export function analysisJson(a: DocumentAnalysis): string {
  return JSON.stringify({ reports: a.model().reports, findings: a.allFindings() });
}
