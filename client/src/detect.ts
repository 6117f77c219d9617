/**
 * When the language server starts, and what an empty document offers.
 * - The server starts for the first document that needs it (issue 12): one of our language, a PDF
 *   or Word rendering, or a plain-text, Markdown or HTML document whose first 8 KB sniff as a report
 *   (sniff.ts; every candidate with `disclosureReport.detect: "always"`, none with "never"). An
 *   untitled buffer is sniffed again as it is typed or pasted into. Commands that need the server
 *   start it too.
 * - An empty text document shows a code lens 按模板新建年报 that writes the template into it.
 */
import * as vscode from 'vscode';
import { RENDERING_SCHEME } from '../../shared/protocol';
import { t } from './l10n';
import { SNIFF_CHARS, sniffReport } from './sniff';

export const LANGUAGE = 'disclosure-report';

/** Does this candidate document need the server now? */
export function wantsServer(doc: vscode.TextDocument): boolean {
  if (doc.languageId === LANGUAGE || doc.uri.scheme === RENDERING_SCHEME) return true;
  const detect = vscode.workspace.getConfiguration('disclosureReport').get<string>('detect');
  if (detect === 'never') return false;
  if (detect === 'always') return true;
  // the first SNIFF_CHARS characters only, however long the lines (a minified web page is one line)
  return sniffReport(doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(SNIFF_CHARS))));
}

/**
 * Calls `start` once, for the first candidate document that wants the server (already open, opened
 * or edited later); logs each decision once per document.
 */
export function startWhenNeeded(
  isCandidate: (d: vscode.TextDocument) => boolean,
  start: (why: string) => void,
  log: (m: string) => void,
): vscode.Disposable {
  let done = false;
  const seen = new Set<string>();
  const consider = (doc: vscode.TextDocument) => {
    if (done || !isCandidate(doc)) return;
    const yes = wantsServer(doc);
    const key = doc.uri.toString();
    if (yes || !seen.has(key)) log(`detect ${key} (${doc.languageId}): ${yes ? 'a report' : 'not a report (sniff)'}`);
    seen.add(key);
    if (yes) {
      done = true;
      start(key);
    }
  };
  for (const d of vscode.workspace.textDocuments) consider(d);
  const subs = [
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      // a report pasted or typed into a buffer that was empty or something else
      if (!done && e.contentChanges.length) consider(e.document);
    }),
  ];
  return vscode.Disposable.from(...subs);
}

/** The code lens of an empty plain-text, Markdown or report document: 按模板新建年报. */
export class SkeletonLens implements vscode.CodeLensProvider {
  private changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.lineCount <= 2) this.changed.fire();
  });

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (doc.lineCount > 2 || doc.getText().trim() !== '') return [];
    const title = t('New report from the template');
    const command = { command: 'disclosureReport.newReport', title, arguments: [doc.uri] };
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), command)];
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

export const EMPTY_SELECTOR: vscode.DocumentSelector = [
  { language: LANGUAGE },
  { language: 'plaintext' },
  { language: 'markdown' },
];
