/**
 * A document's analysis, kept up to date edit by edit.
 *
 * An edit inside the body of one section re-reads that section only; an edit that touches a header
 * line or a title re-reads its report; anything else (HTML, a change of script, a new report
 * boundary) re-reads the document. Reports after the edit are not touched: their offsets move by
 * a pending delta applied when they are next read (`report(i)`), so a keystroke costs the size of
 * one section, not of the document. Findings are kept per report for the same reason.
 */
import { checkReport, type CheckOptions } from './check';
import type { Finding } from './findings';
import type { DocumentModel, Range, Report } from './model';
import { analysisFragment, analysisText, findPinyinAnnotations, isTraditional } from './normalize';
import { headersIn, parse, parseReports, reparseSection } from './parse';
import { TITLE_PATTERN } from './template';

interface Slot {
  report: Report;
  /** Offset still to add to every range of `report` (and of `findings`). */
  pending: number;
  start: number;
  end: number;
  findings: Finding[] | null;
}

export type EditScope = 'section' | 'report' | 'document';

export interface EditResult {
  scope: EditScope;
  /** Index of the report that was re-read (section or report scope). */
  report: number;
}

/** Adds `delta` to every {start,end} (and fix-data `insertAt`) at or after `from`, in place. */
export function shiftInPlace(v: unknown, from: number, delta: number): void {
  if (!delta) return;
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (const y of x) if (y && typeof y === 'object') stack.push(y);
      continue;
    }
    if (!x || typeof x !== 'object') continue;
    const o = x as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if ((o.start as number) >= from) o.start = (o.start as number) + delta;
      if ((o.end as number) >= from) o.end = (o.end as number) + delta;
    }
    // Fix data carries bare offsets too.
    if (typeof o.insertAt === 'number' && (o.insertAt as number) >= from) o.insertAt = (o.insertAt as number) + delta;
    for (const k in o) {
      const y = o[k];
      if (y && typeof y === 'object') stack.push(y);
    }
  }
}

function lineStartOf(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}
function lineEndOf(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

export class DocumentAnalysis {
  private slots: Slot[] = [];
  private pinyin: Range[] = [];
  private traditional = false;
  private html = false;
  private error: string | undefined;
  text = '';
  /** The analysis text (see normalize.ts); equal in length to `text` unless the document is HTML. */
  atext = '';

  constructor(text: string) {
    this.reset(text);
  }

  private reset(text: string): void {
    this.text = text;
    const model = parse(text);
    this.html = model.html;
    this.traditional = model.traditional;
    this.pinyin = model.pinyin;
    this.error = model.error;
    this.atext = model.html ? text : analysisText(text).text;
    this.slots = model.reports.map((r) => ({ report: r, pending: 0, start: r.range.start, end: r.range.end, findings: null }));
  }

  get reportCount(): number {
    return this.slots.length;
  }

  /** Report i with its offsets up to date. */
  report(i: number): Report {
    const s = this.slots[i]!;
    if (s.pending) {
      shiftInPlace(s.report, 0, s.pending);
      if (s.findings) shiftInPlace(s.findings, 0, s.pending);
      s.pending = 0;
    }
    return s.report;
  }

  model(): DocumentModel {
    return {
      length: this.text.length,
      reports: this.slots.map((_, i) => this.report(i)),
      traditional: this.traditional,
      pinyin: this.pinyin,
      html: this.html,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Findings of report i (computed once per change of that report). */
  findings(i: number, opts: CheckOptions = {}): Finding[] {
    const r = this.report(i);
    const s = this.slots[i]!;
    if (!s.findings) {
      // The rules read only this report and the document-wide pinyin list.
      const model: DocumentModel = { length: this.text.length, reports: [r], traditional: this.traditional, pinyin: this.pinyin, html: this.html };
      s.findings = checkReport(this.atext, this.text, model, r, opts);
    }
    return s.findings;
  }

  /** Drops the cached findings (settings or other documents changed). */
  invalidateFindings(): void {
    for (const s of this.slots) s.findings = null;
  }

  allFindings(opts: CheckOptions = {}): Finding[] {
    return this.slots.flatMap((_, i) => this.findings(i, opts));
  }

  /** Which report holds an offset (binary search on the report starts). */
  reportAt(offset: number): number {
    let lo = 0;
    let hi = this.slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.slots[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Replaces text[start, end) with `insert`. */
  edit(start: number, end: number, insert: string): EditResult {
    const old = this.text;
    const text = old.slice(0, start) + insert + old.slice(end);
    const delta = insert.length - (end - start);
    const full = (): EditResult => {
      this.reset(text);
      return { scope: 'document', report: -1 };
    };
    if (this.html || this.error || !this.slots.length) return full();
    if (!this.traditional && isTraditional(insert + insert + insert)) return full();

    // The lines the edit touches, in the old text and in the new one.
    const ws = lineStartOf(old, start);
    const weOld = lineEndOf(old, end);
    const weNew = weOld + delta;
    const oldLines = this.atext.slice(ws, weOld);
    const newPiece = text.slice(ws, weNew);
    const piecePinyin = findPinyinAnnotations(newPiece);
    const keepUntoned = this.pinyin.some((p) => p.end <= ws || p.start >= weOld);
    const pinyinNew = keepUntoned ? piecePinyin : piecePinyin.filter((p) => /[^\x00-\x7f（）]/.test(newPiece.slice(p.start + 1, p.end - 1)));
    const atext = this.atext.slice(0, ws) + analysisFragment(newPiece, this.traditional, pinyinNew) + this.atext.slice(weOld);
    const pinyin = [
      ...this.pinyin.filter((p) => p.end <= ws),
      ...pinyinNew.map((p) => ({ start: p.start + ws, end: p.end + ws })),
      ...this.pinyin.filter((p) => p.start >= weOld).map((p) => ({ start: p.start + delta, end: p.end + delta })),
    ];

    const i = this.reportAt(start);
    const slot = this.slots[i]!;
    const last = i === this.slots.length - 1;
    // An edit reaching the next report's first line may move its boundary: re-read everything.
    if (start < slot.start || (end >= slot.end && !last)) return full();
    this.text = text;
    this.atext = atext;
    this.pinyin = pinyin;
    const report = this.report(i);
    // Reports after the edit move by delta, lazily.
    for (let j = i + 1; j < this.slots.length; j++) {
      const s = this.slots[j]!;
      s.pending += delta;
      s.start += delta;
      s.end += delta;
    }
    slot.findings = null;

    const touchesHeaders = headersIn(old, ws, weOld) > 0 || headersIn(atext, ws, weNew) > 0 || TITLE_PATTERN.test(oldLines.replace(/\s+/g, '')) || TITLE_PATTERN.test(newPiece.replace(/\s+/g, ''));
    const si = report.sections.findIndex((s) => s.headerRange.end <= start && end < s.range.end);
    if (!touchesHeaders && si >= 0 && start >= report.sections[0]!.headerRange.start) {
      shiftInPlace(report, end, delta);
      // An insertion at the very end of the section belongs to it.
      const sec = report.sections[si]!;
      if (sec.range.end < end + delta) sec.range.end = end + delta;
      if (reparseSection(atext, report, si)) {
        slot.end = report.range.end;
        return { scope: 'section', report: i };
      }
    }
    // Re-read the report alone; if it no longer reads as one report, the whole document.
    const from = slot.start;
    const to = last ? atext.length : slot.end + delta;
    const again = parseReports(atext, from, to);
    if (again.length !== 1) return full();
    slot.report = again[0]!;
    slot.pending = 0;
    slot.end = to;
    slot.report.range.end = Math.max(slot.report.range.end, to);
    return { scope: 'report', report: i };
  }
}
