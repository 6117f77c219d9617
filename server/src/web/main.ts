/**
 * The server's web entry (dist/web/server.js, a Web Worker started by client/src/browser.ts): the
 * same startServer as the desktop (lsp/server.ts), over the worker's messages. esbuild.mjs builds it
 * for the browser and swaps what needs Node: lsp/workspace.ts for web/workspace.ts (the client sends
 * the workspace's report files), node:url, setImmediate and Buffer for small shims, and the PDF
 * reader for one that says PDFs need the desktop (the Word reader is pure and runs here).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { WORKSPACE_FILES } from '../../../shared/workspace-files';
import { startServer } from '../lsp/server';
import { currentIndex } from './workspace';

declare const self: unknown;
interface WorkerScope {
  addEventListener(type: string, listener: (e: { error?: unknown; reason?: unknown }) => void): void;
}
const scope = self as unknown as WorkerScope;
const connection = createConnection(new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
const errorText = (e: unknown) => (e as Error)?.stack ?? String(e);
scope.addEventListener('error', (e) => connection.console.error(`uncaught: ${errorText(e.error)}`));
scope.addEventListener('unhandledrejection', (e) =>
  connection.console.error(`unhandled rejection: ${errorText(e.reason)}`),
);
startServer(connection);
connection.onNotification(WORKSPACE_FILES, (p: unknown) => currentIndex()?.update(p));
