/** Core findings → LSP diagnostics (positions in UTF-16 code units, as LSP counts them). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { localize, type Finding, type Locale, type Position, type Severity } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(
  f: Finding,
  positionAt: (offset: number) => Position,
  locale: Locale,
  uri?: string,
): Diagnostic {
  const range = (r: { start: number; end: number }) => ({
    start: positionAt(r.start),
    end: positionAt(Math.max(r.end, r.start)),
  });
  // The other cells a finding names (a failed balance's three other cells), in the same document.
  const related =
    uri && f.related?.length
      ? {
          relatedInformation: f.related.map((x) => ({
            location: { uri, range: range(x.range) },
            message: localize(x.message, locale),
          })),
        }
      : {};
  return {
    range: { start: positionAt(f.range.start), end: positionAt(Math.max(f.range.end, f.range.start)) },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'disclosure-report',
    message: localize(f.message, locale),
    // No fix data: code actions are computed from the server's own findings, so every publish
    // stays small (a compilation publishes hundreds of diagnostics per keystroke).
    ...related,
  };
}
