/**
 * The server's entry (dist/server.js): `node dist/server.js --stdio` or `--node-ipc` (also
 * `--socket=N`, `--pipe=NAME`), as vscode-languageserver reads them from the command line.
 * Everything else is in startServer, which the tests drive in process.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type MessageReader } from 'vscode-languageserver/node';
import { startServer } from './server';
import { StdioMessageWriter } from './transport';
import { configureReaders } from '../readers';
import { pdfCMapDir } from '../node/cmaps';

configureReaders({ cMapUrl: pdfCMapDir() });

// Over stdio the writer publishes diagnostics from their cached JSON, each message in one write
// (transport.ts). stdin is handed over as a stream (the library reads it, and ends the process when
// it closes); as the library does for its own stdio, the console goes to the client's log, never
// into stdout.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(
      ProposedFeatures.all,
      process.stdin as unknown as MessageReader,
      new StdioMessageWriter(process.stdout),
    )
  : createConnection(ProposedFeatures.all);
if (stdio) {
  const toLog = (...a: unknown[]) => connection.console.log(format(...a));
  const toError = (...a: unknown[]) => connection.console.error(format(...a));
  Object.assign(console, { log: toLog, info: toLog, debug: toLog, trace: toLog, warn: toError, error: toError });
}
const errorText = (e: unknown) => (e as Error)?.stack ?? String(e);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${errorText(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${errorText(e)}`));
startServer(connection, { fragments: stdio });
