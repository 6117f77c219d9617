/**
 * Open documents and their analyses. The DocumentAnalysis is the document: LSP content changes
 * are applied to it directly (positions ↔ offsets through its per-report line tables), and it
 * re-reads only what an edit touched. LSP diagnostics are kept per report: the edited report's are
 * rebuilt, the ones after it move by the number of lines the edit added or removed.
 */
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { RENDERING_SCHEME } from '../../../shared/protocol';
import {
  openDocument,
  type CheckOptions,
  type Finding,
  type Locale,
  type ReportDocument,
  type ReportRef,
} from '../core';
import { convertsTo, toDiagnostic } from './convert';
import type { Settings } from './settings';
import { fragmentOf, withFragments } from './transport';

export interface OpenDoc {
  uri: string;
  languageId: string;
  version: number;
  analysis: ReportDocument;
  /** LSP diagnostics per piece (report), null where they must be rebuilt. */
  diags: (Diagnostic[] | null)[];
  /** The JSON (UTF-8) of each piece's diagnostics, joined by commas; null where it must be written again. */
  json?: (Uint8Array | null)[];
  /** Per piece, each finding's diagnostic and its JSON, as last published: a finding kept across an
   *  edit (a rule that reads no figure of the edited table keeps its findings, the same objects,
   *  at the same offsets and lines), or made again as it was (convert.ts `convertsTo`: same code,
   *  messages and positions), is neither converted nor serialised again. Kept from a piece's
   *  second build on (a report being edited; undefined: never built, null: not kept), dropped with
   *  the piece's diagnostics when they move. */
  made?: (Made[] | null | undefined)[];
}

interface Made {
  finding: Finding;
  diagnostic: Diagnostic;
  json?: string;
}

/** Offset of an LSP position in plain text, as LSP counts lines (`\r\n`, `\r`, `\n`): a line past
 *  the end is the end of the text, a character past the end of its line is the line's end. */
export function offsetInText(text: string, pos: { line: number; character: number }): number {
  let at = 0;
  for (let line = 0; line < pos.line; line++) {
    const n = text.indexOf('\n', at);
    const r = text.indexOf('\r', at);
    if (n < 0 && r < 0) return text.length;
    const brk = n < 0 ? r : r < 0 ? n : Math.min(n, r);
    at = brk + (text[brk] === '\r' && text[brk + 1] === '\n' ? 2 : 1);
  }
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return Math.min(at + Math.max(0, pos.character), end);
}

const isPosition = (p: unknown): p is { line: number; character: number } =>
  !!p &&
  typeof p === 'object' &&
  Number.isInteger((p as { line: unknown }).line) &&
  Number.isInteger((p as { character: unknown }).character);

export class DocumentStore {
  readonly docs = new Map<string, OpenDoc>();
  /** The reports of each open document as another's last year (core `refOf`), per version. */
  private refs = new Map<string, { version: number; refs: ReportRef[] }>();

  /** `log` hears about every change that could not be applied the usual way. */
  constructor(private readonly log: (message: string) => void = () => undefined) {}

  open(uri: string, languageId: string, version: number, text: string): OpenDoc {
    const d: OpenDoc = { uri, languageId, version, analysis: openDocument(text), diags: [], json: [] };
    this.docs.set(uri, d);
    this.refs.delete(uri);
    return d;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.refs.delete(uri);
  }

  /** The reports of every open document but `uri`, for its cross-year check. */
  refsBeside(uri: string): ReportRef[] {
    const out: ReportRef[] = [];
    for (const [u, d] of this.docs) {
      if (u === uri) continue;
      let cached = this.refs.get(u);
      if (!cached || cached.version !== d.version) {
        const refs: ReportRef[] = [];
        for (let i = 0; i < d.analysis.count; i++) {
          const r = d.analysis.ref(i, u);
          if (r) refs.push(r);
        }
        cached = { version: d.version, refs };
        this.refs.set(u, cached);
      }
      for (const r of cached.refs) out.push(r);
    }
    return out;
  }

  get(uri: string): OpenDoc | undefined {
    return this.docs.get(uri);
  }

  /**
   * Applies LSP content changes in order. A range is read as the reference implementation
   * (vscode-languageserver-textdocument) reads it: reversed ends swapped, positions clamped to the
   * text. A change without text or with a malformed range is refused (logged; the document stays as
   * it was). A change the analysis fails on is applied to the plain text instead, and the document
   * re-read from it: the text is never lost.
   */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDoc | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    d.version = version;
    for (const c of changes as unknown[]) {
      const change = (c ?? {}) as { range?: { start?: unknown; end?: unknown } | null; text?: unknown };
      if (typeof change.text !== 'string') {
        this.log(`change to ${uri} (version ${version}) refused: no text`);
        continue;
      }
      const text = change.text;
      if (change.range === undefined || change.range === null) {
        d.analysis = openDocument(text);
        d.diags = [];
        d.json = [];
        d.made = [];
        continue;
      }
      const { start: a, end: b } = change.range;
      if (!isPosition(a) || !isPosition(b)) {
        this.log(`change to ${uri} (version ${version}) refused: malformed range ${JSON.stringify(change.range)}`);
        continue;
      }
      // What the text is before the edit, taken cheaply (joined only if the edit fails).
      const before = d.analysis.snapshot();
      try {
        let start = d.analysis.offsetAt(a);
        let end = d.analysis.offsetAt(b);
        if (end < start) [start, end] = [end, start];
        const r = d.analysis.edit(start, end, text);
        if (r.scope === 'document') {
          d.diags = [];
          d.json = [];
          d.made = [];
        } else {
          d.diags[r.report] = null;
          if (d.json) d.json[r.report] = null;
          if (r.lineDelta)
            for (let j = r.report + 1; j < d.diags.length; j++) {
              const list = d.diags[j];
              if (!list?.length) continue;
              if (d.json) d.json[j] = null;
              // Their JSON is written again from the moved diagnostics.
              if (d.made) d.made[j] = null;
              for (const g of list) moveLines(g, r.lineDelta);
            }
        }
      } catch (e) {
        this.log(
          `change to ${uri} (version ${version}) failed in the analysis, document re-read from its text: ${(e as Error)?.stack ?? String(e)}`,
        );
        const old = before();
        let start = offsetInText(old, a);
        let end = offsetInText(old, b);
        if (end < start) [start, end] = [end, start];
        d.analysis = openDocument(old.slice(0, start) + text + old.slice(end));
        d.diags = [];
        d.json = [];
        d.made = [];
      }
    }
    return d;
  }

  /** Drops every cached finding and diagnostic (settings, locale or other documents changed). */
  invalidate(): void {
    for (const d of this.docs.values()) {
      d.analysis.invalidateFindings();
      d.diags = [];
      d.json = [];
      d.made = [];
    }
  }

  /** The document's diagnostics, report by report (null when cancelled). With `json`, the list
   *  carries each report's JSON (transport.ts), written only for reports that changed or moved. */
  diagnostics(
    d: OpenDoc,
    opts: CheckOptions,
    locale: Locale,
    isCancelled: () => boolean = () => false,
    json = false,
  ): Diagnostic[] | null {
    const out: Diagnostic[] = [];
    const parts: Uint8Array[] = [];
    const n = Math.max(1, d.analysis.count);
    for (let i = 0; i < n; i++) {
      if (isCancelled()) return null;
      let list = d.diags[i];
      const made = (d.made ??= []);
      if (!list) {
        const kept = made[i];
        const before = new Map<Finding, Made>();
        for (const m of kept ?? []) before.set(m.finding, m);
        const now: Made[] = [];
        const positionAt = (o: number) => d.analysis.positionAt(o);
        const found = d.analysis.findings(i, opts);
        // The kept ones whose finding is gone, by what they say: a rule that ran again may have
        // made the same finding anew.
        const current = new Set(found);
        const gone = new Map<string, Made[]>();
        for (const m of kept ?? []) {
          if (current.has(m.finding)) continue;
          const key = sayingOf(m.finding);
          const list = gone.get(key);
          if (list) list.push(m);
          else gone.set(key, [m]);
        }
        for (const f of found) {
          let m = before.get(f);
          if (!m) {
            const list = gone.size ? gone.get(sayingOf(f)) : undefined;
            const k = list ? list.findIndex((x) => convertsTo(f, x.finding, x.diagnostic, positionAt)) : -1;
            m =
              k >= 0
                ? { ...list!.splice(k, 1)[0]!, finding: f }
                : { finding: f, diagnostic: toDiagnostic(f, positionAt, locale, d.uri) };
          }
          now.push(m);
        }
        // The reports only opened, never edited, keep their diagnostics and their list's JSON only.
        made[i] = kept === undefined ? null : now;
        list = now.map((m) => m.diagnostic);
        d.diags[i] = list;
        if (d.json) d.json[i] = null;
      }
      for (const g of list) out.push(g);
      if (json) {
        const m = made[i];
        parts.push(
          ((d.json ??= [])[i] ??= m
            ? fragmentOf(m, (x) => (x.json ??= JSON.stringify(x.diagnostic)))
            : fragmentOf(list)),
        );
      }
    }
    return json ? withFragments(out, parts) : out;
  }
}

/** A finding's code and message, as a key (convert.ts `convertsTo` compares the rest). */
const sayingOf = (f: Finding): string =>
  `${f.code}\u0000${f.message.id}\u0000${f.message.args ? Object.values(f.message.args).join('\u0000') : ''}`;

function moveLines(g: Diagnostic, by: number): void {
  g.range.start.line += by;
  g.range.end.line += by;
  for (const x of g.relatedInformation ?? []) {
    x.location.range.start.line += by;
    x.location.range.end.line += by;
  }
}

/** Is this document analysed as a report? */
export function analysed(d: OpenDoc, settings: Settings): boolean {
  if (d.languageId === 'disclosure-report') return true;
  // the rendering of a PDF or Word file, opened to be checked
  if (d.uri.startsWith(`${RENDERING_SCHEME}:`)) return true;
  if (settings.detect === 'never') return false;
  if (settings.detect === 'always') return true;
  // auto: the text reads as a report (two sections or more).
  return d.analysis.looksLikeReport();
}
