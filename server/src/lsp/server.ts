/**
 * The language server: the LSP adapter over the pure core. `startServer(connection)` wires every
 * handler onto a connection and listens; main.ts gives it stdio or node-ipc, the tests an in-memory
 * pair of streams.
 *
 * - Incremental text sync; each document's analysis is updated edit by edit and shared by every feature.
 * - Diagnostics are pulled where the client supports it (textDocument/diagnostic), published with
 *   the document version otherwise.
 * - Settings `disclosureReport.*` are read through workspace/configuration when the client has it,
 *   with defaults otherwise; messages follow the client's locale (zh-CN by default).
 * - The custom requests (tables, preview, export, skeleton) are typed in shared/protocol.ts.
 * - A failing handler answers with an error; it never takes the server down.
 */
import {
  CodeActionKind,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../../../shared/protocol';
import { localize, toLocale, type CheckOptions, type Locale, type ReportRef } from '../core';
import { DEFAULT_SETTINGS, readSettings, templateYearNow, type Settings } from './settings';
import { analysed, DocumentStore, type OpenDoc } from './documents';
import * as h from './handlers';
import * as check from './params';
import { registerRequests } from './requests';
import { WorkspaceIndex } from './workspace';
import { Baselines } from './baselines';
import { DISMISS_COMMAND, type DismissArgs } from '../../../shared/protocol';
import { filePathOf } from './paths';

const cancelledError = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
const errorText = (e: unknown) => (e as Error)?.stack ?? String(e);

/** Wires the language server onto a connection and starts listening on it. `fragments`: the
 *  connection's writer writes diagnostics from their cached JSON (transport.ts; main.ts over stdio). */
export function startServer(connection: Connection, { fragments = false }: { fragments?: boolean } = {}): void {
  const log = (m: string) => connection.console.error(m);
  const store = new DocumentStore(log);
  // Walked in the background; when what it knows changes, every document's diagnostics are redone.
  const workspace = new WorkspaceIndex(() => changedEverything());

  let settings: Settings = DEFAULT_SETTINGS;
  let clientLocale: Locale = 'zh-CN';
  let pull = false;
  let hasConfiguration = false;
  let canRegisterConfiguration = false;
  let hasRefresh = false;
  let hasWorkspaceFolders = false;
  /** Set by `initialize`: before it, requests are answered ServerNotInitialized, notifications dropped. */
  let initialized = false;
  /** Set by `shutdown`: after it, requests are answered InvalidRequest. */
  let shutDown = false;

  /** Resolves once the client's settings have been read (diagnostics wait for it, so that the first
   *  ones already follow the user's settings). */
  let isReady = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r)).then(() => void (isReady = true));

  const locale = (): Locale => (settings.locale ? settings.locale : clientLocale);

  function others(uri: string): ReportRef[] {
    const refs: ReportRef[] = [];
    const path = filePathOf(uri) ?? undefined;
    try {
      for (const r of workspace.refs(path)) refs.push(r);
    } catch {
      // an unreadable workspace only loses the cross-year check
    }
    for (const r of store.refsBeside(uri)) refs.push(r);
    return refs;
  }

  // Dismissed findings (the baseline nearest each report); a change of one redoes every document.
  const baselines = new Baselines(
    (text) => tell(MessageType.Warning, text),
    (m) => localize(m, locale()),
  );

  /** A message for the user (`window/showMessage`: nothing to answer, so nothing left pending). */
  function tell(type: MessageType, message: string): void {
    connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
  }

  const checkOptions = (uri: string): CheckOptions => ({
    narrativeChecks: settings.narrativeChecks,
    severity: settings.severity,
    others: () => others(uri),
    dismissed: baselines.dismissedFor(uri),
  });

  /**
   * Every request handler: answers ServerNotInitialized before `initialize`, RequestCancelled for a
   * request cancelled before it starts, and an error (never a crash, never silence) when it fails:
   * InvalidParams from the param checks, the handler's own ResponseError, else InternalError.
   */
  function guard<P, R>(name: string, f: (p: P, token: CancellationToken) => R | Promise<R>) {
    return async (p: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      if (!initialized) {
        return new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
      }
      if (shutDown) return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`);
      if (token?.isCancellationRequested) return cancelledError();
      try {
        return await f(p, token);
      } catch (e) {
        if (e instanceof ResponseError) return e as ResponseError<void>;
        log(`${name}: ${errorText(e)}`);
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
        log(`${name}: ${errorText(e)}`);
      }
    };
  }

  /**
   * The step of a long request on document d (see handlers.ts): throws RequestCancelled once the
   * request is cancelled and ContentModified once the document changed or closed; every ~10 ms of
   * work it yields to the event loop, so that a cancellation or an edit can arrive.
   */
  function stepper(token: CancellationToken, d: OpenDoc): h.Step {
    const version = d.version;
    const analysis = d.analysis;
    let last = Date.now();
    return async () => {
      if (token.isCancellationRequested) throw cancelledError();
      if (Date.now() - last < 10) return;
      await new Promise<void>((r) => setImmediate(r));
      last = Date.now();
      if (token.isCancellationRequested) throw cancelledError();
      if (store.get(d.uri) !== d || d.version !== version || d.analysis !== analysis) {
        // The edit's diagnostics go out first: a long request never holds a keystroke back.
        publishNow(d.uri);
        throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed');
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown };
    clientLocale = toLocale(params.locale ?? init.locale);
    pull = !!params.capabilities.textDocument?.diagnostic;
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    // Registered only where the client can take it (eglot, Neovim 0.7 cannot: they would warn).
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    hasWorkspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
    if (init.settings) settings = readSettings(init.settings);
    const folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
    workspace.setFolders(folderUris);
    baselines.setFolders(folderUris.length ? folderUris : params.rootUri ? [params.rootUri] : []);
    const folders = { workspaceFolders: { supported: true, changeNotifications: true } };
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
        ...(baselines.supported ? { executeCommandProvider: { commands: [DISMISS_COMMAND] } } : {}),
        ...(hasWorkspaceFolders ? { workspace: folders } : {}),
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
          baselines.setFolders((fs ?? []).map((f) => f.uri));
          changedEverything();
        });
      });
    if (hasConfiguration && canRegisterConfiguration) {
      const section = { section: 'disclosureReport' };
      void connection.client.register(DidChangeConfigurationNotification.type, section).catch(() => undefined);
    }
    void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      settings = readSettings(await connection.workspace.getConfiguration('disclosureReport'));
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

  connection.onDidChangeWatchedFiles((p) => {
    const changes = Array.isArray(p?.changes) ? p.changes : [];
    if (baselines.changed(changes)) changedEverything();
    workspace.changed(changes);
  });

  // 标记为已审核 (the quick fix's command): written to the baseline, then every document redone.
  connection.onExecuteCommand(
    guard('workspace/executeCommand', (p: { command?: unknown; arguments?: unknown[] }) => {
      const a = p?.arguments?.[0] as Partial<DismissArgs> | undefined;
      if (p?.command !== DISMISS_COMMAND || !a || typeof a.uri !== 'string' || typeof a.fingerprint !== 'string')
        throw new ResponseError(ErrorCodes.InvalidParams, `workspace/executeCommand: unknown command or arguments`);
      const r = baselines.dismiss({
        uri: a.uri,
        fingerprint: a.fingerprint,
        code: String(a.code ?? ''),
        message: String(a.message ?? ''),
      });
      if (!r.ok) {
        tell(MessageType.Error, r.text);
        return null;
      }
      changedEverything();
      return null;
    }),
  );

  connection.onDidChangeConfiguration((p) => {
    if (hasConfiguration) void refreshSettings();
    else {
      settings = readSettings((p.settings as { disclosureReport?: unknown } | undefined)?.disclosureReport);
      changedEverything();
    }
  });

  // -------------------------------------------------------------------------------------------
  // Documents

  const pending = new Map<string, NodeJS.Immediate>();

  /** Sends diagnostics; a connection closed meanwhile (a publish scheduled by a background walk)
   *  has no one to tell, not even the log. */
  function send(p: PublishDiagnosticsParams): void {
    try {
      connection.sendDiagnostics(p).catch(() => undefined);
    } catch {
      // disposed
    }
  }

  function publish(d: OpenDoc): void {
    const uri = d.uri;
    if (!store.get(uri)) return;
    const diagnostics = analysed(d, settings)
      ? (store.diagnostics(d, checkOptions(uri), locale(), undefined, fragments) ?? [])
      : [];
    send({ uri, version: d.version, diagnostics });
  }

  /** Publishes a scheduled publish of uri at once (once the settings are read). */
  function publishNow(uri: string): void {
    const t = pending.get(uri);
    const d = store.get(uri);
    if (!t || !d || !isReady) return;
    clearImmediate(t);
    pending.delete(uri);
    try {
      publish(d);
    } catch (e) {
      log(`diagnostics: ${String(e)}`);
    }
  }

  function schedulePublish(d: OpenDoc): void {
    if (pull) return;
    const uri = d.uri;
    const t = pending.get(uri);
    if (t) clearImmediate(t);
    const later = () =>
      void ready.then(() => {
        pending.delete(uri);
        try {
          publish(store.get(uri) ?? d);
        } catch (e) {
          log(`diagnostics: ${String(e)}`);
        }
      });
    pending.set(uri, setImmediate(later));
  }

  type TextDocumentItem = { uri?: unknown; languageId?: unknown; version?: unknown; text?: unknown };

  connection.onDidOpenTextDocument(
    listen('didOpen', (p) => {
      const td = (p as { textDocument?: TextDocumentItem } | undefined)?.textDocument;
      if (!td || typeof td.uri !== 'string' || typeof td.text !== 'string') {
        return log('didOpen refused: textDocument.uri and textDocument.text must be strings');
      }
      const languageId = typeof td.languageId === 'string' ? td.languageId : 'plaintext';
      schedulePublish(store.open(td.uri, languageId, typeof td.version === 'number' ? td.version : 0, td.text));
    }),
  );

  connection.onDidChangeTextDocument(
    listen('didChange', (p) => {
      const td = (p as { textDocument?: TextDocumentItem } | undefined)?.textDocument;
      const changes = (p as { contentChanges?: unknown } | undefined)?.contentChanges;
      if (!td || typeof td.uri !== 'string' || !Array.isArray(changes)) {
        return log('didChange refused: textDocument.uri must be a string and contentChanges an array');
      }
      // The store never drops the text: a change it cannot apply to the analysis it applies to the
      // plain text (and logs); a malformed change is refused and logged.
      const d = store.change(td.uri, typeof td.version === 'number' ? td.version : 0, changes);
      if (d) schedulePublish(d);
    }),
  );

  connection.onDidCloseTextDocument(
    listen('didClose', (p) => {
      const uri = (p as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
      if (typeof uri !== 'string') return log('didClose refused: textDocument.uri must be a string');
      store.close(uri);
      if (!pull) send({ uri, diagnostics: [] });
    }),
  );

  connection.languages.diagnostics.on(async (p, token) => {
    const no = { retriggerRequest: false };
    if (!initialized) {
      return new ResponseError(ErrorCodes.ServerNotInitialized, 'diagnostic: the server is not initialized', no);
    }
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
      const stop = () => token.isCancellationRequested;
      const items = store.diagnostics(d, checkOptions(d.uri), locale(), stop, fragments);
      if (!items) return cancelled();
      return { kind: DocumentDiagnosticReportKind.Full, items };
    } catch (e) {
      log(`diagnostics: ${errorText(e)}`);
      return new ResponseError(ErrorCodes.InternalError, `diagnostics failed: ${(e as Error).message}`, no);
    }
  });

  registerRequests({
    connection,
    guard,
    document: (uri) => {
      const d = store.get(uri);
      return d && analysed(d, settings) ? d : undefined;
    },
    openDocument: (uri) => {
      const d = store.get(uri);
      if (!d) throw new Error(`document not open: ${uri}`);
      return d;
    },
    steps: (g, token, d) => h.runAsync(g, stepper(token, d)),
    checkOptions,
    canDismiss: (uri) => baselines.canDismiss(uri),
    locale,
    layout: () => settings.formatLayout,
    year: () => templateYearNow(settings),
  });

  connection.listen();
}
