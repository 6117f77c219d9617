/**
 * The web entry (package.json "browser", dist/web/extension.js), for vscode.dev and code-server's
 * web worker extension host: the language server runs in a Web Worker (dist/web/server.js, built
 * from server/src/web/main.ts) and, as it has no file system, the client sends it the workspace's
 * report files for the cross-year check (workspace-files.ts). Everything else is the shared client,
 * extension.ts. PDF reports need the desktop; Word reports are read in the worker.
 */
import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { activateWith } from './extension';
import { sendWorkspaceFiles } from './workspace-files';

export { deactivate } from './extension';

/** The worker global of the web extension host (the client's tsconfig has no DOM types). */
declare const Worker: new (url: string) => object;

/**
 * The server's worker. The web extension host refuses a worker from a `vscode-remote:` URL (an
 * extension installed on a code-server's machine): then the script is read through workspace.fs
 * and started from a blob.
 */
async function serverWorker(server: vscode.Uri): Promise<object> {
  if (server.scheme !== 'vscode-remote') return new Worker(server.toString(true));
  const code = await vscode.workspace.fs.readFile(server);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'application/javascript' })));
}

/** The worker's transports, made here: the client's own `instanceof Worker` fails on the host's wrapped Worker. */
async function serverTransports(server: vscode.Uri): Promise<MessageTransports> {
  const worker = (await serverWorker(server)) as never;
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  return activateWith(context, (id, name, options) => {
    const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    const client = new LanguageClient(id, name, () => serverTransports(server), options);
    context.subscriptions.push(sendWorkspaceFiles(client));
    return client;
  });
}
