/**
 * A report document as the editor and the command line see it: text in, findings and editor
 * answers out, every offset a document offset. It keeps a DocumentAnalysis (one piece per report,
 * re-read edit by edit) and translates the pieces' local offsets at its edge, so that nothing
 * outside the core knows how the document is stored.
 *
 * Reports are numbered 0 … count-1 (a document without a report still has one slot, whose report
 * is null): the unit of findings, of caching and of cancellation between steps.
 */
import { complete, type CompletionEntry } from '../features/completion';
import { fingerprintOf } from '../features/dismiss';
import { fixAll, fixesFor, type Fix } from '../features/fixes';
import { formatText, type FormatLayout, type Refusal, type TextEdit } from '../features/format';
import {
  foldingRanges,
  hover,
  inlayHints,
  outline,
  packOutline,
  unpackOutline,
  type InlayHint,
  type OutlineNode,
  type PackedOutline,
} from '../features/navigation';
import { refOf, type CheckOptions } from '../rules/check';
import type { ReportRef } from '../rules/rule';
import type { Finding, Locale } from '../rules/findings';
import type { DocumentModel, Range, Report } from '../model';
import type { Position } from '../text/lines';
import type { Format } from '../template';
import { clone, DocumentAnalysis, shiftInPlace, type EditResult, type Keep } from './analysis';

export interface ReportDocument {
  readonly text: string;
  readonly length: number;
  /** Report slots (at least one). */
  readonly count: number;
  /** The text as it is now, taken in O(reports) and joined only when called. */
  snapshot(): () => string;
  edit(start: number, end: number, insert: string): EditResult;
  positionAt(offset: number): Position;
  offsetAt(pos: Position): number;
  /** The slot holding an offset. */
  indexAt(offset: number): number;
  /** Where slot i starts. */
  startOf(i: number): number;
  /** Report i (a copy in document offsets), or null. */
  report(i: number): Report | null;
  /** Slot i holds a report (cheap: the report is not read for it). */
  hasReport(i: number): boolean;
  /** The format of report i, or null (kept with the report's outline until it is edited). */
  formatOf(i: number): Format | null;
  /** Report i as another report's last year (rules/check.ts `refOf`, its prose sketched), named
   *  `source`; null for a slot without a report. Kept with the report until it is edited, so that an
   *  edit elsewhere does not read it again; its ranges are the report's own (not the document's). */
  ref(i: number, source: string): ReportRef | null;
  model(): DocumentModel;
  looksLikeReport(): boolean;
  /** Findings of report i (computed once per change of that report). */
  findings(i: number, opts?: CheckOptions): Finding[];
  allFindings(opts?: CheckOptions): Finding[];
  /** The fingerprint of a finding of report i (as findings(i) returned it) that a reviewer's
   *  dismissal records (features/dismiss.ts); read from the report's own text, not the document's. */
  fingerprint(i: number, f: Finding): string;
  /** Drops the cached findings (settings or other documents changed). */
  invalidateFindings(): void;
  /** `year`: the year a skeleton's title writes (templateYear). */
  complete(offset: number, year?: number): CompletionEntry[];
  /** The fixes of one finding of report i (as findings(i) returned it), each tried before. */
  quickFixes(i: number, target: Finding, opts?: CheckOptions): Fix[];
  /** The safe fixes of report i as one batch; null when cancelled. */
  fixAll(i: number, opts?: CheckOptions, isCancelled?: () => boolean): TextEdit[] | null;
  hover(offset: number, locale?: Locale): { markdown: string; range: Range } | null;
  outline(i: number): OutlineNode | null;
  folding(i: number): Range[];
  inlayHints(i: number, from: number, to: number, opts?: CheckOptions): InlayHint[];
  /** Format Document for report i's text: verified edits, and the tables left alone (with why). A
   *  document read whole is formatted once, through its first slot. */
  format(i: number, layout: FormatLayout): { edits: TextEdit[]; refusals: Refusal[] };
}

/** `outline: false` (the command line): the reports need not keep their outline, folding ranges
 *  and format when they let go of their models (an editor asks for them after every edit).
 *  `transient` (the command line's check and tables): the document and the reports it hands out are
 *  dropped once read, so their strings need no copies of their own (see DocumentAnalysis). */
export function openDocument(text: string, o: { outline?: boolean; transient?: boolean } = {}): ReportDocument {
  return new Doc(text, o.outline ?? true, o.transient ?? false);
}

/** What each report keeps for the editor once it has let go of its model (DocumentAnalysis.letGo). */
const EDITOR_KEEPS: Keep = {
  outline: (r) => packOutline(outline(r)),
  folding: (r) => Int32Array.from(foldingRanges(r).flatMap((x) => [x.start, x.end])),
  format: (r) => r.format,
  // Another open document's cross-year check reads every report of this one (LSP DocumentStore
  // refsBeside): kept, a report let go is not read again for it (0.8 s for 5 MB).
  ref: (r, source) => refOf('', r, source),
};

/** A copy of v with every range moved by `by` (the features may hand back the model's own ranges). */
const shifted = <T>(v: T, by: number): T => {
  const c = clone(v);
  if (by) shiftInPlace(c, 0, by);
  return c;
};

class Doc implements ReportDocument {
  private a: DocumentAnalysis;

  constructor(text: string, outline: boolean, transient: boolean) {
    this.a = new DocumentAnalysis(text, outline ? EDITOR_KEEPS : {}, !transient);
  }

  get text(): string {
    return this.a.text;
  }
  get length(): number {
    return this.a.length;
  }
  get count(): number {
    return this.a.pieceCount;
  }
  snapshot(): () => string {
    return this.a.snapshot();
  }
  edit(start: number, end: number, insert: string): EditResult {
    return this.a.edit(start, end, insert);
  }
  positionAt(offset: number): Position {
    return this.a.positionAt(offset);
  }
  offsetAt(pos: Position): number {
    return this.a.offsetAt(pos);
  }
  indexAt(offset: number): number {
    return this.a.pieceIndexAt(offset);
  }
  startOf(i: number): number {
    return this.a.piece(i).start;
  }
  report(i: number): Report | null {
    return this.a.hasReport(i) ? this.a.report(i) : null;
  }
  hasReport(i: number): boolean {
    return this.a.hasReport(i);
  }
  formatOf(i: number): Format | null {
    return this.a.derived(i, 'format', (r) => r.format);
  }
  ref(i: number, source: string): ReportRef | null {
    const kept = this.a.derived(i, 'ref', EDITOR_KEEPS.ref!) as ReportRef | null;
    return kept && { ...kept, source };
  }
  model(): DocumentModel {
    return this.a.model();
  }
  looksLikeReport(): boolean {
    return this.a.looksLikeReport();
  }
  findings(i: number, opts: CheckOptions = {}): Finding[] {
    return this.a.findings(i, opts);
  }
  allFindings(opts: CheckOptions = {}): Finding[] {
    return this.a.allFindings(opts);
  }
  fingerprint(i: number, f: Finding): string {
    const p = this.a.piece(i);
    const range = { start: f.range.start - p.start, end: f.range.end - p.start };
    return fingerprintOf({ code: f.code, range }, p.source, p.report);
  }
  invalidateFindings(): void {
    this.a.invalidateFindings();
  }

  complete(offset: number, year?: number): CompletionEntry[] {
    const i = this.a.pieceIndexAt(offset);
    const p = this.a.piece(i);
    return complete(p.source, p.report, offset - p.start, year).map((c) => ({
      ...c,
      replaceStart: c.replaceStart + p.start,
    }));
  }

  quickFixes(i: number, target: Finding, opts: CheckOptions = {}): Fix[] {
    const p = this.a.piece(i);
    if (!p.report) return [];
    const local = this.a.localFindings(i, opts);
    // A document read whole is re-read whole when a fix is tried: it is compared with every finding.
    const before = this.a.readWhole ? this.a.allFindings(opts) : local;
    const s = target.range.start - p.start;
    const e = target.range.end - p.start;
    const message = JSON.stringify(target.message);
    const f = local.find(
      (x) =>
        x.code === target.code && x.range.start === s && x.range.end === e && JSON.stringify(x.message) === message,
    );
    if (!f) return [];
    return fixesFor(p.source, p.report, before, p.pinyin, [f], opts).map((fix) => ({
      ...fix,
      finding: target,
      edits: shifted(fix.edits, p.start),
    }));
  }

  fixAll(i: number, opts: CheckOptions = {}, isCancelled?: () => boolean): TextEdit[] | null {
    const p = this.a.piece(i);
    if (!p.report) return [];
    const edits = fixAll(
      p.source,
      p.report,
      this.a.localFindings(i, opts),
      p.pinyin,
      opts,
      isCancelled,
      this.a.readWhole ? this.a.allFindings(opts) : undefined,
    );
    return edits && shifted(edits, p.start);
  }

  hover(offset: number, locale: Locale = 'zh-CN'): { markdown: string; range: Range } | null {
    const i = this.a.pieceIndexAt(offset);
    const p = this.a.piece(i);
    if (!p.report) return null;
    const h = hover(p.report, offset - p.start, locale);
    return h && { markdown: h.markdown, range: { start: h.range.start + p.start, end: h.range.end + p.start } };
  }

  outline(i: number): OutlineNode | null {
    const packed = this.a.derived(i, 'outline', EDITOR_KEEPS.outline!) as PackedOutline | null;
    if (!packed) return null;
    const node = unpackOutline(packed);
    shiftInPlace(node, 0, this.a.piece(i).start);
    return node;
  }

  folding(i: number): Range[] {
    const packed = this.a.derived(i, 'folding', EDITOR_KEEPS.folding!) as Int32Array | null;
    const at = this.a.piece(i).start;
    const out: Range[] = [];
    for (let k = 0; packed && k < packed.length; k += 2) out.push({ start: packed[k]! + at, end: packed[k + 1]! + at });
    return out;
  }

  inlayHints(i: number, from: number, to: number, opts: CheckOptions = {}): InlayHint[] {
    const p = this.a.piece(i);
    if (!p.report) return [];
    return inlayHints(p.report, this.a.localFindings(i, opts), from - p.start, to - p.start).map((h) => ({
      ...h,
      offset: h.offset + p.start,
    }));
  }

  format(i: number, layout: FormatLayout): { edits: TextEdit[]; refusals: Refusal[] } {
    const p = this.a.piece(i);
    // formatText reads every report of its text: a document read whole is formatted once.
    if (!p.report || (i > 0 && p.start === this.a.piece(i - 1).start)) return { edits: [], refusals: [] };
    const r = formatText(p.source, layout, { atext: p.atext, reports: [p.report] });
    return { edits: shifted(r.edits, p.start), refusals: shifted(r.refusals, p.start) };
  }
}
