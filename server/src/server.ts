/**
 * The language server (LSP adapter over the pure core). This first cut serves the normalized
 * tables (`disclosureReport/tables`); diagnostics and the editor features come with the rules.
 * The analysis of a document is computed once per version and shared by every request.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from './core/parse';
import { lineIndex, normalizeReport } from './core/normalized';
import type { DocumentModel } from './core/model';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new Map<string, { version: number; model: DocumentModel }>();

function analysis(doc: TextDocument): DocumentModel {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.model;
  const model = parse(doc.getText());
  cache.set(doc.uri, { version: doc.version, model });
  return model;
}

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  serverInfo: { name: 'disclosure-report', version: '0.1.0' },
}));

connection.onRequest('disclosureReport/tables', (params: { uri: string }) => {
  const doc = documents.get(params?.uri);
  if (!doc) return { reports: [] };
  const text = doc.getText();
  const li = lineIndex(text);
  return { reports: analysis(doc).reports.map((r) => normalizeReport(r, li)) };
});

documents.onDidClose((e) => cache.delete(e.document.uri));
documents.listen(connection);
connection.listen();
