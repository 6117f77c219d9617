/**
 * The requests that answer about one document: the editor features (completion, code actions,
 * outline, folding, hover, inlay hints, formatting) and the custom requests of shared/protocol.ts
 * (tables, preview, export, skeleton, render). server.ts owns the connection's state and gives each
 * request what it needs through a Context.
 */
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver/node';
import {
  ExportRequest,
  PreviewRequest,
  RenderRequest,
  SkeletonRequest,
  StatusRequest,
  TablesRequest,
  type Request,
} from '../../../shared/protocol';
import type { CheckOptions, Locale } from '../core';
import type { OpenDoc } from './documents';
import * as h from './handlers';
import * as check from './params';
import { render, renderParams } from './render';
import type { Settings } from './settings';

export interface Context {
  connection: Connection;
  /** Wraps a handler: not initialized, shut down, cancelled, failures (server.ts). */
  guard<P, R>(
    name: string,
    f: (p: P, token: CancellationToken) => R | Promise<R>,
  ): (p: P, token: CancellationToken) => Promise<R | ResponseError<void>>;
  /** The open document, if it is analysed (a report, or detection off). */
  document(uri: string): OpenDoc | undefined;
  /** The open document, analysed or not; throws if it is not open. */
  openDocument(uri: string): OpenDoc;
  /** Runs a long feature step by step, cancellable, stopped when d changes. */
  steps<T>(g: h.Steps<T>, token: CancellationToken, d: OpenDoc): Promise<T>;
  checkOptions(uri: string): CheckOptions;
  /** Whether a document's findings can be marked as reviewed (baselines.ts). */
  canDismiss(uri: string): boolean;
  locale(): Locale;
  layout(): Settings['formatLayout'];
  /** The year a report skeleton is written for (the setting, or `auto` by the clock). */
  year(): number;
}

const field = (p: unknown, name: string) => (p as Record<string, unknown>)[name];

export function registerRequests(c: Context): void {
  const { connection, steps, checkOptions, canDismiss, locale } = c;

  /** A feature handler: params checked, then the document if it is open and analysed, else the empty answer. */
  function onDoc<R, A>(
    method: string,
    empty: R,
    read: (p: unknown) => A,
    f: (d: OpenDoc, a: A, token: CancellationToken) => R | Promise<R>,
  ) {
    return c.guard(method, (p: unknown, token) => {
      const uri = check.textDocumentUri(method, p);
      const a = read(p);
      const d = c.document(uri);
      return d ? f(d, a, token) : empty;
    });
  }

  const pos = (m: string) => (p: unknown) => ({ position: check.position(m, field(p, 'position'), 'params.position') });
  const range = (m: string) => (p: unknown) => ({ range: check.range(m, field(p, 'range'), 'params.range') });
  const none = () => undefined;

  const completion = 'textDocument/completion';
  connection.onCompletion(
    onDoc(completion, [], pos(completion), (d, a) => h.completion(d, a.position, locale(), c.year())),
  );
  const codeAction = 'textDocument/codeAction';
  const readCodeAction = (p: unknown) => ({
    range: check.range(codeAction, field(p, 'range'), 'params.range'),
    context: check.codeActionContext(codeAction, field(p, 'context')),
  });
  connection.onCodeAction(
    onDoc(codeAction, [], readCodeAction, (d, a, token) =>
      steps(
        h.codeActionSteps(d, { textDocument: { uri: d.uri }, ...a }, checkOptions(d.uri), locale(), canDismiss(d.uri)),
        token,
        d,
      ),
    ),
  );
  const symbol = 'textDocument/documentSymbol';
  connection.onDocumentSymbol(onDoc(symbol, [], none, (d, _a, t) => steps(h.symbolSteps(d), t, d)));
  const folding = 'textDocument/foldingRange';
  connection.onFoldingRanges(onDoc(folding, [], none, (d, _a, t) => steps(h.foldingSteps(d), t, d)));
  const hover = 'textDocument/hover';
  connection.onHover(onDoc(hover, null, pos(hover), (d, a) => h.hoverAt(d, a.position, locale())));
  const inlay = 'textDocument/inlayHint';
  connection.languages.inlayHint.on(
    onDoc(inlay, [], range(inlay), (d, a, t) => steps(h.inlaySteps(d, a.range, checkOptions(d.uri)), t, d)),
  );
  const formatting = 'textDocument/formatting';
  const readOptions = (p: unknown) => check.object(formatting, field(p, 'options'), 'params.options');
  connection.onDocumentFormatting(
    onDoc(formatting, [], readOptions, (d, _a, t) => steps(h.formatSteps(d, c.layout()), t, d)),
  );

  /** A custom request, its handler typed by the protocol's result; `name` is used in errors. */
  function onCustom<P, R>(r: Request<P, R>, name: string, f: (p: unknown, token: CancellationToken) => R | Promise<R>) {
    connection.onRequest(r.method, c.guard(name, f));
  }

  onCustom(TablesRequest, 'tables', async (p, token) => {
    const d = c.openDocument(check.documentParams(TablesRequest.method, p).uri);
    return { reports: await steps(h.tableSteps(d), token, d) };
  });

  onCustom(PreviewRequest, 'preview', (p, token) => {
    const { uri, nonce, cspSource } = check.previewParams(PreviewRequest.method, p);
    const d = c.openDocument(uri);
    return steps(h.previewSteps(d, { nonce, cspSource }, checkOptions(d.uri), locale()), token, d);
  });

  onCustom(ExportRequest, 'export', (p, token) => {
    const { uri, format } = check.exportParams(ExportRequest.method, p);
    const d = c.openDocument(uri);
    return steps(h.exportSteps(d, format), token, d);
  });

  onCustom(SkeletonRequest, 'skeleton', (p) => {
    const { format } = check.skeletonParams(SkeletonRequest.method, p);
    const layout = c.layout();
    return h.skeleton(format, layout === 'markdown' ? 'markdown' : layout, c.year());
  });

  onCustom(StatusRequest, 'status', (p) => {
    const d = c.document(check.documentParams(StatusRequest.method, p).uri);
    if (!d) return { report: false, formats: [], reports: 0 };
    const formats = new Set<string>();
    for (let i = 0; i < Math.min(d.analysis.count, 8); i++) {
      const f = d.analysis.formatOf(i);
      if (f) formats.add(f);
    }
    return { report: true, formats: [...formats].sort().reverse(), reports: d.analysis.count };
  });

  onCustom(RenderRequest, 'render', (p) => render(renderParams(RenderRequest.method, p), locale()));
}
