/**
 * The server's entry (dist/server.js): `node dist/server.js --stdio` or `--node-ipc` (also
 * `--socket=N`, `--pipe=NAME`), as vscode-languageserver reads them from the command line.
 * Everything else is in startServer, which the tests drive in process.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { configureReaders } from '../readers';
import { pdfCMapDir } from '../node/cmaps';

configureReaders({ cMapUrl: pdfCMapDir() });

const connection = createConnection(ProposedFeatures.all);
const errorText = (e: unknown) => (e as Error)?.stack ?? String(e);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${errorText(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${errorText(e)}`));
startServer(connection);
