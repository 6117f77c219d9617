/**
 * Open documents and their analyses. Edits arrive as LSP content changes; each is applied to the
 * TextDocument and to the DocumentAnalysis (which re-reads only what the edit touched). LSP
 * diagnostics are kept per report: the edited report's are rebuilt, the ones after it move by the
 * number of lines the edit added or removed.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { DocumentAnalysis } from './core/analysis';
import type { CheckOptions } from './core/check';
import type { Locale } from './core/i18n';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';

export interface OpenDoc {
  doc: TextDocument;
  analysis: DocumentAnalysis;
  /** LSP diagnostics per report, null where they must be rebuilt. */
  diags: (Diagnostic[] | null)[];
}

const countLines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export class DocumentStore {
  readonly docs = new Map<string, OpenDoc>();

  open(uri: string, languageId: string, version: number, text: string): OpenDoc {
    const d: OpenDoc = { doc: TextDocument.create(uri, languageId, version, text), analysis: new DocumentAnalysis(text), diags: [] };
    this.docs.set(uri, d);
    return d;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): OpenDoc | undefined {
    return this.docs.get(uri);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDoc | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    for (const c of changes) {
      if ('range' in c && c.range) {
        const start = d.doc.offsetAt(c.range.start);
        const end = d.doc.offsetAt(c.range.end);
        const removed = d.doc.getText().slice(start, end);
        d.doc = TextDocument.update(d.doc, [c], version);
        const r = d.analysis.edit(start, end, c.text);
        if (r.scope === 'document') d.diags = [];
        else {
          const lineDelta = countLines(c.text) - countLines(removed);
          d.diags[r.report] = null;
          if (lineDelta)
            for (let j = r.report + 1; j < d.diags.length; j++)
              for (const g of d.diags[j] ?? []) {
                g.range.start.line += lineDelta;
                g.range.end.line += lineDelta;
              }
        }
      } else {
        d.doc = TextDocument.update(d.doc, [c], version);
        d.analysis = new DocumentAnalysis(c.text);
        d.diags = [];
      }
    }
    // The edit may have changed the number of reports; rebuild what is not aligned.
    if (d.diags.length !== d.analysis.reportCount) d.diags = [];
    return d;
  }

  /** Drops every cached finding and diagnostic (settings, locale or other documents changed). */
  invalidate(): void {
    for (const d of this.docs.values()) {
      d.analysis.invalidateFindings();
      d.diags = [];
    }
  }

  diagnostics(d: OpenDoc, opts: CheckOptions, locale: Locale, isCancelled: () => boolean = () => false): Diagnostic[] | null {
    const out: Diagnostic[] = [];
    for (let i = 0; i < d.analysis.reportCount; i++) {
      if (isCancelled()) return null;
      let list = d.diags[i];
      if (!list) {
        list = d.analysis.findings(i, opts).map((f) => toDiagnostic(f, d.doc, locale));
        d.diags[i] = list;
      }
      for (const g of list) out.push(g);
    }
    return out;
  }
}

/** Is this document analysed as a report? */
export function analysed(d: OpenDoc, settings: Settings): boolean {
  if (d.doc.languageId === 'disclosure-report') return true;
  if (settings.detect === 'never') return false;
  if (settings.detect === 'always') return true;
  // auto: the text reads as a report (two sections or more).
  for (let i = 0; i < d.analysis.reportCount; i++) if (d.analysis.report(i).sections.length >= 2) return true;
  return false;
}
