/**
 * Open documents and their analyses. The DocumentAnalysis is the document: LSP content changes
 * are applied to it directly (positions ↔ offsets through its per-report line tables), and it
 * re-reads only what an edit touched. LSP diagnostics are kept per report: the edited report's are
 * rebuilt, the ones after it move by the number of lines the edit added or removed.
 */
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { DocumentAnalysis } from './core/analysis';
import type { CheckOptions } from './core/check';
import type { Locale } from './core/i18n';
import { toDiagnostic } from './convert';
import type { Settings } from './settings';

export interface OpenDoc {
  uri: string;
  languageId: string;
  version: number;
  analysis: DocumentAnalysis;
  /** LSP diagnostics per piece (report), null where they must be rebuilt. */
  diags: (Diagnostic[] | null)[];
}

export class DocumentStore {
  readonly docs = new Map<string, OpenDoc>();

  open(uri: string, languageId: string, version: number, text: string): OpenDoc {
    const d: OpenDoc = { uri, languageId, version, analysis: new DocumentAnalysis(text), diags: [] };
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
    d.version = version;
    for (const c of changes) {
      if ('range' in c && c.range) {
        const start = d.analysis.offsetAt(c.range.start);
        const end = Math.max(start, d.analysis.offsetAt(c.range.end));
        const r = d.analysis.edit(start, end, c.text);
        if (r.scope === 'document') d.diags = [];
        else {
          d.diags[r.report] = null;
          if (r.lineDelta)
            for (let j = r.report + 1; j < d.diags.length; j++)
              for (const g of d.diags[j] ?? []) {
                g.range.start.line += r.lineDelta;
                g.range.end.line += r.lineDelta;
              }
        }
      } else {
        d.analysis = new DocumentAnalysis(c.text);
        d.diags = [];
      }
    }
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
    const n = Math.max(1, d.analysis.pieceCount);
    for (let i = 0; i < n; i++) {
      if (isCancelled()) return null;
      let list = d.diags[i];
      if (!list) {
        list = d.analysis.localFindings(i, opts).map((f) => toDiagnostic(f, (o) => d.analysis.localPosition(i, o), locale));
        d.diags[i] = list;
      }
      for (const g of list) out.push(g);
    }
    return out;
  }
}

/** Is this document analysed as a report? */
export function analysed(d: OpenDoc, settings: Settings): boolean {
  if (d.languageId === 'disclosure-report') return true;
  if (settings.detect === 'never') return false;
  if (settings.detect === 'always') return true;
  // auto: the text reads as a report (two sections or more).
  return d.analysis.looksLikeReport();
}
