/**
 * The baseline file of dismissals (issue 14, item 4): `.disclosure-report-baseline.json`, beside the
 * reports. `check --update-baseline` (and `review`'s) and the editor's 标记为已审核 write it; `check`,
 * `review` and the language server read it. What a dismissal matches — a finding's fingerprint —
 * is the core's (core/features/dismiss.ts), so that every reader agrees.
 *
 * Which baseline holds a report's dismissals: the nearest `.disclosure-report-baseline.json` in the
 * report's folder or a folder above it (as .gitignore or .editorconfig are found), the same for
 * the command line and the editor. A new one is written where the reviewer works: the folder named
 * on the command line (a file's own folder), or the editor's workspace folder.
 *
 * Reading is synchronous and bounded (the language server reads it before the first diagnostics of
 * a report, so that a dismissed finding never flashes up): regular files only (a FIFO of that name
 * is never opened), at most MAX_BYTES. A file that is not a baseline is an error, never an empty
 * baseline: a typo must neither bring every dismissed finding back silently nor hide any.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, statSync, writeFileSync, constants } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const BASELINE_NAME = '.disclosure-report-baseline.json';
export const BASELINE_VERSION = 1;
const MAX_BYTES = 16 * 1024 * 1024;

export interface BaselineEntry {
  fingerprint: string;
  /** For the reader of the file (and to replace a file's entries on update): what was dismissed,
   *  where (relative to the baseline's folder, with /). Not used to match. */
  code: string;
  path: string;
  message: string;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

export type ReadBaseline =
  | { ok: true; baseline: Baseline | null }
  | { ok: false; reason: 'malformed' | 'unreadable' | 'not-a-file' | 'too-large' };

/** The baseline beside `path` (a folder: inside it; a file: in its folder). */
export function baselineBeside(path: string, isFolder: boolean): string {
  return join(isFolder ? path : dirname(path), BASELINE_NAME);
}

/** The nearest existing baseline in `folder` or above it, or null. Anything of that name counts
 *  (a folder or a FIFO of that name is found, and refused when read). */
export function findBaseline(folder: string): string | null {
  let dir = folder;
  for (let depth = 0; depth < 64; depth++) {
    const file = join(dir, BASELINE_NAME);
    try {
      statSync(file);
      return file;
    } catch {
      // none here
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

/** Reads a baseline: null when there is none. */
export function readBaseline(file: string): ReadBaseline {
  let raw: string;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO of that name must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT'
      ? { ok: true, baseline: null }
      : { ok: false, reason: 'unreadable' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-a-file' };
    if (st.size > MAX_BYTES) return { ok: false, reason: 'too-large' };
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (!n) break;
      at += n;
    }
    raw = buf.subarray(0, at).toString('utf8');
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    closeSync(fd);
  }
  try {
    const data = JSON.parse(raw.replace(/^\ufeff/, '')) as Partial<Baseline>;
    if (data.version !== BASELINE_VERSION || !Array.isArray(data.entries)) return { ok: false, reason: 'malformed' };
    const entries: BaselineEntry[] = [];
    for (const x of data.entries as unknown[]) {
      const e = x as Partial<BaselineEntry> | null;
      if (e && typeof e.fingerprint === 'string')
        entries.push({
          fingerprint: e.fingerprint,
          code: String(e.code ?? ''),
          path: String(e.path ?? ''),
          message: String(e.message ?? ''),
        });
    }
    return { ok: true, baseline: { version: BASELINE_VERSION, entries } };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** The fingerprints of a baseline. */
export const fingerprints = (b: Baseline | null): ReadonlySet<string> => new Set(b?.entries.map((e) => e.fingerprint));

/** Where `file` is written in a baseline at `baseline`: relative to its folder, with /. */
export function entryPath(baseline: string, file: string): string {
  return relative(dirname(baseline), file).split(sep).join('/');
}

/** Writes a baseline, entries sorted (by path, code, fingerprint: a stable file to review in a
 *  diff) and without duplicates; through a temporary file, so that a reader never sees half of it. */
export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const seen = new Set<string>();
  const unique: BaselineEntry[] = [];
  for (const e of entries) {
    const key = `${e.path}\u0000${e.fingerprint}`;
    if (!seen.has(key)) (seen.add(key), unique.push(e));
  }
  const key = (e: BaselineEntry) => `${e.path}\u0000${e.code}\u0000${e.fingerprint}`;
  unique.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: BASELINE_VERSION, entries: unique }, null, 2) + '\n');
  renameSync(tmp, file);
}
