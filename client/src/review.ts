/**
 * The reviewer's desk in VS Code (desktop only: both run the command line, dist/cli.js, in a Node
 * process — the editor's own, as ELECTRON_RUN_AS_NODE; messages through l10n.ts, in the language of
 * disclosureReport.locale):
 * - the task type `disclosure-report` (tasks.json: `{ "type": "disclosure-report", "paths": ["."] }`)
 *   runs `check` on the workspace folder; its text output (`path:line:col: 错误 code message`) is
 *   read into the Problems panel by the problem matchers $disclosure-report-error, -warning and
 *   -info (package.json: a matcher's severity group cannot read 错误/警告, so one matcher per word);
 * - 检查文件夹中的全部年报 (disclosureReport.checkWorkspace) runs that task for every workspace folder;
 * - 打开审核汇总 (disclosureReport.openReview) runs `review` on the workspace folders into a
 *   temporary folder and shows its index.html in a webview (its own CSP allows only its inline style
 *   and script), with buttons to open it in the browser or show the folder (memos, sheets).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { locale, t } from './l10n';

export const TASK_TYPE = 'disclosure-report';
export const MATCHERS = ['$disclosure-report-error', '$disclosure-report-warning', '$disclosure-report-info'];

interface CheckTaskDefinition extends vscode.TaskDefinition {
  paths?: string[];
  locale?: 'zh-CN' | 'en';
}

/** Runs dist/cli.js with the editor's Node (Electron as Node on the desktop, node in code-server). */
const NODE_ENV = { ELECTRON_RUN_AS_NODE: '1' };

function checkTask(cli: string, folder: vscode.WorkspaceFolder, def: CheckTaskDefinition): vscode.Task {
  const lang = def.locale ?? locale();
  const paths = def.paths?.length ? def.paths : ['.'];
  const exec = new vscode.ProcessExecution(process.execPath, [cli, 'check', '--locale', lang, ...paths], {
    cwd: folder.uri.fsPath,
    env: NODE_ENV,
  });
  const task = new vscode.Task(def, folder, t('Check every report in the folder'), TASK_TYPE, exec, MATCHERS);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

const folderDirs = () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');

function runCli(cli: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, ...NODE_ENV }, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stderr: String(stderr) });
      },
    );
  });
}

async function openReview(context: vscode.ExtensionContext, cli: string): Promise<void> {
  const folders = folderDirs();
  if (!folders.length) {
    void vscode.window.showWarningMessage(t('Open a folder of reports first.'));
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'disclosure-report-review-'));
  const args = ['review', '--out', out, '--locale', locale(), ...folders.map((f) => f.uri.fsPath)];
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Reviewing the reports…') },
    () => runCli(cli, args),
  );
  const index = path.join(out, 'index.html');
  // exit 1 only says that errors were found; without index.html the review failed
  if (!existsSync(index)) {
    void vscode.window.showErrorMessage(
      t('The review failed: {0}', r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`),
    );
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    'disclosureReport.review',
    t('Review summary'),
    vscode.ViewColumn.Active,
    { enableScripts: true, localResourceRoots: [] },
  );
  panel.webview.html = readFileSync(index, 'utf8');
  context.subscriptions.push(panel);
  const browser = t('Open in Browser');
  const reveal = t('Show the Folder');
  // not awaited: the command ends when the dashboard is shown, the message stays until dismissed
  void vscode.window
    .showInformationMessage(t('The review (with the memos) is in {0}', out), browser, reveal)
    .then((choice) => {
      if (choice === browser) void vscode.env.openExternal(vscode.Uri.file(index));
      else if (choice === reveal) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(index));
    });
}

/** Registers the task provider and the two commands (desktop entry, node.ts). */
export function registerReview(context: vscode.ExtensionContext): void {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () => folderDirs().map((f) => checkTask(cli, f, { type: TASK_TYPE })),
      resolveTask: (task) => {
        const folder = typeof task.scope === 'object' ? task.scope : folderDirs()[0];
        return folder ? checkTask(cli, folder, task.definition as CheckTaskDefinition) : undefined;
      },
    }),
    vscode.commands.registerCommand('disclosureReport.checkWorkspace', async () => {
      const folders = folderDirs();
      if (!folders.length) {
        void vscode.window.showWarningMessage(t('Open a folder of reports first.'));
        return;
      }
      for (const f of folders) await vscode.tasks.executeTask(checkTask(cli, f, { type: TASK_TYPE }));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('disclosureReport.openReview', () => openReview(context, cli)),
  );
}
