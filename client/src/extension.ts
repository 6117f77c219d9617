/**
 * The VS Code client, shared by the desktop and the web extension: the commands, the status item and
 * the preview panel. No analysis here: everything it shows comes from the server. How the server is
 * started is the entry's: node.ts (a Node process, dist/extension.js) or browser.ts (a Web Worker,
 * dist/web/extension.js); so nothing here imports node: modules or vscode-languageclient/node.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  ExportRequest,
  FIX_ALL_KIND,
  PREVIEW_EXPORT,
  PREVIEW_REVEAL,
  PreviewRequest,
  readPreviewMessage,
  RENDERING_SCHEME,
  RenderRequest,
  SkeletonRequest,
  type ExportFormat,
  type ParamsOf,
  type Request,
  type ResultOf,
} from '../../shared/protocol';
import { EMPTY_SELECTOR, SkeletonLens, startWhenNeeded } from './detect';
import { locale, resolvedSettings, t } from './l10n';
import { newReport as newReportCommand } from './new-report';
import { fileOf, isRendered, Renderings, RENDERING_VIEW_TYPE, RenderingEditor } from './rendering';
import { reportStatus, type ReportStatus } from './status';

let client: BaseLanguageClient | undefined;

/** A custom request to the server, typed by shared/protocol.ts. */
function send<T extends Request<unknown, unknown>>(
  c: BaseLanguageClient,
  r: T,
  params: ParamsOf<T>,
): Promise<ResultOf<T>> {
  return c.sendRequest(r.method, params) as Promise<ResultOf<T>>;
}
const previews = new Map<string, vscode.WebviewPanel>();

/** Files on disk, new buffers, and the web build's files: code-server's (vscode-remote) and vscode.dev's (vscode-vfs). */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];
const SELECTOR: vscode.DocumentSelector = [
  { language: 'disclosure-report' },
  ...SCHEMES.map((scheme) => ({ language: 'plaintext', scheme })),
  ...SCHEMES.map((scheme) => ({ language: 'markdown', scheme })),
  // web pages: analysed only when the server finds a report in them (detection "auto")
  ...SCHEMES.map((scheme) => ({ language: 'html', scheme })),
  // the text rendering of a PDF or Word report (rendering.ts)
  { scheme: RENDERING_SCHEME },
];

function isCandidate(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && vscode.languages.match(SELECTOR, doc) > 0;
}

/** Makes the language client of an entry (node.ts, browser.ts): the same id, name and options, its own transport. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export async function activateWith(
  context: vscode.ExtensionContext,
  create: ClientFactory,
): Promise<{ client: BaseLanguageClient | undefined; status: ReportStatus; activationMs: number }> {
  const activatedAt = Date.now();
  const version = (context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '?';
  const output = vscode.window.createOutputChannel(t('Disclosure Report'), { log: true });
  const log = (m: string) => output.info(m);
  const config = () =>
    resolvedSettings(JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('disclosureReport'))));
  log(
    `disclosure-report ${version} (${vscode.env.appName} ${vscode.version}, ${vscode.env.uiKind === 1 ? 'desktop' : 'web'})`,
  );
  log(`settings ${JSON.stringify(config())}`);
  const clientOptions: LanguageClientOptions = {
    outputChannel: output,
    documentSelector: SELECTOR as never,
    // report files on disk (last year's reports for the cross-year check): the server re-reads them when they change
    synchronize: {
      configurationSection: 'disclosureReport',
      // and the reviewers' baselines (the findings marked as reviewed)
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{txt,md,html,htm,gkbg,disclosure}'),
        vscode.workspace.createFileSystemWatcher('**/.disclosure-report-baseline.json'),
      ],
    },
    // the messages' language is the setting (Chinese by default), never VS Code's display language
    initializationOptions: { locale: locale(), settings: config() },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const r = await next(params, token);
          if (!Array.isArray(r)) return r;
          return r.map((v, i) => (params.items[i]?.section === 'disclosureReport' ? resolvedSettings(v) : v));
        },
      },
    },
  };
  const name = t('Disclosure Report');
  client = create('disclosureReport', name, clientOptions);

  const status = reportStatus(SELECTOR, () => client, log);
  context.subscriptions.push(
    status,
    output,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('disclosureReport')) log(`settings ${JSON.stringify(config())}`);
    }),
  );

  const cmd = (id: string, f: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, f));

  // PDF and Word reports: their text rendering, made by the server once it has started
  // the server starts for the first document that needs it (detect.ts), or for a command
  let starting: Promise<void> | undefined;
  const ensureStarted = (why: string) =>
    (starting ??= (async () => {
      log(`starting the language server (${why})`);
      const t0 = Date.now();
      await client?.start();
      log(`language server started in ${Date.now() - t0} ms`);
      status.update();
    })());
  const renderings = new Renderings(async (p) => {
    await ensureStarted('a PDF or Word report');
    if (!client) throw new Error('the language server is not running');
    return send(client, RenderRequest, p);
  });
  const binaries = vscode.workspace.createFileSystemWatcher('**/*.{pdf,docx,doc,wps}');
  binaries.onDidChange((u) => renderings.refresh(u));
  binaries.onDidDelete((u) => renderings.refresh(u));
  context.subscriptions.push(
    renderings,
    binaries,
    vscode.workspace.registerTextDocumentContentProvider(RENDERING_SCHEME, renderings),
    vscode.window.registerCustomEditorProvider(RENDERING_VIEW_TYPE, new RenderingEditor(renderings)),
  );
  cmd('disclosureReport.openRendering', async (arg?: unknown) => {
    const file = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (file && isRendered(file)) await renderings.open(file);
    else void vscode.window.showInformationMessage(t('Choose a PDF or Word report.'));
  });

  /** The document a command is for: the one it was given (a PDF or Word file: its rendering), else the active editor's. */
  const docOf = async (arg: unknown) =>
    arg instanceof vscode.Uri
      ? isRendered(arg)
        ? (await renderings.open(arg))?.document
        : await vscode.workspace.openTextDocument(arg)
      : vscode.window.activeTextEditor?.document;

  cmd('disclosureReport.openPreview', async (uri?: unknown) => {
    const doc = await docOf(uri);
    if (!isCandidate(doc)) {
      return void vscode.window.showInformationMessage(t('Open a report first.'));
    }
    await ensureStarted('preview');
    await openPreview(context, doc);
  });

  const newReport = newReportCommand(async (format) => {
    await ensureStarted('new report');
    if (!client) throw new Error('the language server is not running');
    return send(client, SkeletonRequest, { format });
  });
  cmd('disclosureReport.newReport', newReport);
  cmd('disclosureReport.newFile', (format?: unknown) => newReport(undefined, format));
  context.subscriptions.push(vscode.languages.registerCodeLensProvider(EMPTY_SELECTOR, new SkeletonLens()));

  cmd('disclosureReport.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const provider = 'vscode.executeCodeActionProvider';
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      provider,
      editor.document.uri,
      whole,
      FIX_ALL_KIND,
    );
    const action = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
    if (action?.edit) await vscode.workspace.applyEdit(action.edit);
    else void vscode.window.showInformationMessage(t('Nothing to fix automatically.'));
  });

  cmd('disclosureReport.exportTables', async (arg?: unknown) => {
    const doc = await docOf(arg);
    if (!isCandidate(doc) || !client) return;
    await ensureStarted('export');
    const formats: ExportFormat[] = ['csv', 'markdown', 'json'];
    const pick = await vscode.window.showQuickPick(formats, { placeHolder: t('Export format') });
    if (pick) await exportTables(doc, pick as ExportFormat);
  });

  cmd('disclosureReport.restartServer', async () => {
    if (!starting) return void ensureStarted('restart');
    await client?.stop();
    await client?.start();
  });

  cmd('disclosureReport.showOutput', () => output.show());

  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (previews.has(e.document.uri.toString())) schedulePreview(e.document);
    }),
  );

  context.subscriptions.push(startWhenNeeded(isCandidate, (why) => void ensureStarted(why), log));
  const activationMs = Date.now() - activatedAt;
  log(`activated in ${activationMs} ms`);
  return { client, status, activationMs };
}

async function exportTables(doc: vscode.TextDocument, format: ExportFormat): Promise<void> {
  if (!client) return;
  const content = await send(client, ExportRequest, { uri: doc.uri.toString(), format });
  const ext = format === 'markdown' ? 'md' : format;
  // a rendering's tables go next to its PDF or Word file
  const source = doc.uri.scheme === RENDERING_SCHEME ? fileOf(doc.uri) : doc.uri;
  const tables = source.path.replace(/\.[^./]*$/, '') + `.tables.${ext}`;
  const base = source.scheme === 'file' ? source.with({ path: tables }) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { [format.toUpperCase()]: [ext] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  vscode.window.showInformationMessage(t('Exported to {0}', target.fsPath));
}

const pendingPreview = new Map<string, ReturnType<typeof setTimeout>>();

function schedulePreview(doc: vscode.TextDocument): void {
  const key = doc.uri.toString();
  clearTimeout(pendingPreview.get(key));
  pendingPreview.set(
    key,
    setTimeout(() => {
      pendingPreview.delete(key);
      void refreshPreview(doc);
    }, 250),
  );
}

async function refreshPreview(doc: vscode.TextDocument): Promise<void> {
  const panel = previews.get(doc.uri.toString());
  if (!panel || !client) return;
  const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  try {
    const params = { uri: doc.uri.toString(), nonce, cspSource: panel.webview.cspSource };
    panel.webview.html = await send(client, PreviewRequest, params);
  } catch (e) {
    client.outputChannel.appendLine(`preview: ${String(e)}`);
  }
}

async function openPreview(context: vscode.ExtensionContext, doc: vscode.TextDocument): Promise<void> {
  const key = doc.uri.toString();
  let panel = previews.get(key);
  if (panel) {
    panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    panel = vscode.window.createWebviewPanel(
      'disclosureReport.preview',
      `${t('Tables')}: ${doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    previews.set(key, panel);
    panel.onDidDispose(() => previews.delete(key), null, context.subscriptions);
    panel.webview.onDidReceiveMessage(async (raw: unknown) => {
      const m = readPreviewMessage(raw);
      if (m?.type === PREVIEW_REVEAL) {
        const show = { viewColumn: vscode.ViewColumn.One, preserveFocus: false };
        const editor = await vscode.window.showTextDocument(doc, show);
        const pos = doc.positionAt(m.offset);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      } else if (m?.type === PREVIEW_EXPORT) {
        await exportTables(doc, m.format);
      }
    });
  }
  await refreshPreview(doc);
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
}
