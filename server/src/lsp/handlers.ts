/**
 * The editor features over LSP: completion, code actions (quick fixes and fix-all), outline,
 * folding, hover, inlay hints, formatting, and the preview/export/skeleton requests. Each asks the
 * core's ReportDocument (document offsets), report by report, and converts positions at the end.
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
import {
  byEdit,
  canDismiss,
  localize,
  normalizeReport,
  previewFrame,
  previewReport,
  renderSkeleton,
  toCsv,
  toMarkdown,
  type CheckOptions,
  type Finding,
  type Fix,
  type Locale,
  type OutlineNode,
  type PreviewNote,
  type Report,
  type TextEdit as CoreEdit,
  type TextLayout,
} from '../core';
import type { OpenDoc } from './documents';
import { pageHtml, reportHtml } from './preview-html';

export { FIX_ALL_KIND } from '../../../shared/protocol';
import { DISMISS_COMMAND, FIX_ALL_KIND, type DismissArgs } from '../../../shared/protocol';

/**
 * The features that may take long on a large document are generators that yield between reports
 * (and in long loops): `run` drives one to its end at once; the server drives it with `runAsync`,
 * whose `step` throws when the request was cancelled or the document changed and now and then
 * yields to the event loop, so that a cancellation can arrive.
 */
export type Steps<T> = Generator<void, T, void>;
export type Step = () => Promise<void>;

export function run<T>(g: Steps<T>): T {
  let r = g.next();
  while (!r.done) r = g.next();
  return r.value;
}

export async function runAsync<T>(g: Steps<T>, step: Step): Promise<T> {
  await step();
  let r = g.next();
  while (!r.done) {
    await step();
    r = g.next();
  }
  return r.value;
}

function toLsp(d: OpenDoc, start: number, end: number): LspRange {
  return { start: d.analysis.positionAt(start), end: d.analysis.positionAt(Math.max(start, end)) };
}

function edits(d: OpenDoc, es: CoreEdit[]): TextEdit[] {
  return es.map((e) => TextEdit.replace(toLsp(d, e.start, e.end), e.newText));
}

/** The report slots of a document that hold a report; each report is read only when asked for (a
 *  piece that let its report go reads it again: the outline and folding ranges do not need it). */
function* reportSlots(d: OpenDoc) {
  for (let i = 0; i < d.analysis.count; i++) {
    if (!d.analysis.hasReport(i)) continue;
    yield {
      i,
      get report() {
        return d.analysis.report(i)!;
      },
    };
  }
}

const COMPLETION_KIND = {
  row: CompletionItemKind.Field,
  section: CompletionItemKind.Module,
  header: CompletionItemKind.Snippet,
  table: CompletionItemKind.Snippet,
  skeleton: CompletionItemKind.Snippet,
};

/** Completion; `year`: the year a report skeleton is written for (settings.ts templateYearNow). */
export function completion(
  d: OpenDoc,
  pos: { line: number; character: number },
  locale: Locale,
  year?: number,
): CompletionItem[] {
  const offset = d.analysis.offsetAt(pos);
  return d.analysis.complete(offset, year).map((c) => ({
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: localize(c.detail, locale),
    sortText: c.sortText,
    filterText: c.filterText,
    textEdit: TextEdit.replace(toLsp(d, c.replaceStart, offset), c.insertText),
  }));
}

const sameRange = (a: LspRange, b: LspRange) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/**
 * Code actions. Fix-all: the preferred fixes of every report, report by report. Quick fixes: only
 * for the diagnostics of the request's context, each matched to the server's finding by code and
 * range (and message, where several share both); fixes making the same edits are one action naming
 * each of their diagnostics.
 */
export const codeActions = (d: OpenDoc, params: CodeActionParams, opts: CheckOptions, locale: Locale): CodeAction[] =>
  run(codeActionSteps(d, params, opts, locale));

export function* codeActionSteps(
  d: OpenDoc,
  params: CodeActionParams,
  opts: CheckOptions,
  locale: Locale,
  dismissable = false,
): Steps<CodeAction[]> {
  const only = params.context.only;
  const wantsFixAll = !!only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll);
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const out: CodeAction[] = [];
  if (wantsFixAll) {
    const all: TextEdit[] = [];
    for (const { i } of reportSlots(d)) {
      yield;
      const es = d.analysis.fixAll(i, opts);
      if (es) for (const e of edits(d, es)) all.push(e);
    }
    if (all.length)
      out.push({
        title: localize({ id: 'action.fixAll' }, locale),
        kind: FIX_ALL_KIND,
        edit: { changes: { [d.uri]: all } },
      });
  }
  if (!wantsQuickFix) return out;
  // Findings of a piece by code and LSP range, computed once per piece the context touches.
  const byPiece = new Map<number, Map<string, Finding[]>>();
  const keyOf = (code: unknown, r: LspRange) =>
    `${String(code)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  const used = new Set<Finding>();
  const found: { fix: Fix; diag: Diagnostic }[] = [];
  const dismissals: CodeAction[] = [];
  for (const diag of params.context.diagnostics) {
    yield;
    if (diag.source !== undefined && diag.source !== 'disclosure-report') continue;
    const i = d.analysis.indexAt(d.analysis.offsetAt(diag.range.start));
    const findings = d.analysis.findings(i, opts);
    let index = byPiece.get(i);
    if (!index) {
      index = new Map();
      for (const f of findings) {
        const k = keyOf(f.code, toLsp(d, f.range.start, f.range.end));
        const list = index.get(k);
        if (list) list.push(f);
        else index.set(k, [f]);
      }
      byPiece.set(i, index);
    }
    const same = (index.get(keyOf(diag.code, diag.range)) ?? []).filter((f) => !used.has(f));
    const target = same.find((f) => localize(f.message, locale) === diag.message) ?? same[0];
    if (!target || !sameRange(toLsp(d, target.range.start, target.range.end), diag.range)) continue;
    used.add(target);
    for (const fix of d.analysis.quickFixes(i, target, opts)) found.push({ fix, diag });
    // 标记为已审核: after the fixes, never preferred; the server writes the baseline (baselines.ts).
    if (dismissable && canDismiss(target)) {
      const args: DismissArgs = {
        uri: d.uri,
        fingerprint: d.analysis.fingerprint(i, target),
        code: target.code,
        message: localize(target.message, locale),
      };
      const title = localize({ id: 'dismiss.action' }, locale);
      dismissals.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        command: { title, command: DISMISS_COMMAND, arguments: [args] },
      });
    }
  }
  // One wrong cell, one quick fix: fixes making the same edits (several rules on one cell) are one
  // action, under the clearest title, resolving each of their diagnostics.
  for (const g of byEdit(found, (x) => x.fix)) {
    const fix = g[0]!.fix;
    out.push({
      title: localize(fix.title, locale),
      kind: CodeActionKind.QuickFix,
      diagnostics: g.map((x) => x.diag),
      isPreferred: g.some((x) => x.fix.preferred),
      edit: { changes: { [d.uri]: edits(d, fix.edits) } },
    });
  }
  // Several in one menu: each names its code (else they would read alike).
  for (const a of dismissals) {
    if (dismissals.length > 1) {
      const code = (a.command!.arguments![0] as DismissArgs).code;
      a.title = a.command!.title = localize({ id: 'dismiss.action-code', args: { code } }, locale);
    }
    out.push(a);
  }
  return out;
}

const SYMBOL_KIND: Record<OutlineNode['kind'], SymbolKind> = {
  report: SymbolKind.File,
  section: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  group: SymbolKind.Enum,
  row: SymbolKind.Field,
};

export const symbols = (d: OpenDoc): DocumentSymbol[] => run(symbolSteps(d));

export function* symbolSteps(d: OpenDoc): Steps<DocumentSymbol[]> {
  const out: DocumentSymbol[] = [];
  for (const { i } of reportSlots(d)) {
    yield;
    const conv = (n: OutlineNode): DocumentSymbol => {
      const range = toLsp(d, n.range.start, n.range.end);
      let sel = toLsp(d, n.selectionRange.start, n.selectionRange.end);
      // The selection range must lie inside the range.
      if (n.selectionRange.start < n.range.start || n.selectionRange.end > n.range.end)
        sel = { start: range.start, end: range.start };
      return {
        name: n.name || '—',
        kind: SYMBOL_KIND[n.kind],
        range,
        selectionRange: sel,
        children: n.children.map(conv),
      };
    };
    const node = d.analysis.outline(i);
    if (node) out.push(conv(node));
  }
  return out;
}

export const folding = (d: OpenDoc): FoldingRange[] => run(foldingSteps(d));

export function* foldingSteps(d: OpenDoc): Steps<FoldingRange[]> {
  const out: FoldingRange[] = [];
  for (const { i } of reportSlots(d)) {
    yield;
    for (const r of d.analysis.folding(i)) {
      const a = d.analysis.positionAt(r.start).line;
      const b = d.analysis.positionAt(Math.max(r.start, r.end - 1)).line;
      if (b > a) out.push({ startLine: a, endLine: b });
    }
  }
  return out;
}

export function hoverAt(d: OpenDoc, pos: { line: number; character: number }, locale: Locale = 'zh-CN'): Hover | null {
  const h = d.analysis.hover(d.analysis.offsetAt(pos), locale);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toLsp(d, h.range.start, h.range.end) };
}

export const inlays = (d: OpenDoc, range: LspRange, opts: CheckOptions): InlayHint[] => run(inlaySteps(d, range, opts));

export function* inlaySteps(d: OpenDoc, range: LspRange, opts: CheckOptions): Steps<InlayHint[]> {
  const from = d.analysis.offsetAt(range.start);
  const to = d.analysis.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (let i = d.analysis.indexAt(from); i < d.analysis.count; i++) {
    yield;
    if (d.analysis.startOf(i) > to) break;
    for (const h of d.analysis.inlayHints(i, from, to, opts)) {
      out.push({
        position: d.analysis.positionAt(h.offset),
        label: h.label,
        kind: h.kind === 'column' ? InlayHintKind.Parameter : InlayHintKind.Type,
        paddingRight: h.kind === 'column',
        paddingLeft: h.kind === 'expected',
      });
    }
  }
  return out;
}

/** Format Document: verified table layouts only; `tell` gets why tables were left alone (shown
 *  when nothing could be formatted, logged otherwise). */
export const format = (
  d: OpenDoc,
  layout: 'pipe' | 'tab' | 'markdown',
  locale: Locale = 'zh-CN',
  tell?: (message: string, shown: boolean) => void,
): TextEdit[] => run(formatSteps(d, layout, locale, tell));

export function* formatSteps(
  d: OpenDoc,
  layout: 'pipe' | 'tab' | 'markdown',
  locale: Locale = 'zh-CN',
  tell?: (message: string, shown: boolean) => void,
): Steps<TextEdit[]> {
  const out: TextEdit[] = [];
  const why: string[] = [];
  for (const { i } of reportSlots(d)) {
    yield;
    const r = d.analysis.format(i, layout);
    for (const e of edits(d, r.edits)) out.push(e);
    for (const x of r.refusals) why.push(localize(x.message, locale));
  }
  if (why.length && tell) tell([...new Set(why)].join('\n'), !out.length);
  return out;
}

export const preview = (
  d: OpenDoc,
  o: { nonce: string; cspSource: string },
  opts: CheckOptions,
  locale: Locale,
): string => run(previewSteps(d, o, opts, locale));

export function* previewSteps(
  d: OpenDoc,
  o: { nonce: string; cspSource: string },
  opts: CheckOptions,
  locale: Locale,
): Steps<string> {
  // Report by report (findings cached by the analysis), so that an edit or a cancellation can come
  // between: the page is drawn a report at a time, never in one block over the whole document.
  const sections: string[] = [];
  const loose: PreviewNote[] = [];
  const { notesHeading } = previewFrame(locale, []);
  let title: string | null = null;
  for (const { i, report } of reportSlots(d)) {
    yield;
    const p = previewReport(report, sections.length, d.analysis.findings(i, opts), locale);
    if (!sections.length) title = report.title;
    sections.push(reportHtml(p.report, notesHeading));
    for (const n of p.loose) loose.push(n);
  }
  yield;
  return pageHtml(sections, previewFrame(locale, loose), { ...o, title: title ?? d.uri });
}

/** The normalized reports of a document (the `disclosureReport/tables` answer), report by report. */
export function* tableSteps(d: OpenDoc): Steps<ReturnType<typeof normalizeReport>[]> {
  const out: ReturnType<typeof normalizeReport>[] = [];
  for (const { report } of reportSlots(d)) {
    yield;
    out.push(normalizeReport(report, (o) => d.analysis.positionAt(o).line));
  }
  return out;
}

export const exportTables = (d: OpenDoc, format: 'json' | 'csv' | 'markdown'): string => run(exportSteps(d, format));

export function* exportSteps(d: OpenDoc, format: 'json' | 'csv' | 'markdown'): Steps<string> {
  if (format === 'json') return JSON.stringify({ reports: yield* tableSteps(d) }, null, 2) + '\n';
  const reports: Report[] = [];
  for (const { report } of reportSlots(d)) {
    yield;
    reports.push(report);
  }
  const items = reports.map((report) => ({ path: fileNameOf(d.uri), report }));
  return format === 'csv' ? toCsv(items) : toMarkdown(items);
}

/** The name a user knows a document by: the last part of its URI, decoded (never `file:///…%E5…`). */
export function fileNameOf(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = last.slice(last.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function skeleton(format: '2021' | '2019', layout: TextLayout, year?: number): string {
  return renderSkeleton(format, layout, undefined, year);
}
