/**
 * Reading and walking files safely, for the command line and the workspace index.
 *
 * - Only regular files are read: FIFOs, sockets and devices are never opened (a FIFO blocks).
 *   The file is opened non-blocking and checked again on its descriptor, so one swapped in after
 *   the check does not block either.
 * - Size caps: a file above the limit is not read (a link to /dev/zero, a huge dump).
 * - Folders: symbolic links are followed only when their real path stays inside the walked root
 *   folders, each real folder and file is visited once (links to `.` and loops end), depth and
 *   file count are capped.
 * - A failure is a `Problem` (localized by i18n.ts with `problemMessage`), never an exception and
 *   never a raw Node message.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Message } from '../core';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type Problem =
  | { kind: 'missing' }
  | { kind: 'permission' }
  | { kind: 'failed' }
  | { kind: 'fifo' }
  | { kind: 'socket' }
  | { kind: 'device' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'outside' }
  | { kind: 'loop' }
  | { kind: 'broken-link' }
  | { kind: 'too-deep' }
  | { kind: 'too-many'; limit: number };

export function problemMessage(p: Problem): Message {
  if (p.kind === 'too-large') return { id: 'io.too-large', args: { size: mb(p.size), limit: mb(p.limit) } };
  if (p.kind === 'too-many') return { id: 'io.too-many', args: { limit: p.limit } };
  return { id: `io.${p.kind}` };
}

const mb = (n: number) => String(Math.round((n / 1048576) * 10) / 10);

/** An I/O failure (the file is there but could not be read), as opposed to a file deliberately
 *  not read (not regular, too large, a link out of the folder). */
export const isFailure = (p: Problem): boolean =>
  p.kind === 'missing' || p.kind === 'permission' || p.kind === 'failed';

function fromError(e: unknown): Problem {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'permission' };
  if (code === 'ELOOP') return { kind: 'broken-link' };
  return { kind: 'failed' };
}

function notRegular(st: Stats): Problem | null {
  if (st.isFile()) return null;
  if (st.isFIFO()) return { kind: 'fifo' };
  if (st.isSocket()) return { kind: 'socket' };
  return { kind: 'device' };
}

// O_NONBLOCK: opening a FIFO for reading never waits for a writer (absent on Windows, where
// there are no FIFOs in the file system).
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** `stamp`: the file as it was read (`fileStamp`), for a file read by path (readRegularSync). */
export type ReadResult = { ok: true; bytes: Buffer; stamp?: string } | { ok: false; problem: Problem };

/** What changes when a file is written or replaced: its identity, size and times. */
const stampOf = (st: Stats) => `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

/** The file at `path` as it is now (equal to the `stamp` of a read of it while it is unchanged),
 *  or null when it cannot be looked at. */
export function fileStamp(path: string): string | null {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? stampOf(st) : null;
  } catch {
    return null;
  }
}

/** The bytes of a regular file, at most `limit` bytes. */
/** The next read's buffer: the file's size and one byte (to see it grew), else up to 1 MB; never
 *  past the limit and one byte. A 1 MB buffer for every small file was most of `check`'s garbage. */
function chunkSize(size: number, total: number, limit: number): number {
  const want = size >= 0 && total <= size ? size - total + 1 : 1 << 20;
  return Math.max(1, Math.min(want, 1 << 20, limit + 1 - total));
}

export async function readRegular(path: string, limit = MAX_FILE_BYTES): Promise<ReadResult> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return { ok: false, problem: fromError(e) };
  }
  const other = notRegular(st);
  if (other) return { ok: false, problem: other };
  if (st.size > limit) return { ok: false, problem: { kind: 'too-large', size: st.size, limit } };
  let fh;
  try {
    fh = await open(path, FLAGS);
  } catch (e) {
    return { ok: false, problem: fromError(e) };
  }
  try {
    const again = await fh.stat();
    const other = notRegular(again);
    if (other) return { ok: false, problem: other };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize(again.size, total, limit));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (!bytesRead) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { ok: false, problem: { kind: 'too-large', size: total, limit } };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, problem: fromError(e) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The same, synchronously (standard input and tools that cannot wait). */
export function readRegularSync(path: string | number, limit = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  const owned = typeof path === 'string';
  try {
    if (owned) {
      const st = statSync(path);
      const other = notRegular(st);
      if (other) return { ok: false, problem: other };
      if (st.size > limit) return { ok: false, problem: { kind: 'too-large', size: st.size, limit } };
      fd = openSync(path, FLAGS);
    } else fd = path;
  } catch (e) {
    return { ok: false, problem: fromError(e) };
  }
  try {
    let size = -1;
    let stamp: string | undefined;
    if (owned) {
      const again = fstatSync(fd);
      const other = notRegular(again);
      if (other) return { ok: false, problem: other };
      size = again.size;
      stamp = stampOf(again);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize(size, total, limit));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        // a non-blocking pipe with nothing yet: wait on it (only for a descriptor we were given)
        if ((e as { code?: string }).code === 'EAGAIN' && !owned) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if ((e as { code?: string }).code === 'EOF') break;
        throw e;
      }
      if (!n) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, problem: { kind: 'too-large', size: total, limit } };
      // Every byte the file held when it was opened, and not the one asked for past them: the end
      // (no second read to be told so).
      if (total === size && n < buf.length) break;
    }
    const bytes = Buffer.concat(chunks, total);
    return stamp === undefined ? { ok: true, bytes } : { ok: true, bytes, stamp };
  } catch (e) {
    return { ok: false, problem: fromError(e) };
  } finally {
    if (owned) {
      try {
        closeSync(fd);
      } catch {
        // nothing to do
      }
    }
  }
}

export interface WalkOptions {
  /** File extensions read (lower case, with the dot). */
  extensions: ReadonlySet<string>;
  /** Real paths of all the root folders a link may lead into (default: the walked folder). */
  roots?: string[];
  maxFiles?: number;
  maxDepth?: number;
  /** Stop early (the walk was superseded). */
  cancelled?: () => boolean;
  /** false: the files' size and time are not asked for (the command line), and a plain file the
   *  folder's listing names as such is taken without a stat of its own. */
  stats?: boolean;
}

export interface WalkedFile {
  /** The path as walked (the folder joined with the names, links not resolved). */
  path: string;
  /** Its real path. */
  real: string;
  size: number;
  /** Modification time (ms). */
  mtime: number;
}

export type Skipped = { path: string; problem: Problem } | { path: string; extension: true };

const inside = (real: string, roots: string[]) =>
  roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));

/** A file found without its size and time (`stats: false`). */
export type WalkedPath = Pick<WalkedFile, 'path' | 'real'>;

/** The report files under `folder`, in name order; what was skipped and why. Never throws. */
export async function walkFolder(
  folder: string,
  opts: WalkOptions & { stats: false },
): Promise<{ files: WalkedPath[]; skipped: Skipped[] }>;
export async function walkFolder(
  folder: string,
  opts: WalkOptions,
): Promise<{ files: WalkedFile[]; skipped: Skipped[] }>;
export async function walkFolder(
  folder: string,
  opts: WalkOptions,
): Promise<{ files: (WalkedFile | WalkedPath)[]; skipped: Skipped[] }> {
  const files: (WalkedFile | WalkedPath)[] = [];
  const stats = opts.stats !== false;
  const skipped: Skipped[] = [];
  const maxFiles = opts.maxFiles ?? 100000;
  const maxDepth = opts.maxDepth ?? 32;
  let rootReal: string;
  try {
    rootReal = await realpath(folder);
  } catch (e) {
    skipped.push({ path: folder, problem: fromError(e) });
    return { files, skipped };
  }
  const roots = opts.roots ?? [rootReal];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  let full = false;
  const visit = async (dir: string, real: string, depth: number): Promise<void> => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: dir, problem: fromError(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (full || opts.cancelled?.()) return;
      const name = ent.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let target = join(real, name);
      // A plain file (not a link): what a stat would find out, the folder's listing has said.
      let st: Stats | null = null;
      if (stats || !ent.isFile()) {
        try {
          st = await lstat(p);
          if (st.isSymbolicLink()) {
            try {
              target = await realpath(p);
            } catch (e) {
              skipped.push({
                path: p,
                problem: fromError(e).kind === 'missing' ? { kind: 'broken-link' } : fromError(e),
              });
              continue;
            }
            if (!inside(target, roots)) {
              skipped.push({ path: p, problem: { kind: 'outside' } });
              continue;
            }
            st = await stat(target);
          }
        } catch (e) {
          skipped.push({ path: p, problem: fromError(e) });
          continue;
        }
      }
      if (st?.isDirectory()) {
        if (seenDirs.has(target)) {
          if (target !== real) skipped.push({ path: p, problem: { kind: 'loop' } });
          continue;
        }
        if (depth >= maxDepth) {
          skipped.push({ path: p, problem: { kind: 'too-deep' } });
          continue;
        }
        await visit(p, target, depth + 1);
        continue;
      }
      if (!opts.extensions.has(extname(name).toLowerCase())) {
        skipped.push({ path: p, extension: true });
        continue;
      }
      if (seenFiles.has(target)) continue; // the same file under another name
      seenFiles.add(target);
      const other = st && notRegular(st);
      if (other) {
        skipped.push({ path: p, problem: other });
        continue;
      }
      if (files.length >= maxFiles) {
        skipped.push({ path: folder, problem: { kind: 'too-many', limit: maxFiles } });
        full = true;
        return;
      }
      files.push(st && stats ? { path: p, real: target, size: st.size, mtime: st.mtimeMs } : { path: p, real: target });
    }
  };
  await visit(folder, rootReal, 0);
  return { files, skipped };
}
