/**
 * The VS Code client: starts the language server, contributes the commands, the status item and
 * the preview panel. No analysis here: everything it shows comes from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
const previews = new Map<string, vscode.WebviewPanel>();

const en = () => /^en\b/i.test(vscode.env.language);
const t = (zh: string, english: string) => (en() ? english : zh);

const SELECTOR: vscode.DocumentSelector = [
  { language: 'disclosure-report' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

function isCandidate(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && vscode.languages.match(SELECTOR, doc) > 0;
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient | undefined }> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR as never,
    // report files on disk (last year's reports for the cross-year check): the server re-reads them when they change
    synchronize: { configurationSection: 'disclosureReport', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{txt,md,html,htm,gkbg,disclosure}') },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('disclosureReport', t('政府信息公开年报', 'Disclosure Report'), serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.command = 'disclosureReport.openPreview';
  context.subscriptions.push(status);
  const updateStatus = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isCandidate(doc)) return status.hide();
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'disclosure-report');
    if (!diags.length && doc.languageId !== 'disclosure-report') return status.hide();
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    status.text = errors ? `$(error) ${t('年报', 'Report')} ${errors}` : warnings ? `$(warning) ${t('年报', 'Report')} ${warnings}` : `$(check) ${t('年报', 'Report')}`;
    status.tooltip = t(`年报检查：${errors} 个错误，${warnings} 个警告。点击打开表格预览。`, `Report check: ${errors} errors, ${warnings} warnings. Click to open the table preview.`);
    status.show();
  };
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(updateStatus), vscode.window.onDidChangeActiveTextEditor(updateStatus));

  const cmd = (id: string, f: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, f));

  cmd('disclosureReport.openPreview', async (uri?: unknown) => {
    const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!isCandidate(doc)) return void vscode.window.showInformationMessage(t('请先打开一份年报。', 'Open a report first.'));
    await openPreview(context, doc);
  });

  cmd('disclosureReport.newReport', async () => {
    const format = await vscode.window.showQuickPick(
      [
        { label: t('2021年格式', '2021 format'), description: '国办公开办函〔2021〕30号', value: '2021' },
        { label: t('2019年格式', '2019 format'), description: '国办公开办函〔2019〕60号', value: '2019' },
      ],
      { placeHolder: t('选择年报格式', 'Choose the report format') },
    );
    if (!format || !client) return;
    const content = await client.sendRequest<string>('disclosureReport/skeleton', { format: format.value });
    const doc = await vscode.workspace.openTextDocument({ language: 'disclosure-report', content });
    await vscode.window.showTextDocument(doc);
  });

  cmd('disclosureReport.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.disclosureReport');
    const action = actions?.find((a) => a.kind?.value === 'source.fixAll.disclosureReport' && a.edit);
    if (action?.edit) await vscode.workspace.applyEdit(action.edit);
    else vscode.window.showInformationMessage(t('没有可以自动修复的问题。', 'Nothing to fix automatically.'));
  });

  cmd('disclosureReport.exportTables', async (arg?: unknown) => {
    const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!isCandidate(doc) || !client) return;
    const pick = await vscode.window.showQuickPick(['csv', 'markdown', 'json'], { placeHolder: t('导出格式', 'Export format') });
    if (pick) await exportTables(doc, pick as 'csv' | 'markdown' | 'json');
  });

  cmd('disclosureReport.restartServer', async () => {
    await client?.restart();
  });

  cmd('disclosureReport.showOutput', () => client?.outputChannel.show());

  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (previews.has(e.document.uri.toString())) schedulePreview(e.document);
    }),
  );

  await client.start();
  updateStatus();
  return { client };
}

async function exportTables(doc: vscode.TextDocument, format: 'csv' | 'markdown' | 'json'): Promise<void> {
  if (!client) return;
  const content = await client.sendRequest<string>('disclosureReport/export', { uri: doc.uri.toString(), format });
  const ext = format === 'markdown' ? 'md' : format;
  const base = doc.uri.scheme === 'file' ? doc.uri.with({ path: doc.uri.path.replace(/\.[^./]*$/, '') + `.tables.${ext}` }) : undefined;
  const target = await vscode.window.showSaveDialog({ defaultUri: base, filters: { [format.toUpperCase()]: [ext] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  vscode.window.showInformationMessage(t(`已导出到 ${target.fsPath}`, `Exported to ${target.fsPath}`));
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
    panel.webview.html = await client.sendRequest<string>('disclosureReport/preview', { uri: doc.uri.toString(), nonce, cspSource: panel.webview.cspSource });
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
    panel = vscode.window.createWebviewPanel('disclosureReport.preview', `${t('表格预览', 'Tables')}: ${path.basename(doc.uri.path)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    previews.set(key, panel);
    panel.onDidDispose(() => previews.delete(key), null, context.subscriptions);
    panel.webview.onDidReceiveMessage(async (m: { type?: string; offset?: number; format?: string }) => {
      if (m.type === 'reveal' && typeof m.offset === 'number') {
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
        const pos = doc.positionAt(m.offset);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      } else if (m.type === 'export' && (m.format === 'csv' || m.format === 'markdown' || m.format === 'json')) {
        await exportTables(doc, m.format);
      }
    });
  }
  await refreshPreview(doc);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
