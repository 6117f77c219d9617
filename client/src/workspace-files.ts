/**
 * The web build's half of the cross-year index: the server in a Web Worker cannot read the
 * workspace, so the client finds its report files (vscode.workspace.findFiles, workspace.fs: any
 * file system, also vscode.dev's virtual ones) and sends them (shared/workspace-files.ts) once the
 * server runs, again when the folders change, and file by file when they are created, changed or
 * deleted (those changed during a scan again after it; the files beside a report when it opens).
 * Files that cannot hold a report (no 公开 in UTF-8, GB18030 or UTF-16) are not sent.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient/browser';
import {
  WORKSPACE_FILES,
  WORKSPACE_LIMITS as LIMITS,
  type WorkspaceFile,
  type WorkspaceFilesParams,
} from '../../shared/workspace-files';
import { toBase64 } from './rendering';

/** The files the glob takes (a report's own extension among them). */
const REPORT_FILE = /\.(txt|md|html|htm|gkbg|disclosure)$/i;

/** 公开 in UTF-8, GB18030, UTF-16 LE and BE. */
const MARKS = [
  [0xe5, 0x85, 0xac, 0xe5, 0xbc, 0x80],
  [0xb9, 0xab, 0xbf, 0xaa],
  [0x6c, 0x51, 0x00, 0x5f],
  [0x51, 0x6c, 0x5f, 0x00],
];

/** Whether the bytes may hold a report (web pages always may: their text can be entities). */
export function mayHoldReport(bytes: Uint8Array, path: string): boolean {
  if (/\.html?$/i.test(path)) return true;
  for (const m of MARKS) {
    const first = m[0]!;
    for (let i = bytes.indexOf(first); i >= 0 && i + m.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
      let j = 1;
      while (j < m.length && bytes[i + j] === m[j]) j++;
      if (j === m.length) return true;
    }
  }
  return false;
}

async function read(uri: vscode.Uri, budget: { bytes: number }): Promise<WorkspaceFile | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File || stat.size > LIMITS.maxBytes || stat.size > budget.bytes) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    budget.bytes -= bytes.length;
    return mayHoldReport(bytes, uri.path) ? { uri: uri.toString(), data: toBase64(bytes) } : undefined;
  } catch {
    return undefined; // gone, or unreadable: it only loses the cross-year check
  }
}

export function sendWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable {
  const send = (p: WorkspaceFilesParams) => {
    if (client.isRunning()) void client.sendNotification(WORKSPACE_FILES, p).catch(() => undefined);
  };
  let scanning = 0;
  /** Files changed while a scan runs: its replace may be older than their update, so they are sent
   *  again after it. */
  let during: Set<string> | null = null;
  const scan = async () => {
    const mine = ++scanning;
    during ??= new Set();
    const files: WorkspaceFile[] = [];
    const budget = { bytes: LIMITS.maxTotalBytes };
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const pattern = new vscode.RelativePattern(folder, LIMITS.glob);
      for (const uri of await vscode.workspace.findFiles(pattern, undefined, LIMITS.maxFiles - files.length)) {
        const f = await read(uri, budget);
        if (mine !== scanning) return; // a newer scan started
        if (f) files.push(f);
      }
    }
    send({ replace: true, files, removed: [] });
    const again = during ?? new Set<string>();
    during = null;
    for (const u of again) changed(vscode.Uri.parse(u, true));
  };

  // changes, a batch at a time (a save or a git checkout fires many events at once)
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    timer = undefined;
    const uris = [...pending];
    pending.clear();
    const files: WorkspaceFile[] = [];
    const removed: string[] = [];
    const budget = { bytes: LIMITS.maxTotalBytes };
    for (const u of uris) {
      const f = await read(vscode.Uri.parse(u, true), budget);
      if (f) files.push(f);
      else removed.push(u);
    }
    send({ replace: false, files, removed });
  };
  function changed(uri: vscode.Uri): void {
    during?.add(uri.toString());
    pending.add(uri.toString());
    timer ??= setTimeout(() => void flush(), 300);
  }
  /** A report opened: the report files beside it are sent too (a watcher may miss files created in a
   *  folder it has not seen yet, and last year's report is usually next to this year's). */
  const beside = (doc: vscode.TextDocument) => {
    if (!REPORT_FILE.test(doc.uri.path) || !vscode.workspace.getWorkspaceFolder(doc.uri)) return;
    const dir = vscode.Uri.joinPath(doc.uri, '..');
    const pattern = new vscode.RelativePattern(dir, LIMITS.glob.replace(/^\*\*\//, ''));
    void vscode.workspace.findFiles(pattern, undefined, 100).then(
      (uris) => uris.forEach(changed),
      () => undefined,
    );
  };

  const watcher = vscode.workspace.createFileSystemWatcher(LIMITS.glob);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void scan()),
    vscode.workspace.onDidOpenTextDocument(beside),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) void scan();
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
