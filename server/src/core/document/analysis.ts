/**
 * A document's analysis, kept up to date edit by edit.
 *
 * The document is held as pieces, one per report (the first piece also holds whatever comes before
 * the first report). Each piece keeps its own text, analysis text, line starts, report and findings,
 * all in coordinates local to the piece. An edit inside a piece costs the size of that piece:
 * inside a section's body it re-reads that section; touching a header or title it re-reads the
 * report; anything reaching across reports (or HTML, or a change of script) re-reads the document.
 * The pieces after the edit only have their start offset and first line moved.
 */
import { checkEach, checkReport, finishFindings, type CheckOptions } from '../rules/check';
import { RULE_LIST } from '../rules';
import type { Finding } from '../rules/findings';
import type { DocumentModel, ParseNote, Range, Report, Row } from '../model';
import {
  analysisFragment,
  analysisText,
  findPinyinAnnotations,
  isTraditional,
  scriptMayChange,
  type PinyinAnnotation,
} from '../text/normalize';
import { headersIn, htmlKind, parseAnalysed, parseReports, reparseSection, tableAnchors } from '../parse';
import { patchNumber, sameShape, shiftTokens } from '../parse/tables';
import type { StreamResult, Token } from '../parse/tokenize';
import type { TableKind } from '../template';
import { TITLE_PATTERN } from '../template';
import { sectionTable } from '../template/vocabulary';
import { countLines, lastAtOrBefore, lineEndAt, LineIndex, lineStartAt, num, type Position } from '../text/lines';
import { clone, ownStrings, shiftInPlace } from './shift';
import { own } from '../text/own';
import { hasNumeral, isLineStart, mayBeHtml, sameBoundary } from './boundaries';
export { clone, shiftInPlace } from './shift';

interface Piece {
  source: string;
  /** Analysis text of the piece (same length as source), while kept: read it through `atextOf`,
   *  which derives it again from the source when it was let go (see `keptAtext`). */
  atext: string | null;
  /** `atext` is still a slice of the whole document's analysis text, which it would keep alive:
   *  `atextOf` gives it its own copy when the piece is kept. */
  sliced: boolean;
  /** Lines of the piece, in local offsets. */
  lines: LineIndex;
  /** Local coordinates; null only in a document without reports. Undefined once let go: a piece
   *  lets its report go with its analysis text, and `reportOf` reads it again from the piece (a
   *  piece reads as exactly the report the whole document gave it: incremental.test.ts checks it). */
  report: Report | null | undefined;
  /** The report was handed out as it is (`report`, a piece at offset 0): an edit copies it before
   *  changing it in place, so what was handed out never changes. */
  lent: boolean;
  pinyin: Range[];
  findings: Finding[] | null;
  /** Tokens of the tables edited since the report was last read whole (parse/tables/stream.ts), in
   *  local offsets: a figure typed inside a number re-reads its table from them. */
  streams: Partial<Record<TableKind, StreamResult>>;
  /** Each rule's findings as last computed (checkEach, local offsets), and the tables whose figures
   *  changed since (by figure edits only): rules that declare they read none of those keep theirs. */
  each: Finding[][] | null;
  figuresChanged: TableKind[];
  /** What the features made of the report (`derived`), kept until the piece is edited. */
  derived: Map<string, unknown>;
}

/** A copy of findings with the offsets at or after `from` moved by `delta` (the kept lists may be
 *  held by whoever asked for the findings before). */
function shifted(list: Finding[], from: number, delta: number): Finding[] {
  const c = clone(list);
  shiftInPlace(c, from, delta);
  return c;
}

export type EditScope = 'section' | 'report' | 'document';

export interface EditResult {
  scope: EditScope;
  /** Index of the report re-read (section or report scope). */
  report: number;
  /** Lines added (negative: removed) by the edit. */
  lineDelta: number;
}

export type { Position };

/** How many pieces keep their analysis text and report (DocumentAnalysis.atextOf). */
const KEEP = 4;

const isBreak = (c: number) => c === 10 || c === 13;

/** What a piece keeps of its report when it lets it go (`derived`), by key. */
export type Keep = Record<string, (r: Report, source: string) => unknown>;

/**
 * The analysis text and pinyin of a piece after an edit, normalised again on the edited lines only:
 * the analysis text is line-local (characters map one by one, a phrase or an annotation never spans
 * a line break, a CR looks at the one character after it), so the lines around [s, insEnd) of the
 * new source, their line break included, are read again and the rest of the old text kept.
 */
function renormalize(
  old: { atext: string; pinyin: Range[] },
  source: string,
  s: number,
  insEnd: number,
  delta: number,
  traditional: boolean,
): { atext: string; pinyin: Range[] } {
  let ws = s;
  for (;;) {
    while (ws > 0 && !isBreak(source.charCodeAt(ws - 1))) ws--;
    // A CR before the line may have become half of a CRLF: its line is read again too.
    if (ws > 0 && source.charCodeAt(ws - 1) === 13) ws--;
    else break;
  }
  let we = insEnd;
  while (we < source.length && !isBreak(source.charCodeAt(we))) we++;
  if (we < source.length) we += source.charCodeAt(we) === 13 && source.charCodeAt(we + 1) === 10 ? 2 : 1;
  const oldEnd = we - delta;
  const pinyin: Range[] = [];
  for (const a of old.pinyin) if (a.end <= ws) pinyin.push(a);
  const slice = source.slice(ws, we);
  const local = findPinyinAnnotations(slice);
  for (const a of local) pinyin.push({ start: a.start + ws, end: a.end + ws });
  for (const a of old.pinyin) if (a.start >= oldEnd) pinyin.push({ start: a.start + delta, end: a.end + delta });
  const atext = old.atext.slice(0, ws) + analysisFragment(slice, traditional, local) + old.atext.slice(oldEnd);
  return { atext, pinyin };
}

const heldRow = (x: Row) => !!x.key && x.cells.some((c) => c.kind === 'number');

/** A report that shows as one (looksLikeReport). */
function shows(r: Report | null, atext: () => string | null): boolean {
  if (!r) return false;
  let tables = 0;
  for (const t of Object.values(r.tables)) if (t && (t.headerWords.length || t.rows.some(heldRow))) tables++;
  if (tables >= 2) return true;
  if (r.sections.length < 2) return false;
  const a = tables >= 1 ? null : atext();
  return tables >= 1 || (a !== null && tableAnchors(a, r.range.start, r.range.end).length > 0);
}

export class DocumentAnalysis {
  private pieces: Piece[] = [];
  /** Absolute start offset of each piece. */
  private starts: number[] = [];
  /** First line (0-based) of each piece. */
  private lineBases: number[] = [];
  private traditional = false;
  /** HTML, an internal parser error, or reports that start inside a line (a one-line copy): the
   *  whole document is read at once, no local re-reads, model in document offsets. */
  private whole: DocumentModel | null = null;
  private wholeText = '';
  /** The analysis text of the whole document (of the HTML itself for an HTML document). */
  private wholeAtext = '';
  private wholeFindings: (Finding[] | null)[] | null = null;
  private wholeLines = new LineIndex('');
  /** The pieces whose analysis text and report are kept, most recently used last. The others let
   *  them go once checked: kept for every piece, the analysis texts would double the memory the text
   *  takes, and the reports (a cell is ~100 bytes) triple it. */
  private kept: Piece[] = [];

  /** `keep`: what each piece keeps of its report when it lets it go (the editor's outline, folding
   *  ranges: asked for every report after each edit, they would read every report again).
   *  `owns`: the reports' strings and the pieces' analysis texts get copies of their own (`own`),
   *  so that a report or piece kept does not keep the whole text it was cut from alive; a document
   *  read once and dropped (the command line) skips the copies. */
  constructor(
    text: string,
    private readonly keep: Keep = {},
    private readonly owns = true,
  ) {
    this.reset(text);
  }

  /** A piece lets go of its analysis text and its report (and the tokens kept with the report),
   *  first keeping what `keep` and `looksLikeReport` take from them; both are read again from its
   *  source when asked for. A report handed out stays with whoever holds it. */
  private letGo(p: Piece): void {
    if (p.report) {
      for (const [key, f] of Object.entries(this.keep)) this.kept_(p, key, () => f(p.report!, p.source));
      this.looks(p);
      p.report = undefined;
      p.streams = {};
      p.lent = false;
    }
    p.atext = null;
  }

  private reset(text: string): void {
    // The text is normalised once: the pieces slice the parser's analysis text and pinyin.
    const { model, at } = parseAnalysed(text);
    this.traditional = model.traditional;
    this.whole = null;
    this.wholeFindings = null;
    this.kept = [];
    // Pieces are cut at line starts only; a report that starts inside a line keeps the document whole.
    const midLine = model.reports.some((r, i) => i > 0 && r.range.start > 0 && !isLineStart(text, r.range.start));
    if (model.html || model.error || midLine) {
      this.whole = model;
      this.wholeText = text;
      this.wholeAtext = analysisText(text).text;
      this.wholeLines = new LineIndex(text);
      this.pieces = [];
      this.starts = [];
      this.lineBases = [];
      return;
    }
    const cuts = model.reports.map((r, i) => (i === 0 ? 0 : r.range.start));
    if (!cuts.length) cuts.push(0);
    this.pieces = [];
    this.starts = [];
    this.lineBases = [];
    let line = 0;
    let k = 0;
    cuts.forEach((start, i) => {
      const end = cuts[i + 1] ?? text.length;
      const source = text.slice(start, end);
      let pinyin: PinyinAnnotation[];
      let atext: string;
      let sliced = false;
      if (at) {
        // Cuts are line starts, and an annotation never spans a line: each is in one piece.
        pinyin = [];
        while (k < at.pinyin.length && at.pinyin[k]!.start < end) {
          const a = at.pinyin[k++]!;
          pinyin.push({ start: a.start - start, end: a.end - start });
        }
        atext = at.text.slice(start, end);
        // The piece that is the whole text has the whole analysis text itself, no slice of it.
        sliced = end - start < at.text.length;
      } else {
        pinyin = findPinyinAnnotations(source);
        atext = analysisFragment(source, this.traditional, pinyin);
      }
      const lines = new LineIndex(source);
      const report = model.reports[i] ?? null;
      if (report) {
        shiftInPlace(report, 0, -start);
        if (this.owns) ownStrings(report);
      }
      this.pieces.push({
        source,
        atext,
        sliced,
        lines,
        report,
        lent: false,
        pinyin,
        findings: null,
        streams: {},
        each: null,
        figuresChanged: [],
        derived: new Map(),
      });
      this.starts.push(start);
      this.lineBases.push(line);
      line += lines.lineCount - 1;
    });
  }

  get text(): string {
    return this.whole ? this.wholeText : this.pieces.map((p) => p.source).join('');
  }

  /** The document's text in [start, end). */
  slice(start: number, end: number): string {
    if (this.whole || start >= end) return this.wholeText.slice(start, end);
    const i = this.pieceAt(start);
    const p = this.pieces[i]!;
    const s = start - this.starts[i]!;
    if (end - this.starts[i]! <= p.source.length) return p.source.slice(s, end - this.starts[i]!);
    return this.text.slice(start, end);
  }

  /** The text as it is now, taken in O(pieces) and joined only when called. */
  snapshot(): () => string {
    if (this.whole) {
      const t = this.wholeText;
      return () => t;
    }
    const parts = this.pieces.map((p) => p.source);
    return () => parts.join('');
  }

  get length(): number {
    if (this.whole) return this.wholeText.length;
    const last = this.pieces.length - 1;
    return this.starts[last]! + this.pieces[last]!.source.length;
  }

  /** Read whole (HTML, a parser error, reports inside a line): no piece of its own per report. */
  get readWhole(): boolean {
    return this.whole !== null;
  }

  /** Pieces (one per report; at least one): the unit of findings and of re-reading. A whole
   *  document has one piece per report too, each spanning the whole text. */
  get pieceCount(): number {
    return this.whole ? Math.max(1, this.whole.reports.length) : this.pieces.length;
  }

  /** Some report of the document has two tables, or two sections and a table or a table's caption. */
  looksLikeReport(): boolean {
    // Section names alone (a notice or a README listing them) are no report. A table counts when it
    // holds a header word or a template row with a figure; two sections need one, or a line that
    // begins one (table 二's caption, table 三's corner note: a report cut short after them).
    if (this.whole) return this.whole.reports.some((r) => shows(r, () => null));
    return this.pieces.some((p) => this.looks(p));
  }

  /** Kept with the piece (letGo keeps it): the analysis text is read without making the piece one
   *  of the kept ones (letGo may be letting it go). */
  private looks(p: Piece): boolean {
    const atext = () => p.atext ?? analysisFragment(p.source, this.traditional, p.pinyin);
    return this.kept_(p, 'looks', () => shows(this.reportOf(p), atext));
  }

  get reportCount(): number {
    if (this.whole) return this.whole.reports.length;
    return this.pieces.filter((p) => p.report !== null).length;
  }

  /** How many pieces hold their report now (at most a few once checked; tests and the bench). */
  get heldReports(): number {
    if (this.whole) return this.whole.reports.length;
    return this.pieces.filter((p) => p.report).length;
  }

  /** Piece i holds a report (without reading it again when it was let go). */
  hasReport(i: number): boolean {
    if (this.whole) return !!this.whole.reports[i];
    const p = this.pieces[i];
    return !!p && p.report !== null;
  }

  /** What `f` makes of report i in its piece's coordinates, kept until the piece is edited (the
   *  outline, folding ranges and format of every report are asked for after each edit: a piece that
   *  let its report go is not read again for them). Null for a slot without a report. */
  derived<T>(i: number, key: string, f: (r: Report, source: string) => T): T | null {
    if (this.whole) {
      const r = this.whole.reports[i];
      return r ? f(r, this.wholeText) : null;
    }
    const p = this.pieces[i]!;
    if (p.report === null) return null;
    return this.kept_(p, key, () => f(this.reportOf(p)!, p.source));
  }

  private kept_<T>(p: Piece, key: string, f: () => T): T {
    if (p.derived.has(key)) return p.derived.get(key) as T;
    const v = f();
    p.derived.set(key, v);
    return v;
  }

  /** The report of piece p, read again from the piece if it was let go. */
  private reportOf(p: Piece): Report | null {
    if (p.report !== undefined) return p.report;
    const atext = this.atextOf(p);
    return (p.report = parseReports(atext, 0, atext.length)[0] ?? null);
  }

  /** Report i in document offsets, which never changes afterwards: the piece's own report when its
   *  offsets are the document's (copied by the next edit that changes it), else a copy. */
  report(i: number): Report {
    if (this.whole) return this.whole.reports[i]!;
    const p = this.pieces[i]!;
    const report = this.reportOf(p)!;
    if (this.starts[i] === 0) {
      p.lent = true;
      return report;
    }
    const r = clone(report);
    shiftInPlace(r, 0, this.starts[i]!);
    return r;
  }

  model(): DocumentModel {
    if (this.whole) return this.whole;
    const reports: Report[] = [];
    const pinyin: Range[] = [];
    this.pieces.forEach((p, i) => {
      if (p.report !== null) reports.push(this.report(i));
      for (const a of p.pinyin) pinyin.push({ start: a.start + this.starts[i]!, end: a.end + this.starts[i]! });
    });
    return { length: this.length, reports, traditional: this.traditional, pinyin, html: false };
  }

  /** Findings of report i, in document offsets (computed once per change of that report). */
  findings(i: number, opts: CheckOptions = {}): Finding[] {
    const local = this.localFindings(i, opts);
    // The first report's offsets are the document's: its findings as they are (never changed once
    // made, so that a finding kept across an edit is the same object: lsp/documents.ts).
    if (this.whole || this.starts[i] === 0) return local;
    const out = clone(local);
    shiftInPlace(out, 0, this.starts[i]!);
    return out;
  }

  /** Findings of report i in coordinates local to its piece, with the piece's position mapping. */
  localFindings(i: number, opts: CheckOptions = {}): Finding[] {
    if (this.whole) {
      const w = this.whole;
      if (!this.wholeFindings) this.wholeFindings = w.reports.map(() => null);
      const r = w.reports[i];
      if (!r) return [];
      return (this.wholeFindings[i] ??= checkReport(this.wholeAtext, this.wholeText, w, r, opts));
    }
    const p = this.pieces[i]!;
    if (!p.findings) {
      const report = this.reportOf(p);
      if (!report) return (p.findings = []);
      const model: DocumentModel = {
        length: p.source.length,
        reports: [report],
        traditional: this.traditional,
        pinyin: p.pinyin,
        html: false,
      };
      const prev = p.each;
      const changed = p.figuresChanged;
      const reuse = prev
        ? (j: number) => {
            const reads = RULE_LIST[j]!.figures;
            return reads && !reads.some((k) => changed.includes(k)) ? prev[j]! : null;
          }
        : undefined;
      p.each = checkEach(this.atextOf(p), p.source, model, report, opts, reuse);
      p.figuresChanged = [];
      p.findings = finishFindings(p.each, p.source, report, opts);
      // A piece checked on opening lets go of the analysis text it was given (a slice of the whole)
      // and of its report.
      if (!this.kept.includes(p)) this.letGo(p);
    }
    return p.findings;
  }

  /** Position of a local offset of piece i. */
  localPosition(i: number, offset: number): Position {
    if (this.whole) return this.wholeLines.positionAt(offset);
    const p = this.pieces[i]!.lines.positionAt(offset);
    return { line: this.lineBases[i]! + p.line, character: p.character };
  }

  positionAt(offset: number): Position {
    if (this.whole) return this.localPosition(0, offset);
    const i = this.pieceAt(offset);
    return this.localPosition(i, offset - this.starts[i]!);
  }

  offsetAt(pos: Position): number {
    if (this.whole) return this.wholeLines.offsetAt(pos);
    const lo = lastAtOrBefore(this.lineBases, pos.line, num);
    const p = this.pieces[lo]!;
    const l = pos.line - this.lineBases[lo]!;
    if (l >= p.lines.lineCount) return this.length;
    return this.starts[lo]! + p.lines.offsetAt({ line: l, character: pos.character });
  }

  /** The piece holding a document offset. */
  pieceIndexAt(offset: number): number {
    if (this.whole)
      return this.whole.reports.length ? lastAtOrBefore(this.whole.reports, offset, (r) => r.range.start) : 0;
    return this.pieceAt(offset);
  }

  /** Piece i as the features read it: its text, analysis text, report and pinyin in local offsets,
   *  and where it starts in the document. */
  piece(i: number): { start: number; source: string; atext: string; report: Report | null; pinyin: Range[] } {
    if (this.whole)
      return {
        start: 0,
        source: this.wholeText,
        atext: this.wholeAtext,
        report: this.whole.reports[i] ?? null,
        pinyin: this.whole.pinyin,
      };
    const p = this.pieces[i]!;
    const atextOf = () => this.atextOf(p);
    const reportOf = () => this.reportOf(p);
    return {
      start: this.starts[i]!,
      source: p.source,
      get atext() {
        return atextOf();
      },
      get report() {
        return reportOf();
      },
      pinyin: p.pinyin,
    };
  }

  /** The analysis text of piece p, derived again from its source if it was let go; the last few
   *  pieces asked for keep theirs, and their reports (a piece being edited is asked on every
   *  keystroke). */
  private atextOf(p: Piece): string {
    const kept = this.kept;
    const k = kept.indexOf(p);
    if (k >= 0) {
      if (k !== kept.length - 1) kept.push(kept.splice(k, 1)[0]!);
    } else {
      // A piece not yet checked still holds a slice of the whole analysis text: kept, it gets its own.
      if (p.atext === null) p.atext = analysisFragment(p.source, this.traditional, p.pinyin);
      else if (p.sliced && this.owns) p.atext = own(p.atext);
      p.sliced = false;
      kept.push(p);
      if (kept.length > KEEP) this.letGo(kept.shift()!);
    }
    return p.atext!;
  }

  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset, num);
  }

  /** Drops the cached findings (settings or other documents changed). */
  invalidateFindings(): void {
    this.wholeFindings = null;
    for (const p of this.pieces) {
      p.findings = null;
      p.each = null;
      p.figuresChanged = [];
    }
  }

  allFindings(opts: CheckOptions = {}): Finding[] {
    const out: Finding[] = [];
    for (let i = 0; i < this.pieceCount; i++) for (const f of this.findings(i, opts)) out.push(f);
    return out;
  }

  /** Replaces [start, end) with `insert` (document offsets). */
  edit(start: number, end: number, insert: string): EditResult {
    const full = (): EditResult => {
      const text = this.text;
      const next = text.slice(0, start) + insert + text.slice(end);
      const lineDelta = countLines(next) - countLines(text);
      this.reset(next);
      return { scope: 'document', report: -1, lineDelta };
    };
    if (this.whole || !this.pieces.length) return full();
    // Adding characters of the other script, or removing its own, may change the script the whole
    // document is read in (typing Simplified into a Simplified document never does).
    if (scriptMayChange(this.traditional, insert, this.slice(start, end))) {
      const text = this.text;
      if (isTraditional(text.slice(0, start) + insert + text.slice(end)) !== this.traditional) return full();
    }
    const i = this.pieceAt(start);
    const p = this.pieces[i]!;
    const base = this.starts[i]!;
    const last = i === this.pieces.length - 1;
    const s = start - base;
    const e = end - base;
    // An edit reaching into the next piece, or removing this piece's last line break, may move a
    // report boundary.
    if (e > p.source.length || (!last && e === p.source.length && e > s)) return full();
    // A line break typed right after the previous piece's lone CR joins it into one CRLF.
    if (s === 0 && i > 0 && this.pieces[i - 1]!.source.endsWith('\r')) return full();
    // Text that makes the document HTML (a pasted table, or `<tab|le>` completed) re-reads it all.
    if (mayBeHtml(p.source, s, e, insert) && htmlKind(this.text.slice(0, start) + insert + this.text.slice(end)))
      return full();

    const delta = insert.length - (e - s);
    const source = p.source.slice(0, s) + insert + p.source.slice(e);
    const oldAtext = this.atextOf(p);
    // read before the piece changes, from the text it was read from
    this.reportOf(p);
    const { atext, pinyin } = renormalize(
      { atext: oldAtext, pinyin: p.pinyin },
      source,
      s,
      s + insert.length,
      delta,
      this.traditional,
    );
    const newLines = p.lines.edited(source, s, e, insert.length);
    const lineDelta = newLines.lineCount - p.lines.lineCount;
    p.source = source;
    p.atext = atext;
    p.pinyin = pinyin;
    p.lines = newLines;
    p.findings = null;
    p.derived = new Map();
    const each = p.each;
    p.each = null;
    for (let j = i + 1; j < this.pieces.length; j++) {
      this.starts[j]! += delta;
      this.lineBases[j]! += lineDelta;
    }
    const result = (scope: EditScope): EditResult => ({ scope, report: i, lineDelta });

    if (p.lent && p.report) p.report = clone(p.report);
    p.lent = false;
    const report = p.report;
    if (report) {
      const ws = lineStartAt(oldAtext, s);
      const weOld = lineEndAt(oldAtext, e);
      const weNew = weOld + delta;
      const touchesHeaders =
        headersIn(oldAtext, ws, weOld) > 0 ||
        headersIn(atext, ws, weNew) > 0 ||
        TITLE_PATTERN.test(oldAtext.slice(ws, weOld).replace(/\s+/g, '')) ||
        TITLE_PATTERN.test(atext.slice(ws, weNew).replace(/\s+/g, ''));
      const si = report.sections.findIndex((x) => x.headerRange.end <= s && e < x.range.end);
      if (!touchesHeaders && si >= 0) {
        shiftInPlace(report, e, delta);
        const sec = report.sections[si]!;
        if (sec.range.end < e + delta) sec.range.end = e + delta;
        // The tables' kept tokens follow the edit: moved, or in the edited table changed where only
        // a number's digits changed, else dropped (the section is tokenized again).
        const edited = sectionTable(sec.number);
        let patched: Token | undefined;
        for (const k of Object.keys(p.streams) as TableKind[]) {
          const stream = p.streams[k]!;
          if (k !== edited) shiftTokens(stream, e, delta);
          else patched = patchNumber(stream, atext, s, e, insert.length) ?? undefined;
          if (k === edited && !patched) delete p.streams[k];
        }
        // The table and its notes as they were (a section read again gets new ones).
        const tableBefore = edited ? report.tables[edited] : null;
        const notesBefore = report.notes;
        const notesOf = (notes: readonly ParseNote[]) => notes.filter((n) => n.table === edited);
        const read = reparseSection(atext, report, si, p.streams, patched);
        if (read) {
          // Only a figure changed, and the table reads as it did but for its values ('cell': only
          // that number's cell was made again): the rules that do not read that table's figures
          // keep their findings.
          if (
            patched &&
            each &&
            (read === 'cell' ||
              sameShape(tableBefore, report.tables[edited!], notesOf(notesBefore), notesOf(report.notes)))
          ) {
            p.each = each.map((list) => (delta && list.length ? shifted(list, e, delta) : list));
            if (!p.figuresChanged.includes(edited!)) p.figuresChanged.push(edited!);
          }
          return result('section');
        }
        p.report = null;
      }
    }
    // Re-read the piece's report alone; if it no longer reads as one report, the document.
    const again = parseReports(atext, 0, atext.length);
    // The piece must still read as one report that keeps both its boundaries: a later report starts
    // at a 一、 header, and only after a report that reached section 二 or later.
    // A report starts at its title's line, or without a title at its first header's line.
    const one = again.length === 1 ? again[0]! : null;
    const startsAt = one && lineStartAt(atext, (one.titleRange ?? one.sections[0]?.headerRange ?? { start: 0 }).start);
    const first = one?.sections[0];
    const keepsStart = !one || i === 0 || (startsAt === 0 && first?.number === 1 && hasNumeral(first));
    // The next report keeps its start: this one reaches section 二 (a header with its numeral; one
    // without does not start a report), and a whole read finds the next report's start and title
    // where they are.
    const next = last ? null : this.pieces[i + 1]!;
    const tail = one?.sections[one.sections.length - 1]?.headerRange.end ?? 0;
    const keepsEnd =
      !one ||
      !next ||
      (one.sections.some((x) => x.number >= 2 && hasNumeral(x)) &&
        sameBoundary(atext, tail, { atext: this.atextOf(next), report: this.reportOf(next) }));
    if (!one || !keepsStart || !keepsEnd) {
      const text = this.pieces.map((x) => x.source).join('');
      this.reset(text);
      return { scope: 'document', report: -1, lineDelta };
    }
    p.report = again[0]!;
    p.streams = {};
    return result('report');
  }
}
