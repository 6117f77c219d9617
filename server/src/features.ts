/**
 * The editor features over LSP: completion, code actions (quick fixes and fix-all), outline,
 * folding, hover, inlay hints, formatting, and the preview/export/skeleton requests. Each works on
 * the piece (report) concerned, in its local offsets, and converts positions at the end.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  InlayHintKind,
  MarkupKind,
  SymbolKind,
  TextEdit,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import type { CheckOptions } from './core/check';
import { complete } from './core/features/completion';
import { fixAll, fixesFor } from './core/features/fixes';
import { formatText, type TextEdit as CoreEdit } from './core/features/format';
import { foldingRanges, hover, inlayHints, outline, type OutlineNode } from './core/features/navigation';
import { previewHtml } from './core/features/preview';
import { renderSkeleton, type TextLayout } from './core/features/render';
import { localize, type Locale } from './core/i18n';
import { normalizeReport, toCsv, toMarkdown } from './core/normalized';
import type { OpenDoc } from './store';

export const FIX_ALL_KIND = 'source.fixAll.disclosureReport';

function toLsp(d: OpenDoc, i: number, start: number, end: number): LspRange {
  return { start: d.analysis.localPosition(i, start), end: d.analysis.localPosition(i, Math.max(start, end)) };
}

function edits(d: OpenDoc, i: number, es: CoreEdit[]): TextEdit[] {
  return es.map((e) => TextEdit.replace(toLsp(d, i, e.start, e.end), e.newText));
}

/** The pieces of a document that hold a report. */
function* reportPieces(d: OpenDoc) {
  for (let i = 0; i < d.analysis.pieceCount; i++) {
    const p = d.analysis.piece(i);
    if (p.report) yield { i, p, report: p.report };
  }
}

const COMPLETION_KIND = { row: CompletionItemKind.Field, section: CompletionItemKind.Module, header: CompletionItemKind.Snippet, table: CompletionItemKind.Snippet, skeleton: CompletionItemKind.Snippet };

export function completion(d: OpenDoc, pos: { line: number; character: number }, locale: Locale): CompletionItem[] {
  const offset = d.analysis.offsetAt(pos);
  const i = d.analysis.pieceIndexAt(offset);
  const p = d.analysis.piece(i);
  return complete(p.source, p.report, offset - p.start).map((c) => ({
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: localize(c.detail, locale),
    sortText: c.sortText,
    filterText: c.filterText,
    textEdit: TextEdit.replace(toLsp(d, i, c.replaceStart, offset - p.start), c.insertText),
  }));
}

export function codeActions(d: OpenDoc, params: CodeActionParams, opts: CheckOptions, locale: Locale): CodeAction[] {
  const only = params.context.only;
  const wantsFixAll = !!only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll);
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const out: CodeAction[] = [];
  if (wantsFixAll) {
    const all: TextEdit[] = [];
    for (const { i, p, report } of reportPieces(d)) {
      for (const e of edits(d, i, fixAll(p.source, report, d.analysis.localFindings(i, opts), p.pinyin, opts))) all.push(e);
    }
    if (all.length) out.push({ title: localize({ id: 'action.fixAll' }, locale), kind: FIX_ALL_KIND, edit: { changes: { [d.uri]: all } } });
  }
  if (!wantsQuickFix) return out;
  const from = d.analysis.offsetAt(params.range.start);
  const to = d.analysis.offsetAt(params.range.end);
  const i = d.analysis.pieceIndexAt(from);
  const p = d.analysis.piece(i);
  if (!p.report) return out;
  const findings = d.analysis.localFindings(i, opts);
  const lf = from - p.start;
  const lt = to - p.start;
  const targets = findings.filter((f) => f.range.start <= lt && lf <= f.range.end);
  const diagnostics = params.context.diagnostics;
  for (const fix of fixesFor(p.source, p.report, findings, p.pinyin, targets, opts)) {
    const range = toLsp(d, i, fix.finding.range.start, fix.finding.range.end);
    const diag = diagnostics.find((x: Diagnostic) => x.code === fix.finding.code && x.range.start.line === range.start.line && x.range.start.character === range.start.character);
    out.push({
      title: localize(fix.title, locale),
      kind: CodeActionKind.QuickFix,
      ...(diag ? { diagnostics: [diag] } : {}),
      isPreferred: fix.preferred,
      edit: { changes: { [d.uri]: edits(d, i, fix.edits) } },
    });
  }
  return out;
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = { report: SymbolKind.File, section: SymbolKind.Namespace, table: SymbolKind.Struct, group: SymbolKind.Enum, row: SymbolKind.Field };

export function symbols(d: OpenDoc): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const { i, report } of reportPieces(d)) {
    const conv = (n: OutlineNode): DocumentSymbol => {
      const range = toLsp(d, i, n.range.start, n.range.end);
      let sel = toLsp(d, i, n.selectionRange.start, n.selectionRange.end);
      // The selection range must lie inside the range.
      if (n.selectionRange.start < n.range.start || n.selectionRange.end > n.range.end) sel = { start: range.start, end: range.start };
      return { name: n.name || '—', kind: SYMBOL_KIND[n.kind], range, selectionRange: sel, children: n.children.map(conv) };
    };
    out.push(conv(outline(report)));
  }
  return out;
}

export function folding(d: OpenDoc): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const { i, report } of reportPieces(d)) {
    for (const r of foldingRanges(report)) {
      const a = d.analysis.localPosition(i, r.start).line;
      const b = d.analysis.localPosition(i, Math.max(r.start, r.end - 1)).line;
      if (b > a) out.push({ startLine: a, endLine: b });
    }
  }
  return out;
}

export function hoverAt(d: OpenDoc, pos: { line: number; character: number }): Hover | null {
  const offset = d.analysis.offsetAt(pos);
  const i = d.analysis.pieceIndexAt(offset);
  const p = d.analysis.piece(i);
  if (!p.report) return null;
  const h = hover(p.report, offset - p.start);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toLsp(d, i, h.range.start, h.range.end) };
}

export function inlays(d: OpenDoc, range: LspRange, opts: CheckOptions): InlayHint[] {
  const from = d.analysis.offsetAt(range.start);
  const to = d.analysis.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (let i = d.analysis.pieceIndexAt(from); i < d.analysis.pieceCount; i++) {
    const p = d.analysis.piece(i);
    if (p.start > to) break;
    if (!p.report) continue;
    for (const h of inlayHints(p.report, d.analysis.localFindings(i, opts), from - p.start, to - p.start)) {
      out.push({ position: d.analysis.localPosition(i, h.offset), label: h.label, kind: h.kind === 'column' ? InlayHintKind.Parameter : InlayHintKind.Type, paddingRight: h.kind === 'column', paddingLeft: h.kind === 'expected' });
    }
  }
  return out;
}

/** Format Document: verified table layouts only; `tell` gets why tables were left alone (shown
 *  when nothing could be formatted, logged otherwise). */
export function format(d: OpenDoc, layout: 'pipe' | 'tab' | 'markdown', locale: Locale = 'zh-CN', tell?: (message: string, shown: boolean) => void): TextEdit[] {
  const out: TextEdit[] = [];
  const why: string[] = [];
  const done = new Set<number>();
  for (const { i, p, report } of reportPieces(d)) {
    // formatText reads every report of its text: a document read whole is formatted once.
    if (done.has(p.start)) continue;
    done.add(p.start);
    const r = formatText(p.source, layout, { atext: p.atext, reports: [report] });
    for (const e of edits(d, i, r.edits)) out.push(e);
    for (const x of r.refusals) why.push(localize(x.message, locale));
  }
  if (why.length && tell) tell([...new Set(why)].join('\n'), !out.length);
  return out;
}

export function preview(d: OpenDoc, o: { nonce: string; cspSource: string }, opts: CheckOptions, locale: Locale): string {
  const m = d.analysis.model();
  return previewHtml(m.reports, d.analysis.allFindings(opts), { ...o, locale, title: m.reports[0]?.title ?? d.uri });
}

export function exportTables(d: OpenDoc, format: 'json' | 'csv' | 'markdown'): string {
  const reports = d.analysis.model().reports;
  if (format === 'json') return JSON.stringify({ reports: reports.map((r) => normalizeReport(r, (o) => d.analysis.positionAt(o).line)) }, null, 2) + '\n';
  const items = reports.map((report) => ({ path: d.uri, report }));
  return format === 'csv' ? toCsv(items) : toMarkdown(items);
}

export function skeleton(format: '2021' | '2019', layout: TextLayout): string {
  return renderSkeleton(format, layout);
}
