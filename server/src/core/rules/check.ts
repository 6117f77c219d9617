/**
 * Running the rules: a model in, findings out (per report, so that the language server can reuse
 * the findings of reports an edit did not touch).
 *
 * A rule that throws on odd input must not take the others down, nor pass unnoticed: the runner
 * keeps going and reports the error through the hook installed with `onRuleError` (the tests
 * install one that fails; the editor and the command line keep the default, which says nothing).
 */
import { isDismissed } from '../features/dismiss';
import type { Code, Finding, Severity } from './findings';
import type { DocumentModel, Report, Row, Table } from '../model';
import { own } from '../text/own';
import { RULE_LIST } from './index';
import { findTitle, htmlKind } from '../parse';
import { mapped } from '../parse/arrays';
import { ACTIVE_2021, TITLE_PATTERN } from '../template';
import { YEAR } from '../template/vocabulary';
import { analysisFragment, findPinyinAnnotations, isTraditional, readersOf, readsAs } from '../text/normalize';
import type { ReportRef, RuleContext, Rule } from './rule';
import { organIdentity, sameOrgan } from '../crossyear/identity';
import { proseSketches } from '../crossyear/shingles';

export interface CheckOptions {
  narrativeChecks?: boolean;
  /** Per-code severity; 'off' drops the code. */
  severity?: Partial<Record<Code, Severity | 'off'>>;
  /** Other reports (or a function giving them, called only if a rule asks: reading a workspace
   *  is not free). The list may hold the report checked itself; rules look reports up by organ and
   *  year through `reportsOf` (an index), never by scanning the list for every report. */
  others?: ReportRef[] | (() => ReportRef[]);
  /** Fingerprints of the findings a reviewer dismissed (features/dismiss.ts): left out. */
  dismissed?: ReadonlySet<string>;
}

export type RuleErrorHook = (code: string, error: unknown) => void;

let ruleErrorHook: RuleErrorHook = () => {};

/** Installs the hook told of every rule that throws; returns the one it replaces. */
export function onRuleError(hook: RuleErrorHook): RuleErrorHook {
  const before = ruleErrorHook;
  ruleErrorHook = hook;
  return before;
}

/** Runs `rules` on one report: each finding gets its rule's code and default severity. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) for (const f of runRule(rule, ctx)) out.push(f);
  return out;
}

function runRule(rule: Rule, ctx: RuleContext): Finding[] {
  let fs;
  try {
    fs = rule.check(ctx);
  } catch (e) {
    ruleErrorHook(rule.code, e);
    return [];
  }
  const out: Finding[] = [];
  for (const f of fs) {
    const one: Finding = { code: rule.code as Code, severity: rule.severity, range: f.range, message: f.message };
    if (f.data !== undefined) one.data = f.data;
    if (f.related?.length) one.related = f.related;
    out.push(one);
  }
  return out;
}

export function checkReport(
  text: string,
  source: string,
  model: DocumentModel,
  report: Report,
  opts: CheckOptions = {},
): Finding[] {
  return finishFindings(checkEach(text, source, model, report, opts), source, report, opts);
}

/**
 * The findings of each rule of RULE_LIST on one report, in that order, as the rule gives them (its
 * own severity, nothing dismissed): what the editor keeps per report, so that after a figure is
 * typed only the rules that read it run again. `reuse(j)`: rule j's findings to keep instead of
 * running it (null: run it).
 */
export function checkEach(
  text: string,
  source: string,
  model: DocumentModel,
  report: Report,
  opts: CheckOptions = {},
  reuse?: (j: number) => Finding[] | null,
): Finding[][] {
  let others: ReportRef[] | undefined;
  const ctx: RuleContext = {
    text,
    source,
    model,
    report,
    options: { narrativeChecks: opts.narrativeChecks !== false },
    // As given (not a copy without this report: that would cost every other report per report).
    get others(): ReportRef[] {
      return (others ??= typeof opts.others === 'function' ? opts.others() : (opts.others ?? NONE));
    },
  };
  return RULE_LIST.map((rule, j) => reuse?.(j) ?? runRule(rule, ctx));
}

/** checkEach's lists as one list of findings: severities as the user set them, dismissals left out. */
export function finishFindings(
  each: readonly Finding[][],
  source: string,
  report: Report,
  opts: CheckOptions,
): Finding[] {
  const all: Finding[] = [];
  for (const list of each) for (const f of list) all.push(f);
  const out = applySeverity(all, opts.severity);
  const dismissed = opts.dismissed;
  return dismissed?.size ? out.filter((f) => !isDismissed(f, source, report, dismissed)) : out;
}

const NONE: ReportRef[] = [];

/** The rows another report is compared by: table 二's 规章 and 行政规范性文件 (crossyear.current-documents)
 *  and table 三's 上年结转 and 结转下年度 (crossyear.carry-over). */
const COMPARED_ROWS: ReadonlySet<string> = new Set([
  ...ACTIVE_2021.captions[0]!.rows.map((r) => r.key),
  'carriedOver',
  'carriedForward',
]);

/** A table with only the compared rows, its strings its own (a slice of the text it was read from
 *  would keep all of that text alive); null when none of them is there. */
function compared(t: Table | null): Table | null {
  const rows: Row[] = [];
  for (const r of t?.rows ?? []) {
    if (!COMPARED_ROWS.has(r.key)) continue;
    // Written out in the parser's order (cells.ts toRowAs), without the split: one shape with
    // the rows the rules read (parse/arrays.ts).
    const row: Row = {
      key: r.key,
      label: own(r.label),
      labelRange: r.labelRange,
      numbering: own(r.numbering),
      cells: mapped(r.cells, (c) =>
        c.invalid === undefined
          ? { kind: c.kind, value: c.value, raw: own(c.raw), range: c.range }
          : { kind: c.kind, value: c.value, raw: own(c.raw), range: c.range, invalid: c.invalid },
      ),
      match: r.match,
    };
    if (r.displaced) row.displaced = true;
    rows.push(row);
  }
  return t && rows.length ? { ...t, rows, headerWords: [] } : null;
}

/** Another report as the cross-document rules read it, without the rest of its model: title,
 *  organ, year, the compared rows of tables 二 and 三, and (given the text it was read from) its
 *  prose sketched; no sections, notes or table 四, so that a workspace, an editor holding big
 *  documents or a command line of thousands of files keeps little of each: ~4.5 KB (most of it the
 *  compared rows' cells, two objects each) and ~1 KB of sketches, measured on the seeds. */
export function refOf(source: string, report: Report, text?: string): ReportRef {
  const t = report.tables.active;
  const slim: Report = {
    range: report.range,
    title: report.title && own(report.title),
    titleRange: report.titleRange,
    organ: report.organ && own(report.organ),
    year: report.year,
    format: report.format,
    formatEvidence: report.formatEvidence,
    sections: [],
    overviewHeadings: [],
    // Table 二 stays even without the compared rows: crossyear.current-documents asks for one.
    tables: {
      active: t && (compared(t) ?? { ...t, rows: [], headerWords: [] }),
      applications: compared(report.tables.applications),
      review: null,
    },
    notes: [],
  };
  const ref: ReportRef = { source, organ: slim.organ, year: report.year, report: slim };
  // With the report's text: its prose sketched too, for crossyear.copied-text.
  if (text !== undefined) ref.prose = proseSketches(text, report);
  return ref;
}

/** Reports by organ and year, built once per list and extended when the list grows (the command
 *  line appends the reports of each file it reads). */
interface ReportIndex {
  indexed: number;
  byKey: Map<string, ReportRef[]>;
}
const INDEXES = new WeakMap<readonly ReportRef[], ReportIndex>();
/** Bucketed by the organ's identity (crossyear/identity.ts), not its exact name. */
const keyOf = (organ: string, year: number) => `${year}\u0000${organIdentity(organ).key}`;

/** The reports of `organ` (the same organ however written: `sameOrgan`) for `year` among `others`,
 *  in their order: a map lookup, the list is read once whatever the number of reports checked. */
export function reportsOf(others: readonly ReportRef[], organ: string, year: number): readonly ReportRef[] {
  let index = INDEXES.get(others);
  if (!index || index.indexed > others.length) {
    index = { indexed: 0, byKey: new Map() };
    INDEXES.set(others, index);
  }
  for (; index.indexed < others.length; index.indexed++) {
    const r = others[index.indexed]!;
    const o = r.organ;
    const y = r.year;
    if (!o || y === null) continue;
    const k = keyOf(o, y);
    const list = index.byKey.get(k);
    if (list) list.push(r);
    else index.byKey.set(k, [r]);
  }
  const bucket = index.byKey.get(keyOf(organ, year));
  if (!bucket) return NONE;
  let same = true;
  for (const r of bucket) if (r.organ !== organ && !sameOrgan(organ, r.organ!)) same = false;
  return same ? bucket : bucket.filter((r) => r.organ === organ || sameOrgan(organ, r.organ!));
}

/** The key `reportsOf` files a report under. */
export const reportKey = (organ: string, year: number): string => keyOf(organ, year);

/** The key of a year whose organ is not known (a title inside a longer line). */
export const anyOrganKey = (year: number): string => `${year}\u0000*`;
const LINE_YEARS = new RegExp(`(\\d{4})${YEAR}`, 'g');

/**
 * The organ and year of every title line of a text, without reading its reports: a cheap sniff
 * whose keys include those of every report the text holds that another could be compared with
 * (such a report's organ and year come from its title line, or from a title split over two
 * lines); for a title inside a longer line (a copy that runs reports together), `anyOrganKey` of
 * each year of the line. `null` when the text cannot be sniffed so (HTML): any key may be there.
 */
export function titleKeys(source: string): Set<string> | null {
  if (htmlKind(source)) return null;
  let traditional: boolean | undefined;
  const keys = new Set<string>();
  const analysed = (from: number, to: number) => {
    traditional ??= isTraditional(source);
    const piece = source.slice(from, to);
    return analysisFragment(piece, traditional, findPinyinAnnotations(piece));
  };
  // Only a line with 年 is read, and only a line that may hold a title (with 年, 开 and 报 once
  // analysed), or one below such a line, is analysed (with the non-blank line above it, which may
  // hold the organ): not the whole text. Lines are those of the analysis text: a lone CR breaks a
  // line there as here, and a blank line is blank in both.
  const years = readsAs(YEAR);
  years.lastIndex = 0;
  for (let m = years.exec(source); m; m = years.exec(source)) {
    const pos = lineStart(source, m.index);
    const nl = lineEnd(source, m.index);
    years.lastIndex = nl;
    const prev = previousLine(source, pos);
    // A line that cannot be a title gives a key only as findTitle reads the line above it alone.
    if (!mayBeTitle(source, pos, nl) && (prev < 0 || !mayBeTitle(source, prev, lineEnd(source, prev)))) continue;
    const both = analysed(prev < 0 ? pos : prev, nl);
    const text = both.slice(pos - (prev < 0 ? pos : prev));
    const line = text.trim();
    if (!line.includes(YEAR)) continue;
    if (line.length > 80) {
      // A title run into a longer line (a copy without line breaks): its organ cannot be told
      // from here, its year is one of the line's.
      const compacted = line.replace(/\s+/g, '');
      if (TITLE_PATTERN.test(compacted)) for (const y of compacted.matchAll(LINE_YEARS)) keys.add(anyOrganKey(+y[1]!));
    } else {
      const t = findTitle(both, 0, both.length);
      if (t && t.organ && t.year !== null) keys.add(keyOf(t.organ, t.year));
    }
  }
  return keys;
}

/** Every word TITLE_PATTERN matches holds these, in this order (政府信息公开…年度报告, …工作年报). */
const TITLE_CHARS = ['开', '年', '报'];
let titleMask: Uint8Array | undefined;

/** Whether source[from, to) may hold a title once analysed: it holds characters read as each of
 *  TITLE_CHARS, in their order (one bit each in a table of every code unit). The analysis text
 *  reads each code unit where it stands, so a title's 开, 年 and 报 are such characters there. */
function mayBeTitle(source: string, from: number, to: number): boolean {
  if (!titleMask) {
    const mask = new Uint8Array(65536);
    TITLE_CHARS.forEach((ch, bit) => readersOf(ch).forEach((c) => (mask[c]! |= 1 << bit)));
    titleMask = mask;
  }
  let next = 0;
  for (let i = from; i < to; i++)
    if (titleMask[source.charCodeAt(i)]! & (1 << next) && ++next === TITLE_CHARS.length) return true;
  return false;
}

/** The start of the line holding offset `at` in a source text, where a lone CR still breaks a line
 *  (text/lines.ts lineStartAt reads an analysis text, where it has become LF). */
function lineStart(s: string, at: number): number {
  let i = at;
  while (i > 0 && s.charCodeAt(i - 1) !== 10 && s.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The end of the line holding offset `at` in a source text, before its break (CR or LF). */
function lineEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
  return i;
}

/** The start of the last non-blank line before the line starting at `pos`, or -1. */
function previousLine(s: string, pos: number): number {
  let end = pos;
  while (end > 0) {
    // step over the break before `end` (CRLF as one)
    end -= end >= 2 && s.charCodeAt(end - 1) === 10 && s.charCodeAt(end - 2) === 13 ? 2 : 1;
    const start = lineStart(s, end);
    if (s.slice(start, end).trim()) return start;
    end = start;
  }
  return -1;
}

export function applySeverity(findings: Finding[], severity: CheckOptions['severity']): Finding[] {
  if (!severity) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severity[f.code];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}

/** All findings of a document. `text` is the analysis text (`analyzedText`), `source` the document. */
export function checkDocument(text: string, source: string, model: DocumentModel, opts: CheckOptions = {}): Finding[] {
  return model.reports.flatMap((r) => checkReport(text, source, model, r, opts));
}
