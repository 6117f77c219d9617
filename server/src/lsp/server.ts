/**
 * The language server: the LSP adapter over the pure core.
 *
 * - Incremental text sync; each document's analysis is updated edit by edit (core/analysis.ts) and
 *   shared by every feature.
 * - Diagnostics are pulled where the client supports it (textDocument/diagnostic), published with
 *   the document version otherwise.
 * - Settings `disclosureReport.*` are read through workspace/configuration when the client has it,
 *   with defaults otherwise; messages follow the client's locale (zh-CN by default).
 * - `disclosureReport/tables` returns the normalized reports of a document.
 * - A failing handler answers with an error; it never takes the server down.
 */
import {
  createConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  CodeActionKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { CheckOptions } from '../core/rules/check';
import { toLocale, type Locale } from '../core/i18n';
import type { ReportRef } from '../core/rules/rule';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { analysed, DocumentStore, type OpenDoc } from './documents';
import { codeActionSteps, completion, exportSteps, FIX_ALL_KIND, foldingSteps, format, hoverAt, inlaySteps, previewSteps, runAsync, skeleton, symbolSteps, tableSteps, type Step } from './handlers';
import * as check from './params';
import { WorkspaceIndex } from './workspace';
import { fileURLToPath } from 'node:url';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore((m) => connection.console.error(m));
// Walked in the background; when what it knows changes, every document's diagnostics are redone.
const workspace = new WorkspaceIndex(() => changedEverything());

let settings: Settings = DEFAULT_SETTINGS;
let clientLocale: Locale = 'zh-CN';
let pull = false;
let hasConfiguration = false;
let hasRefresh = false;
let hasWorkspaceFolders = false;

/** Resolves once the client's settings have been read (diagnostics wait for it, so that the first
 *  ones already follow the user's settings). */
let markReady: () => void = () => undefined;
const ready = new Promise<void>((r) => (markReady = r));

const locale = (): Locale => (settings.locale ? settings.locale : clientLocale);

/** Reports of the open documents, per document version (for the cross-year check). */
const openRefs = new Map<string, { version: number; refs: ReportRef[] }>();

function others(uri: string): ReportRef[] {
  const refs: ReportRef[] = [];
  let path: string | undefined;
  try {
    path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    path = undefined;
  }
  try {
    for (const r of workspace.refs(path)) refs.push(r);
  } catch {
    // an unreadable workspace only loses the cross-year check
  }
  for (const [u, d] of store.docs) {
    if (u === uri) continue;
    let cached = openRefs.get(u);
    if (!cached || cached.version !== d.version) {
      cached = { version: d.version, refs: d.analysis.model().reports.map((report) => ({ source: u, organ: report.organ, year: report.year, report })) };
      openRefs.set(u, cached);
    }
    for (const r of cached.refs) refs.push(r);
  }
  return refs;
}

function checkOptions(uri: string): CheckOptions {
  return { narrativeChecks: settings.narrativeChecks, severity: settings.severity, others: () => others(uri) };
}

/** Set by `initialize`: before it, requests are answered ServerNotInitialized and notifications dropped. */
let initialized = false;
/** Set by `shutdown`: after it, requests are answered InvalidRequest. */
let shutDown = false;

const cancelledError = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');

/**
 * Every request handler: answers ServerNotInitialized before `initialize`, RequestCancelled for a
 * request cancelled before it starts, and an error (never a crash, never silence) when it fails:
 * InvalidParams from the param checks, the handler's own ResponseError, else InternalError.
 */
function guard<P, R>(name: string, f: (p: P, token: CancellationToken) => R | Promise<R>) {
  return async (p: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
    if (!initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
    if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`);
    if (token?.isCancellationRequested) return cancelledError();
    try {
      return await f(p, token);
    } catch (e) {
      if (e instanceof ResponseError) return e as ResponseError<void>;
      connection.console.error(`${name}: ${(e as Error)?.stack ?? String(e)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}

/** Notification handlers: dropped before `initialize`, and a failure is logged, never thrown. */
function listen<P>(name: string, f: (p: P) => void) {
  return (p: P): void => {
    if (!initialized) return;
    try {
      f(p);
    } catch (e) {
      connection.console.error(`${name}: ${(e as Error)?.stack ?? String(e)}`);
    }
  };
}

/**
 * The step of a long request on document d (see features.ts): throws RequestCancelled once the
 * request is cancelled and ContentModified once the document changed or closed; every ~10 ms of
 * work it yields to the event loop, so that a cancellation or an edit can arrive.
 */
function stepper(token: CancellationToken, d: OpenDoc): Step {
  const version = d.version;
  const analysis = d.analysis;
  let last = Date.now();
  return async () => {
    if (token.isCancellationRequested) throw cancelledError();
    if (Date.now() - last < 10) return;
    await new Promise<void>((r) => setImmediate(r));
    last = Date.now();
    if (token.isCancellationRequested) throw cancelledError();
    if (store.get(d.uri) !== d || d.version !== version || d.analysis !== analysis) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initialized = true;
  clientLocale = toLocale(params.locale ?? (params.initializationOptions as { locale?: string } | undefined)?.locale);
  pull = !!params.capabilities.textDocument?.diagnostic;
  hasConfiguration = !!params.capabilities.workspace?.configuration;
  hasRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
  hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
  const init = (params.initializationOptions ?? {}) as { settings?: unknown };
  if (init.settings) settings = readSettings(init.settings);
  workspace.setFolders((params.workspaceFolders ?? []).map((f) => f.uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: true,
      documentFormattingProvider: true,
      ...(hasWorkspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'disclosure-report', version: '0.1.0' },
  };
});

connection.onShutdown(() => {
  shutDown = true;
});

connection.onInitialized(() => {
  if (!hasConfiguration) markReady();
  if (hasWorkspaceFolders)
    connection.workspace.onDidChangeWorkspaceFolders(() => {
      void connection.workspace.getWorkspaceFolders().then((fs) => {
        workspace.setFolders((fs ?? []).map((f) => f.uri));
        changedEverything();
      });
    });
  if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'disclosureReport' }).catch(() => undefined);
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!hasConfiguration) return;
  try {
    const raw = await connection.workspace.getConfiguration('disclosureReport');
    settings = readSettings(raw);
  } catch {
    settings = DEFAULT_SETTINGS;
  }
  markReady();
  changedEverything();
}

function changedEverything(): void {
  store.invalidate();
  if (pull) {
    if (hasRefresh) void connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  } else for (const d of store.docs.values()) schedulePublish(d);
}

connection.onDidChangeWatchedFiles((p) => workspace.changed(Array.isArray(p?.changes) ? p.changes : []));

connection.onDidChangeConfiguration((p) => {
  if (hasConfiguration) void refreshSettings();
  else {
    const s = (p.settings as { disclosureReport?: unknown } | undefined)?.disclosureReport;
    settings = readSettings(s);
    changedEverything();
  }
});


// ---------------------------------------------------------------------------------------------
// Documents

const pending = new Map<string, NodeJS.Immediate>();

function publish(d: OpenDoc): void {
  const uri = d.uri;
  if (!store.get(uri)) return;
  const diagnostics = analysed(d, settings) ? (store.diagnostics(d, checkOptions(uri), locale()) ?? []) : [];
  void connection.sendDiagnostics({ uri, version: d.version, diagnostics });
}

function schedulePublish(d: OpenDoc): void {
  if (pull) return;
  const uri = d.uri;
  const t = pending.get(uri);
  if (t) clearImmediate(t);
  pending.set(
    uri,
    setImmediate(() => {
      void ready.then(() => {
        pending.delete(uri);
        try {
          publish(store.get(uri) ?? d);
        } catch (e) {
          connection.console.error(`diagnostics: ${String(e)}`);
        }
      });
    }),
  );
}

connection.onDidOpenTextDocument(
  listen('didOpen', (p) => {
    const td = (p as { textDocument?: { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown } } | undefined)?.textDocument;
    if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') return connection.console.error('didOpen refused: textDocument.uri and textDocument.text must be strings');
    const d = store.open(td.uri, typeof td.languageId === 'string' ? td.languageId : 'plaintext', typeof td.version === 'number' ? td.version : 0, td.text);
    schedulePublish(d);
  }),
);

connection.onDidChangeTextDocument(
  listen('didChange', (p) => {
    const td = (p as { textDocument?: { uri?: unknown; version?: unknown } } | undefined)?.textDocument;
    const changes = (p as { contentChanges?: unknown } | undefined)?.contentChanges;
    if (!td || typeof td.uri !== 'string' || !Array.isArray(changes)) return connection.console.error('didChange refused: textDocument.uri must be a string and contentChanges an array');
    // The store never drops the text: a change it cannot apply to the analysis it applies to the
    // plain text (and logs); a malformed change is refused and logged.
    const d = store.change(td.uri, typeof td.version === 'number' ? td.version : 0, changes);
    if (d) schedulePublish(d);
  }),
);

connection.onDidCloseTextDocument(
  listen('didClose', (p) => {
    const uri = (p as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    if (typeof uri !== 'string') return connection.console.error('didClose refused: textDocument.uri must be a string');
    store.close(uri);
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }),
);

connection.languages.diagnostics.on(async (p, token) => {
  const no = { retriggerRequest: false };
  if (!initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, 'diagnostic: the server is not initialized', no);
  if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'diagnostic: the server is shutting down', no);
  let uri: string;
  try {
    uri = check.textDocumentUri('textDocument/diagnostic', p);
  } catch (e) {
    return new ResponseError((e as ResponseError<void>).code ?? ErrorCodes.InvalidParams, (e as Error).message, no);
  }
  await ready;
  const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
  try {
    const d = store.get(uri);
    if (!d || !analysed(d, settings)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (token.isCancellationRequested) return cancelled();
    const items = store.diagnostics(d, checkOptions(d.uri), locale(), () => token.isCancellationRequested);
    if (!items) return cancelled();
    return { kind: DocumentDiagnosticReportKind.Full, items };
  } catch (e) {
    connection.console.error(`diagnostics: ${(e as Error).stack ?? String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, `diagnostics failed: ${(e as Error).message}`, { retriggerRequest: false });
  }
});

connection.onRequest(
  'disclosureReport/tables',
  guard('tables', async (p: unknown, token) => {
    const uri = check.string('disclosureReport/tables', check.object('disclosureReport/tables', p).uri, 'params.uri');
    const d = store.get(uri);
    if (!d) throw new Error(`document not open: ${uri}`);
    return { reports: await runAsync(tableSteps(d), stepper(token, d)) };
  }),
);

/** A feature handler: params checked, then the document if it is open and analysed, else the empty answer. */
function onDoc<R, A>(method: string, empty: R, read: (p: unknown) => A, f: (d: OpenDoc, a: A, token: CancellationToken) => R | Promise<R>) {
  return guard(method, (p: unknown, token) => {
    const uri = check.textDocumentUri(method, p);
    const a = read(p);
    const d = store.get(uri);
    return d && analysed(d, settings) ? f(d, a, token) : empty;
  });
}

const pos = (method: string) => (p: unknown) => ({ position: check.position(method, (p as { position?: unknown }).position, 'params.position') });
const rangeOf = (method: string) => (p: unknown) => ({ range: check.range(method, (p as { range?: unknown }).range, 'params.range') });

connection.onCompletion(onDoc('textDocument/completion', [], pos('textDocument/completion'), (d, a) => completion(d, a.position, locale())));
connection.onCodeAction(
  onDoc(
    'textDocument/codeAction',
    [],
    (p) => ({ range: check.range('textDocument/codeAction', (p as { range?: unknown }).range, 'params.range'), context: check.codeActionContext('textDocument/codeAction', (p as { context?: unknown }).context) }),
    (d, a, token) => runAsync(codeActionSteps(d, { textDocument: { uri: d.uri }, ...a }, checkOptions(d.uri), locale()), stepper(token, d)),
  ),
);
connection.onDocumentSymbol(onDoc('textDocument/documentSymbol', [], () => undefined, (d, _a, token) => runAsync(symbolSteps(d), stepper(token, d))));
connection.onFoldingRanges(onDoc('textDocument/foldingRange', [], () => undefined, (d, _a, token) => runAsync(foldingSteps(d), stepper(token, d))));
connection.onHover(onDoc('textDocument/hover', null, pos('textDocument/hover'), (d, a) => hoverAt(d, a.position)));
connection.languages.inlayHint.on(onDoc('textDocument/inlayHint', [], rangeOf('textDocument/inlayHint'), (d, a, token) => runAsync(inlaySteps(d, a.range, checkOptions(d.uri)), stepper(token, d))));
connection.onDocumentFormatting(
  onDoc(
    'textDocument/formatting',
    [],
    (p) => check.object('textDocument/formatting', (p as { options?: unknown }).options, 'params.options'),
    (d) => format(d, settings.formatLayout),
  ),
);

connection.onRequest(
  'disclosureReport/preview',
  guard('preview', (p: unknown, token) => {
    const m = 'disclosureReport/preview';
    const o = check.object(m, p);
    const uri = check.string(m, o.uri, 'params.uri');
    const nonce = check.nonce(m, o.nonce);
    const cspSource = check.cspSource(m, o.cspSource);
    const d = store.get(uri);
    if (!d) throw new Error(`document not open: ${uri}`);
    return runAsync(previewSteps(d, { nonce, cspSource }, checkOptions(d.uri), locale()), stepper(token, d));
  }),
);

connection.onRequest(
  'disclosureReport/export',
  guard('export', (p: unknown, token) => {
    const m = 'disclosureReport/export';
    const o = check.object(m, p);
    const uri = check.string(m, o.uri, 'params.uri');
    if (o.format !== 'json' && o.format !== 'csv' && o.format !== 'markdown') throw check.invalid(m, 'params.format must be json, csv or markdown');
    const d = store.get(uri);
    if (!d) throw new Error(`document not open: ${uri}`);
    return runAsync(exportSteps(d, o.format), stepper(token, d));
  }),
);

connection.onRequest(
  'disclosureReport/skeleton',
  guard('skeleton', (p: unknown) => {
    const m = 'disclosureReport/skeleton';
    const o = p === undefined || p === null ? {} : check.object(m, p);
    if (o.format !== undefined && o.format !== '2021' && o.format !== '2019') throw check.invalid(m, 'params.format must be "2021" or "2019"');
    return skeleton(o.format === '2019' ? '2019' : '2021', settings.formatLayout === 'markdown' ? 'markdown' : settings.formatLayout);
  }),
);

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
connection.listen();
