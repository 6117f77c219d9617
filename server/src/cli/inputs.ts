/**
 * The command line's inputs, one at a time: `plan` checks every PATH (a missing one stops the run
 * before anything is printed) and walks the folders into a list of entries; `read` reads one entry
 * when its turn comes, so that only one file's text is held at a time.
 *
 * Bad input (README, Command line):
 * - a file that cannot be read (permission, read error; a named FIFO or device): a note on stderr
 *   and a `report.not-found` error for it in the output, the other inputs are still checked, exit 2;
 * - a file named on the command line that is empty or not text: a `report.not-found` error;
 * - in a folder: FIFOs, sockets, devices, links out of the folder or in loops, other extensions,
 *   empty and binary files are skipped with a note on stderr; an unreadable or too large report
 *   file is an error as above.
 */
import { lstatSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { localize, type Locale, type Message } from '../core';
import { decodeBytes } from '../node/decode';
import { NODE_UTF8 } from '../node/utf8';
import { isFailure, problemMessage, readRegularSync, walkFolder, type Problem } from '../node/files';
import { isBinaryReport, readBinaryReport } from '../readers';

export interface Input {
  path: string;
  /** Named on the command line (not found in a folder walk). */
  named: boolean;
  text: string | null;
  /** Why there is no text (a report.not-found reason). */
  reason?: Message;
  /** The file as it was read (node/files.ts `fileStamp`): a text kept for later is used only while
   *  the file is unchanged. */
  stamp?: string;
}

/** One step of the run, in output order. */
export type Entry =
  | { kind: 'stdin' }
  | { kind: 'file'; path: string; real: string; named: boolean; folder: number }
  | { kind: 'folder-end'; path: string; folder: number };

/** A named PATH that does not exist: stop before printing anything. */
export class FatalError extends Error {}

export type Note = (path: string, m: Message) => void;

export interface Plan {
  entries: Entry[];
  /** An input could not be read (exit 2); set by `plan` and by `read`. */
  failed: boolean;
  /** The folders named on the command line, by an entry's `folder`. */
  folders: string[];
}

/** Every PATH checked and every folder walked (notes for what the walks skip); nothing read yet. */
export async function plan(
  paths: string[],
  locale: Locale,
  note: Note,
  safe: (s: string) => string,
  extensions: ReadonlySet<string>,
): Promise<Plan> {
  const p: Plan = { entries: [], failed: false, folders: [] };
  let folders = 0;
  for (const path of paths) {
    if (path === '-') {
      p.entries.push({ kind: 'stdin' });
      continue;
    }
    let isDir = false;
    try {
      const st = lstatSync(path);
      isDir = st.isDirectory() || (st.isSymbolicLink() && statSync(path).isDirectory());
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new FatalError(
          localize(
            { id: 'cli.note', args: { path: safe(path), reason: localize({ id: 'io.missing' }, locale) } },
            locale,
          ),
        );
    }
    if (!isDir) {
      p.entries.push({ kind: 'file', path, real: path, named: true, folder: -1 });
      continue;
    }
    const folder = folders++;
    p.folders.push(path);
    const walked = await walkFolder(path, { extensions, stats: false });
    for (const s of walked.skipped) {
      if ('extension' in s)
        note(s.path, {
          id: isBinaryReport(extname(s.path)) ? 'report.not-found.legacy-word' : 'cli.skipped-extension',
        });
      else {
        note(s.path, problemMessage(s.problem));
        if (isFailure(s.problem) || s.problem.kind === 'too-many') p.failed = true;
      }
    }
    for (const f of walked.files) p.entries.push({ kind: 'file', path: f.path, real: f.real, named: false, folder });
    p.entries.push({ kind: 'folder-end', path, folder });
  }
  return p;
}

/** Reads one entry: its text, why it has none, or null (skipped with a note). */
export async function read(e: Entry, p: Plan, locale: Locale, note: Note): Promise<Input | null> {
  if (e.kind === 'folder-end') return null;
  const unreadable = (path: string, problem: Problem, named: boolean): Input => {
    note(path, problemMessage(problem));
    if (
      isFailure(problem) ||
      (named && (problem.kind === 'fifo' || problem.kind === 'socket' || problem.kind === 'device'))
    )
      p.failed = true;
    const reason = localize(problemMessage(problem), locale);
    return { path, named, text: null, reason: { id: 'report.not-found.unreadable', args: { reason } } };
  };
  const decoded = (path: string, bytes: Uint8Array, named: boolean): Input | null => {
    const d = decodeBytes(bytes, NODE_UTF8);
    if (!d.ok) {
      if (named) return { path, named, text: null, reason: { id: `report.not-found.${d.reason}` } };
      note(path, { id: d.reason === 'empty' ? 'cli.skipped-empty' : 'cli.skipped-binary' });
      return null;
    }
    if (d.encoding === 'utf-8+gb18030') note(path, { id: 'cli.mixed-encoding' });
    if (d.badLines.length) {
      const shown = d.badLines.slice(0, 10).join(locale === 'en' ? ', ' : '、');
      note(path, { id: 'cli.bad-bytes', args: { lines: d.badLines.length > 10 ? `${shown}…` : shown } });
    }
    return { path, named, text: d.text };
  };
  /** A PDF or Word file: its text rendering, or why it cannot be read (an error, named or walked:
   *  a report file that cannot be read is never a pass). */
  const binary = async (path: string, bytes: Uint8Array, named: boolean): Promise<Input> => {
    const r = await readBinaryReport(bytes, extname(path));
    if (r.ok) return { path, named, text: r.rendering.text };
    const reason: Message = { id: `report.not-found.${r.reason}` };
    if (r.reason === 'reader-missing') {
      // Our failure, not the file's: the input could not be read (exit 2), and stderr says so.
      note(path, reason);
      p.failed = true;
    }
    return { path, named, text: null, reason };
  };
  const of = (path: string, bytes: Uint8Array, named: boolean) =>
    path !== '-' && isBinaryReport(extname(path)) ? binary(path, bytes, named) : decoded(path, bytes, named);
  if (e.kind === 'stdin') {
    const r = readRegularSync(0);
    return r.ok ? of('-', r.bytes, true) : unreadable('-', r.problem, true);
  }
  const r = readRegularSync(e.real); // one file at a time: no thread-pool round trips
  if (r.ok) {
    const input = await of(e.path, r.bytes, e.named);
    if (input && r.stamp !== undefined) input.stamp = r.stamp;
    return input;
  }
  if (e.named || isFailure(r.problem) || r.problem.kind === 'too-large') return unreadable(e.path, r.problem, e.named);
  note(e.path, problemMessage(r.problem));
  return null;
}
