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
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { CheckOptions } from './core/check';
import { toLocale, type Locale } from './core/i18n';
import { normalizeReport } from './core/normalized';
import type { ReportRef } from './core/rules/rule';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { analysed, DocumentStore, type OpenDoc } from './store';
import { codeActions, completion, exportTables, FIX_ALL_KIND, folding, format, hoverAt, inlays, preview, skeleton, symbols } from './features';
import { WorkspaceIndex } from './workspace';
import { fileURLToPath } from 'node:url';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
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

function guard<P, R>(name: string, f: (p: P, token?: { isCancellationRequested: boolean }) => R) {
  return (p: P, token?: { isCancellationRequested: boolean }): R | ResponseError<void> => {
    try {
      return f(p, token);
    } catch (e) {
      connection.console.error(`${name}: ${(e as Error).stack ?? String(e)}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error).message}`);
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
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

connection.onDidOpenTextDocument((p) => {
  try {
    const d = store.open(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
    schedulePublish(d);
  } catch (e) {
    connection.console.error(`open: ${String(e)}`);
  }
});

connection.onDidChangeTextDocument((p) => {
  try {
    const d = store.change(p.textDocument.uri, p.textDocument.version ?? 0, p.contentChanges);
    if (d) schedulePublish(d);
  } catch (e) {
    // A change we could not apply: start the document over from the client's next full sync.
    connection.console.error(`change: ${String(e)}`);
    store.close(p.textDocument.uri);
  }
});

connection.onDidCloseTextDocument((p) => {
  store.close(p.textDocument.uri);
  if (!pull) void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (p, token) => {
  await ready;
  const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: true });
  try {
    const d = store.get(p.textDocument.uri);
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
  guard('tables', (p: { uri?: unknown }) => {
    if (!p || typeof p.uri !== 'string') throw new Error('params.uri must be a string');
    const d = store.get(p.uri);
    if (!d) throw new Error(`document not open: ${p.uri}`);
    return { reports: d.analysis.model().reports.map((r) => normalizeReport(r, (o) => d.analysis.positionAt(o).line)) };
  }),
);

/** A feature handler: the document if it is open and analysed, else the empty answer. */
function onDoc<P extends { textDocument: { uri: string } }, R>(name: string, empty: R, f: (d: OpenDoc, p: P) => R) {
  return guard(name, (p: P) => {
    const d = store.get(p?.textDocument?.uri);
    return d && analysed(d, settings) ? f(d, p) : empty;
  });
}

connection.onCompletion(onDoc('completion', [], (d, p) => completion(d, p.position, locale())));
connection.onCodeAction(onDoc('codeAction', [], (d, p) => codeActions(d, p, checkOptions(d.uri), locale())));
connection.onDocumentSymbol(onDoc('documentSymbol', [], (d) => symbols(d)));
connection.onFoldingRanges(onDoc('foldingRange', [], (d) => folding(d)));
connection.onHover(onDoc('hover', null, (d, p) => hoverAt(d, p.position)));
connection.languages.inlayHint.on(onDoc('inlayHint', [], (d, p) => inlays(d, p.range, checkOptions(d.uri))));
connection.onDocumentFormatting(onDoc('formatting', [], (d) => format(d, settings.formatLayout, locale(), (m, shown) => (shown ? void connection.window.showInformationMessage(m) : connection.console.info(m)))));

connection.onRequest(
  'disclosureReport/preview',
  guard('preview', (p: { uri?: unknown; nonce?: unknown; cspSource?: unknown }) => {
    if (!p || typeof p.uri !== 'string' || typeof p.nonce !== 'string' || typeof p.cspSource !== 'string') throw new Error('params: { uri, nonce, cspSource } strings');
    const d = store.get(p.uri);
    if (!d) throw new Error(`document not open: ${p.uri}`);
    return preview(d, { nonce: p.nonce, cspSource: p.cspSource }, checkOptions(d.uri), locale());
  }),
);

connection.onRequest(
  'disclosureReport/export',
  guard('export', (p: { uri?: unknown; format?: unknown }) => {
    if (!p || typeof p.uri !== 'string' || (p.format !== 'json' && p.format !== 'csv' && p.format !== 'markdown')) throw new Error('params: { uri, format: json | csv | markdown }');
    const d = store.get(p.uri);
    if (!d) throw new Error(`document not open: ${p.uri}`);
    return exportTables(d, p.format);
  }),
);

connection.onRequest(
  'disclosureReport/skeleton',
  guard('skeleton', (p: { format?: unknown }) => skeleton(p?.format === '2019' ? '2019' : '2021', settings.formatLayout === 'markdown' ? 'markdown' : settings.formatLayout)),
);

process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? String(e)}`));
connection.listen();
