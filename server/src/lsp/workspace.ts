/**
 * Other reports the cross-year check can compare with: the report files of the workspace folders.
 *
 * - The walk is asynchronous and never on the keystroke path, nor before the first diagnostics:
 *   it starts when `refs()` is first asked (by the diagnostics of an open report), after the turn
 *   that asked, and yields to the event loop after every file. `refs()` answers at once with what
 *   the last walk found (nothing before the first walk ends); when a walk changes what is known,
 *   `onChange` is called and the server refreshes its diagnostics.
 * - Each file is sniffed: its reports are read and only what the cross-year checks compare is kept
 *   (core `refOf`: title, organ, year, table 二, table 三's 上年结转 and 结转下年度), not their models.
 * - Walks are safe (node/files.ts): regular files only (a FIFO, /dev/zero are never read), links
 *   followed only inside the workspace folders, each real folder and file once (links to `.` and
 *   loops end), caps on depth, file count, file size and total bytes.
 * - File-watch events (`workspace/didChangeWatchedFiles`) drop the files they name and walk again;
 *   without them, a walk older than a minute is redone in the background when `refs()` is asked.
 *   A file is re-read only when its modification time or size changed, or an event named it.
 */
import { realpath } from 'node:fs/promises';
import { readReports, refOf, type ReportRef } from '../core';
import { decodeBytes } from '../node/decode';
import { NODE_UTF8 } from '../node/utf8';
import { readRegular, walkFolder } from '../node/files';
import { filePathOf } from './paths';

const EXT: ReadonlySet<string> = new Set(['.txt', '.md', '.html', '.htm', '.gkbg', '.disclosure']);
const MAX_FILES = 1000;
const MAX_DEPTH = 6;
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const STALE_MS = 60_000;
const turn = () => new Promise<void>((r) => setImmediate(r));

interface Entry {
  real: string;
  mtime: number;
  size: number;
  refs: ReportRef[];
}

export interface FileEvent {
  uri: string;
  /** 1 created, 2 changed, 3 deleted (LSP FileChangeType). */
  type: number;
}

export class WorkspaceIndex {
  private folders: string[] = [];
  private files = new Map<string, Entry>();
  private snapshot: ReportRef[] = [];
  private generation = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private walkedAt = 0;
  /** refs() has been asked since the folders were set: walks may run. */
  private asked = false;

  constructor(private readonly onChange: () => void = () => undefined) {}

  setFolders(uris: string[]): void {
    const folders: string[] = [];
    for (const u of uris) {
      const p = filePathOf(u);
      if (p) folders.push(p);
    }
    this.folders = folders;
    this.generation++;
    this.files.clear();
    this.walkedAt = 0;
    if (this.snapshot.length) {
      this.snapshot = [];
      this.notify();
    }
    // Walked again at once only when someone already asks; else at the first question.
    if (this.asked) this.schedule();
  }

  /** Reports of the workspace files, except `skipPath` (the open document itself). Never waits. */
  refs(skipPath?: string): ReportRef[] {
    this.asked = true;
    if (!this.running && this.folders.length && Date.now() - this.walkedAt > STALE_MS) this.schedule();
    if (!skipPath) return this.snapshot;
    const out: ReportRef[] = [];
    for (const r of this.snapshot) if (r.source !== skipPath) out.push(r);
    return out;
  }

  /** File-watch events: the files named are read again, and the folders walked again. */
  changed(events: readonly FileEvent[]): void {
    let relevant = false;
    for (const e of events) {
      const p = e && typeof e.uri === 'string' ? filePathOf(e.uri) : null;
      if (!p) continue;
      relevant = true;
      for (const [key, entry] of this.files)
        if (key === p || entry.real === p || key.startsWith(p + '/')) this.files.delete(key);
    }
    if (relevant && this.asked) this.schedule();
  }

  /** Resolves when no walk is running or waiting. */
  async ready(): Promise<void> {
    while (this.running) await this.running;
  }

  private notify(): void {
    try {
      this.onChange();
    } catch {
      // the listener's failure is not the index's
    }
  }

  private schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      await turn(); // after the turn that asked (the diagnostics it was computing go out first)
      do {
        this.again = false;
        const gen = this.generation;
        let changed = false;
        try {
          changed = await this.walk(gen);
        } catch {
          changed = false; // an unreadable workspace only loses the cross-year check
        }
        this.walkedAt = Date.now();
        if (changed && gen === this.generation) this.notify();
      } while (this.again);
      this.running = null;
    })();
  }

  /** One walk of every folder; true when the known reports changed. */
  private async walk(gen: number): Promise<boolean> {
    const roots: string[] = [];
    for (const f of this.folders) {
      try {
        roots.push(await realpath(f));
      } catch {
        // a folder that is gone
      }
    }
    const cancelled = () => gen !== this.generation;
    const seen = new Set<string>();
    const next = new Map<string, Entry>();
    let changed = false;
    let total = 0;
    let count = 0;
    for (const folder of this.folders) {
      if (cancelled() || count >= MAX_FILES) break;
      const { files } = await walkFolder(folder, {
        extensions: EXT,
        roots,
        maxFiles: MAX_FILES - count,
        maxDepth: MAX_DEPTH,
        cancelled,
      });
      for (const f of files) {
        if (cancelled()) return false;
        if (seen.has(f.real) || f.size > MAX_BYTES) continue;
        seen.add(f.real);
        count++;
        const old = this.files.get(f.path);
        const mtime = f.mtime;
        if (old && old.real === f.real && old.mtime === mtime && old.size === f.size) {
          next.set(f.path, old);
          continue;
        }
        if (total + f.size > MAX_TOTAL_BYTES) continue;
        total += f.size;
        const r = await readRegular(f.real, MAX_BYTES);
        if (cancelled()) return false;
        let refs: ReportRef[] = [];
        if (r.ok) {
          const d = decodeBytes(r.bytes, NODE_UTF8);
          if (d.ok) {
            try {
              refs = readReports(d.text).map((report) => refOf(f.path, report, d.text));
            } catch {
              refs = [];
            }
          }
        }
        next.set(f.path, { real: f.real, mtime, size: f.size, refs });
        if (refs.length || old?.refs.length) changed = true;
        await turn(); // an open, a keystroke or a request goes first
        if (cancelled()) return false;
      }
    }
    if (cancelled()) return false;
    for (const [key, e] of this.files) if (!next.has(key) && e.refs.length) changed = true;
    this.files = next;
    const snapshot: ReportRef[] = [];
    for (const e of next.values()) for (const r of e.refs) snapshot.push(r);
    this.snapshot = snapshot;
    return changed;
  }
}
