/**
 * The desktop entry (package.json "main", dist/extension.js): the language server in a Node process
 * (dist/server.js, over IPC). Everything else is the shared client, extension.ts.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './extension';
import { registerReview } from './review';
import { SERVER_V8_FLAGS } from './server-flags';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): ReturnType<typeof activateWith> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_V8_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  registerReview(context); // the reviewer's task and commands: they run dist/cli.js (desktop only)
  return activateWith(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}
