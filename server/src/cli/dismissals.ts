/**
 * Dismissals on the command line (issue 14, item 4): `check` and `review` leave out the findings a
 * reviewer dismissed (the baseline file nearest each report: node/baseline.ts) and say how many;
 * `--update-baseline` records every finding of the files checked as dismissed (a file's entries
 * are replaced, other files' kept); `--baseline FILE` names one baseline for every input.
 *
 * Every baseline is read before anything is printed: one that cannot be used stops the run
 * (exit 2), it never counts as empty.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { canDismiss, fingerprintOf, localize, type Finding, type Locale, type Report } from '../core';
import {
  baselineBeside,
  entryPath,
  findBaseline,
  fingerprints,
  readBaseline,
  writeBaseline,
  type BaselineEntry,
} from '../node/baseline';
import { FatalError, type Entry, type Plan } from './inputs';

interface Held {
  file: string;
  /** Entries as read (null: no file yet). */
  entries: BaselineEntry[];
  dismissed: ReadonlySet<string>;
  /** --update-baseline: the paths checked, and their new entries. */
  checked: Set<string>;
  added: BaselineEntry[];
}

export interface DismissOptions {
  /** --baseline FILE */
  file: string | null;
  /** --update-baseline */
  update: boolean;
}

export class Dismissals {
  private readonly byEntry = new Map<Entry, Held>();
  private readonly byFile = new Map<string, Held>();
  /** Findings left out, by baseline file. */
  private readonly left = new Map<string, number>();

  private constructor(
    private readonly o: DismissOptions,
    private readonly locale: Locale,
  ) {}

  /** Finds and reads the baseline of every entry; throws FatalError on one that cannot be used. */
  static prepare(p: Plan, o: DismissOptions, locale: Locale, safe: (s: string) => string): Dismissals {
    const d = new Dismissals(o, locale);
    const nearest = new Map<string, string | null>();
    for (const e of p.entries) {
      if (e.kind === 'folder-end') continue;
      const folder = e.kind === 'stdin' ? process.cwd() : dirname(resolve(e.path));
      let file = o.file && resolve(o.file);
      if (!file) {
        if (!nearest.has(folder)) nearest.set(folder, findBaseline(folder));
        file = nearest.get(folder) ?? null;
      }
      // A new baseline (--update-baseline) goes where the reviewer works: the folder named on the
      // command line, a named file's folder, the current folder for stdin.
      if (!file && o.update)
        file =
          e.kind === 'stdin'
            ? baselineBeside(process.cwd(), true)
            : e.folder >= 0
              ? baselineBeside(resolve(p.folders[e.folder]!), true)
              : baselineBeside(resolve(e.path), false);
      if (file) d.byEntry.set(e, d.held(file, safe));
    }
    return d;
  }

  private held(file: string, safe: (s: string) => string): Held {
    const known = this.byFile.get(file);
    if (known) return known;
    const r = readBaseline(file);
    if (!r.ok) {
      const reason = localize({ id: `cli.baseline.${r.reason}` }, this.locale);
      throw new FatalError(localize({ id: 'cli.baseline-bad', args: { path: safe(file), reason } }, this.locale));
    }
    const entries = r.baseline?.entries ?? [];
    const h: Held = { file, entries, dismissed: fingerprints(r.baseline), checked: new Set(), added: [] };
    this.byFile.set(file, h);
    return h;
  }

  /**
   * The findings of an entry's file that are shown. `slots`: the file's reports with the findings
   * the core gave each (the same attribution the editor's fingerprints use); `text`: the text the
   * offsets count.
   */
  apply(
    e: Entry | null,
    path: string,
    text: string,
    slots: { report: Report | null; findings: Finding[] }[],
  ): Finding[] {
    const h = e && this.byEntry.get(e);
    const out: Finding[] = [];
    if (!h) {
      for (const s of slots) for (const f of s.findings) out.push(f);
      return out;
    }
    const at = e.kind === 'stdin' ? resolve('-') : resolve(path);
    const where = entryPath(h.file, at);
    if (this.o.update) h.checked.add(where);
    let left = 0;
    for (const s of slots)
      for (const f of s.findings) {
        if (!canDismiss(f)) {
          out.push(f);
          continue;
        }
        const fingerprint = fingerprintOf(f, text, s.report);
        if (this.o.update) {
          const message = localize(f.message, this.locale);
          h.added.push({ fingerprint, code: f.code, path: where, message });
          left++;
        } else if (h.dismissed.has(fingerprint)) left++;
        else out.push(f);
      }
    if (left) this.left.set(h.file, (this.left.get(h.file) ?? 0) + left);
    return out;
  }

  /** --update-baseline: writes every baseline touched; returns what each now records. */
  write(): { file: string; count: number }[] {
    if (!this.o.update) return [];
    const written: { file: string; count: number }[] = [];
    for (const h of this.byFile.values()) {
      if (!h.checked.size) continue;
      const kept = h.entries.filter((x) => !h.checked.has(x.path));
      writeBaseline(h.file, [...kept, ...h.added]);
      written.push({ file: h.file, count: h.added.length });
    }
    return written;
  }

  /** What the text output says of the findings left out (empty when none). */
  summary(safe: (s: string) => string): string {
    let out = '';
    for (const [file, count] of this.left) {
      const id = this.o.update ? 'cli.baseline-written' : 'cli.dismissed';
      // Where the reviewer is: relative to the current folder when it is below it.
      const shown = relative(process.cwd(), file);
      const path = shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : file;
      out += localize({ id, args: { count, path: safe(path) } }, this.locale) + '\n';
    }
    return out;
  }
}
