/** Core findings → LSP diagnostics (positions in UTF-16 code units, as LSP counts them). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { localize, type Finding, type Locale, type Position, type Severity } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core range as LSP positions (an empty range where the end comes before the start). */
function lspRange(r: { start: number; end: number }, positionAt: (offset: number) => Position): Diagnostic['range'] {
  return { start: positionAt(r.start), end: positionAt(Math.max(r.end, r.start)) };
}

export function toDiagnostic(
  f: Finding,
  positionAt: (offset: number) => Position,
  locale: Locale,
  uri?: string,
): Diagnostic {
  const range = (r: { start: number; end: number }) => lspRange(r, positionAt);
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
    range: range(f.range),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'disclosure-report',
    message: localize(f.message, locale),
    // No fix data: code actions are computed from the server's own findings, so every publish
    // stays small (a compilation publishes hundreds of diagnostics per keystroke).
    ...related,
  };
}

const sameMessage = (a: Finding['message'], b: Finding['message']): boolean => {
  if (a.id !== b.id) return false;
  const x = a.args ?? {};
  const y = b.args ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
};

const samePlace = (
  r: { start: number; end: number },
  g: Diagnostic['range'],
  positionAt: (offset: number) => Position,
): boolean => {
  const { start, end } = lspRange(r, positionAt);
  return (
    start.line === g.start.line &&
    start.character === g.start.character &&
    end.line === g.end.line &&
    end.character === g.end.character
  );
};

/** Whether `f` converts (toDiagnostic, same locale and uri) to `made`, the diagnostic of `was`: the
 *  same code, severity and messages, at the same positions. A rule that runs again after an edit
 *  makes new findings, most of them as they were; their diagnostics and JSON can be kept. */
export function convertsTo(
  f: Finding,
  was: Finding,
  made: Diagnostic,
  positionAt: (offset: number) => Position,
): boolean {
  if (f.code !== was.code || f.severity !== was.severity || !sameMessage(f.message, was.message)) return false;
  const fr = f.related ?? [];
  const wr = was.related ?? [];
  const mr = made.relatedInformation ?? [];
  if (fr.length !== wr.length || fr.length !== mr.length) return false;
  if (!samePlace(f.range, made.range, positionAt)) return false;
  for (let k = 0; k < fr.length; k++)
    if (!sameMessage(fr[k]!.message, wr[k]!.message) || !samePlace(fr[k]!.range, mr[k]!.location.range, positionAt))
      return false;
  return true;
}
