/**
 * `check` and `tables` over the inputs, one file at a time (issue 12): a file is read, opened,
 * checked, written out and dropped before the next is read, so memory holds one file's model and,
 * for the cross-year check, a small record of every report seen (core `refOf`), looked up by organ
 * and year (core `reportsOf`). `check` first sniffs every file's title (`sniffAll`); the texts it
 * read are kept for the run up to KEPT_CHARS characters in all, so that a file is read once.
 *
 * The cross-year check compares a report with the first report of its organ for the year before,
 * in input order, as if every input were known at once. A file whose reports find last year's
 * among the files read so far is final at once. One whose last year may still come (a later file)
 * waits: it is read and checked again once every year it waits for has come, or at the end; the
 * output of the files after it is kept (as text) until then, so the output keeps the input order.
 */
import {
  normalizeReport,
  openDocument,
  anyOrganKey,
  refOf,
  reportKey,
  reportsOf,
  titleKeys,
  toCsv,
  toMarkdown,
  type Finding,
  type Locale,
  type Message,
  type Position,
  type Report,
  type ReportDocument,
  type ReportRef,
} from '../core';
import { extname } from 'node:path';
import { isBinaryReport } from '../readers';
import type { Dismissals } from './dismissals';
import { fileStamp } from '../node/files';
import { read, type Entry, type Input, type Note, type Plan } from './inputs';
import {
  count,
  jsonOf,
  JsonArrayWriter,
  noCounts,
  sarifLog,
  sarifOf,
  textOf,
  textTotal,
  attentionList,
  type Attention,
  type Checked,
  type Counts,
} from './output';

export type Command = 'check' | 'tables' | 'review';

interface Item {
  path: string;
  text: string;
  doc: ReportDocument | null;
  reports: Report[];
  /** The report of each of the document's slots (null: a slot without one). */
  slots: (Report | null)[];
  /** The input holds no report: why (a report.not-found finding). */
  notFound?: Message;
}

/** An input → the file of the output, or null (a file found in a walk without a report: a note).
 *  `transient`: the file's document and reports are dropped once it is written out (check, tables;
 *  review keeps every file's reports for its dashboard). */
function itemOf(input: Input, note: Note, transient: boolean): Item | null {
  if (input.text === null)
    return { path: input.path, text: '', doc: null, reports: [], slots: [], notFound: input.reason };
  // Every file is read the way the editor reads it: through the core's document.
  const doc = openDocument(input.text, { outline: false, transient });
  const reports: Report[] = [];
  const slots: (Report | null)[] = [];
  for (let i = 0; i < doc.count; i++) {
    const r = doc.report(i);
    slots.push(r);
    if (r) reports.push(r);
  }
  const text = input.text;
  if (reports.length) return { path: input.path, text, doc, reports, slots };
  if (input.named)
    return { path: input.path, text, doc, reports: [], slots, notFound: { id: 'report.not-found.none' } };
  note(input.path, { id: 'cli.skipped-none' });
  return null;
}

const nowhere = { positionAt: (o: number): Position => ({ line: 0, character: o }) };

/** The findings shown of a file, from the findings of each of its slots (cli/dismissals.ts). */
type Keep = (item: Item, slots: { report: Report | null; findings: Finding[] }[]) => Finding[];

function checked(item: Item, refs: ReportRef[], keep: Keep): Checked {
  const doc = item.doc;
  if (!doc || item.notFound) {
    const f: Finding = {
      code: 'report.not-found',
      severity: 'error',
      range: { start: 0, end: 0 },
      message: item.notFound ?? { id: 'report.not-found.none' },
    };
    const at = doc ?? nowhere;
    return { path: item.path, reports: [], findings: [f], pos: (o) => at.positionAt(o) };
  }
  const slots = item.slots.map((report, i) => ({ report, findings: doc.findings(i, { others: refs }) }));
  return {
    path: item.path,
    reports: item.reports,
    findings: keep(item, slots),
    pos: (o) => doc.positionAt(o),
  };
}

/** Where a file's output goes: one element at a time (a text part, a JSON array's element). */
interface Sink {
  /** The file's elements, written in input order. */
  file(elements: string[]): void;
  close(): void;
  /** A JSON element indented for its place. */
  element: (x: unknown) => string;
}

function sinkOf(
  command: Command,
  format: string,
  locale: Locale,
  out: (s: string) => void,
  files: () => number,
  all: Counts,
  attention: Attention[],
): Sink {
  if (format === 'json' || format === 'sarif') {
    const w =
      command === 'tables' || format === 'json'
        ? new JsonArrayWriter(out, (files) => ({ files }))
        : new JsonArrayWriter(out, sarifLog(locale));
    return { file: (els) => els.forEach((e) => w.push(e)), close: () => w.close(), element: (x) => w.element(x) };
  }
  if (command === 'tables' && format === 'csv') {
    const head = toCsv([]);
    out(head);
    return { file: (els) => els.forEach(out), close: () => undefined, element: String };
  }
  if (command === 'tables') {
    let any = false;
    const md = (s: string) => {
      if (!s) return;
      out(any ? '\n' + s : s);
      any = true;
    };
    return { file: (els) => els.forEach(md), close: () => undefined, element: String };
  }
  return {
    file: (els) => els.forEach(out),
    close: () => out(textTotal(files(), all, locale) + attentionList(attention, locale)),
    element: String,
  };
}

/** A file waiting for last year's report of one of its organs: checked once entry `until` is read. */
interface Waiting {
  entry: Entry;
  /** stdin cannot be read twice: its text is kept. */
  input: Input | null;
  until: number;
}

/** An entry as the sniff read it, and what reading it said (said when the run reads it). */
interface Sniff {
  input: Input | null;
  notes: [string, Message][];
  failed: boolean;
}

/** Where each (organ, year) last stands among the entries, from a sniff of their titles (core
 *  `titleKeys`), and the last entry that could hold any (HTML, PDF, Word, a title inside a line). */
interface Sniffed {
  last: Map<string, number>;
  anyUntil: number;
  /** Entries the sniff read, by index, kept for the run (taken once): stdin always (it cannot be
   *  read twice), files while their texts hold fewer than KEPT_CHARS characters in all, used only
   *  while the file is unchanged (`fileStamp`). */
  kept: Map<number, Sniff>;
}

/** The characters of the sniffed texts kept for the run: a thousand reports' worth (~16 MB), so
 *  that most runs read and decode each file once, while a folder of any size keeps memory bounded
 *  (the files past it are read again, one at a time). */
const KEPT_CHARS = 8_000_000;

async function sniffAll(p: Plan, locale: Locale): Promise<Sniffed> {
  const sn: Sniffed = { last: new Map(), anyUntil: -1, kept: new Map() };
  let kept = 0;
  for (let k = 0; k < p.entries.length; k++) {
    const e = p.entries[k]!;
    if (e.kind === 'folder-end') continue;
    if (e.kind === 'file' && isBinaryReport(extname(e.path))) {
      sn.anyUntil = k;
      continue;
    }
    const scratch: Plan = { entries: [], failed: false, folders: [] };
    const notes: [string, Message][] = [];
    const input = await read(e, scratch, locale, (path, m) => notes.push([path, m]));
    const size = input?.text?.length ?? 0;
    if (e.kind === 'stdin' || (input?.stamp !== undefined && kept + size <= KEPT_CHARS)) {
      sn.kept.set(k, { input, notes, failed: scratch.failed });
      kept += size;
    }
    if (!input?.text) continue;
    const keys = titleKeys(input.text);
    if (!keys) sn.anyUntil = k;
    else for (const key of keys) sn.last.set(key, k);
  }
  return sn;
}

export interface RunResult {
  /** An input could not be read (exit 2). */
  failed: boolean;
  /** Some finding is an error (exit 1). */
  errors: boolean;
  /** `review` only: every file checked. */
  results: Checked[];
}

/** Runs `check`, `review` (its text output) or `tables` over the planned inputs. */
export async function run(
  command: Command,
  format: string,
  locale: Locale,
  p: Plan,
  out: (s: string) => void,
  note: Note,
  dismissals: Dismissals | null = null,
): Promise<RunResult> {
  const refs: ReportRef[] = [];
  // What is kept of a file past its output is the cross-year refs, whose strings are their own (core
  // refOf); review keeps every file's reports.
  const transient = command !== 'review';
  const all = noCounts();
  const results: Checked[] = [];
  let files = 0;
  let errors = false;
  const attention: Attention[] = [];
  const sink = sinkOf(command, format, locale, out, () => files, all, attention);
  // The cross-year check's waits (not for tables).
  const sn: Sniffed =
    command === 'tables' ? { last: new Map(), anyUntil: -1, kept: new Map() } : await sniffAll(p, locale);
  let done = -1;
  /** Output waiting behind a file that waits: elements, or the file itself. */
  const queue: (string[] | Waiting)[] = [];
  const emit = (els: string[]) => (queue.length ? queue.push(els) : sink.file(els));

  const elementsOf = (r: Checked): string[] => {
    if (format === 'json') return [sink.element(jsonOf(r, locale))];
    if (format === 'sarif') return sarifOf(r, locale).map((x) => sink.element(x));
    return [textOf(r, locale)];
  };
  const tableElements = (item: Item): string[] => {
    const doc = item.doc;
    if (format === 'json') {
      const reports = doc ? item.reports.map((r) => normalizeReport(r, (o) => doc.positionAt(o).line)) : [];
      return [sink.element({ path: item.path, reports })];
    }
    const rows = item.reports.map((report) => ({ path: item.path, report }));
    if (format === 'csv') return rows.length ? [toCsv(rows).slice(toCsv([]).length)] : [];
    return rows.length ? [toMarkdown(rows)] : [];
  };
  const finish = (item: Item, e: Entry | null): string[] => {
    files++;
    const r = checked(item, refs, (it, slots) =>
      dismissals ? dismissals.apply(e, it.path, it.text, slots) : slots.flatMap((x) => x.findings),
    );
    count(r.findings, all);
    attention.push({ path: r.path, counts: count(r.findings) });
    if (r.findings.some((f) => f.severity === 'error')) errors = true;
    if (command === 'review') results.push(r);
    return elementsOf(r);
  };
  /** Whether a report of the year after `r`'s may compare its prose with `r`'s: a title of that
   *  year for its organ, or for an organ not known, or a file whose titles could not be sniffed. */
  const comparedNextYear = (r: Report): boolean =>
    !!r.organ &&
    r.year !== null &&
    (sn.anyUntil >= 0 || sn.last.has(anyOrganKey(r.year + 1)) || sn.last.has(reportKey(r.organ, r.year + 1)));
  /** Last year's report of (organ, year) is known (one with table 三, as the rule asks). */
  const known = (organ: string, year: number) => reportsOf(refs, organ, year).some((o) => o.report.tables.applications);
  /** The last entry that may hold last year's report of one of the item's reports, not yet known. */
  const untilOf = (item: Item): number => {
    let until = -1;
    for (const r of item.reports) {
      if (!r.organ || r.year === null || known(r.organ, r.year - 1)) continue;
      const any = sn.last.get(anyOrganKey(r.year - 1)) ?? -1;
      until = Math.max(until, sn.anyUntil, any, sn.last.get(reportKey(r.organ, r.year - 1)) ?? -1);
    }
    return until;
  };
  /** Writes what no longer waits; at the end (`last`), every waiting file is checked. */
  const drain = async (last: boolean) => {
    while (queue.length) {
      const head = queue[0]!;
      if (Array.isArray(head)) {
        queue.shift();
        sink.file(head);
        continue;
      }
      if (!last && head.until > done) return;
      queue.shift();
      const input = head.input ?? (await read(head.entry, p, locale, () => undefined));
      const item = input && itemOf(input, () => undefined, transient);
      if (item) sink.file(finish(item, head.entry));
    }
  };

  const counted: boolean[] = [];
  for (let k = 0; k < p.entries.length; k++) {
    const e = p.entries[k]!;
    done = k;
    let item: Item | null;
    let input: Input | null = null;
    if (e.kind === 'folder-end') {
      item = counted[e.folder]
        ? null
        : { path: e.path, text: '', doc: null, reports: [], slots: [], notFound: { id: 'report.not-found.folder' } };
    } else {
      let sniffed = sn.kept.get(k);
      sn.kept.delete(k);
      // A file written since the sniff read it is read again: what is reported is what it holds.
      if (sniffed && e.kind === 'file' && fileStamp(e.real) !== sniffed.input?.stamp) sniffed = undefined;
      if (sniffed) {
        for (const [path, m] of sniffed.notes) note(path, m);
        if (sniffed.failed) p.failed = true;
      }
      input = sniffed ? sniffed.input : await read(e, p, locale, note);
      if (!input) continue;
      item = itemOf(input, note, transient);
      if (e.kind === 'file' && e.folder >= 0 && (input.text === null || item?.reports.length)) counted[e.folder] = true;
    }
    if (!item) continue;
    if (command === 'tables') {
      emit(tableElements(item));
      continue;
    }
    // Every report of every input is another's possible last year; its prose is sketched (for
    // crossyear.copied-text) only when the sniff saw a title of the next year that may be its organ's.
    for (const report of item.reports)
      refs.push(refOf(item.path, report, comparedNextYear(report) ? item.text : undefined));
    const until = untilOf(item);
    if (until > k) queue.push({ entry: e, input: e.kind === 'stdin' ? input : null, until });
    else emit(finish(item, e.kind === 'folder-end' ? null : e));
    await drain(false);
  }
  await drain(true);
  sink.close();
  return { failed: p.failed, errors, results };
}
