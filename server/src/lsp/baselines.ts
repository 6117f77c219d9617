/**
 * Dismissals in the language server (issue 14, item 4): the fingerprints a reviewer dismissed, read
 * from the baseline nearest each open report (node/baseline.ts: the same file the command line
 * reads), and the quick fix 标记为已审核 that adds one (`workspace/executeCommand`
 * DISMISS_COMMAND, so that every LSP client can run it, not only VS Code).
 *
 * Baselines are read synchronously when a report's diagnostics are first asked (a small bounded
 * read: a dismissed finding never flashes up), cached by folder and file, and dropped when a file
 * event names one, or when the server writes one. A baseline that cannot be used dismisses nothing
 * and is said once (never silently empty); the server never writes over it.
 *
 * The web build takes server/src/web/baselines.ts instead (no file system: no dismissals there).
 */
import { dirname } from 'node:path';
import type { Message } from '../core';
import { RENDERING_SCHEME, type DismissArgs } from '../../../shared/protocol';
import {
  BASELINE_NAME,
  baselineBeside,
  entryPath,
  findBaseline,
  fingerprints,
  readBaseline,
  writeBaseline,
} from '../node/baseline';
import { filePathOf } from './paths';

/** A PDF or Word file's rendering (`disclosure-rendering:…?<the file's URI>`) is dismissed as the
 *  file itself: the command line reads the same rendering under the file's name. */
const sourceOf = (uri: string): string => {
  const q = uri.indexOf('?');
  if (!uri.startsWith(`${RENDERING_SCHEME}:`) || q < 0) return uri;
  try {
    return decodeURIComponent(uri.slice(q + 1).split('#')[0]!);
  } catch {
    return uri;
  }
};

const pathOf = (given: string): string | null => filePathOf(sourceOf(given));

const NONE: ReadonlySet<string> = new Set();

export class Baselines {
  readonly supported = true;
  private folders: string[] = [];
  /** folder → its nearest baseline file (null: none). */
  private nearest = new Map<string, string | null>();
  /** file → its fingerprints (empty when it cannot be used). */
  private read = new Map<string, ReadonlySet<string>>();
  /** Files already said to be unusable (said again once they change). */
  private told = new Set<string>();

  /** `warn`: tells the user (in the user's words: `say`) of a baseline that cannot be used. */
  constructor(
    private readonly warn: (text: string) => void,
    private readonly say: (m: Message) => string,
  ) {}

  private unusable(file: string, reason: string): string {
    return this.say({
      id: 'dismiss.baseline-bad',
      args: { path: file, reason: this.say({ id: `cli.baseline.${reason}` }) },
    });
  }

  setFolders(uris: string[]): void {
    this.folders = [];
    for (const u of uris) {
      const p = pathOf(u);
      if (p) this.folders.push(p);
    }
  }

  /** Whether a document's findings can be dismissed (a file on disk). */
  canDismiss(uri: string): boolean {
    return pathOf(uri) !== null;
  }

  /** The fingerprints dismissed for a document (none for a document not on disk). */
  dismissedFor(uri: string): ReadonlySet<string> {
    const path = pathOf(uri);
    if (!path) return NONE;
    const file = this.fileOf(dirname(path));
    return file ? this.fingerprintsOf(file) : NONE;
  }

  private fileOf(folder: string): string | null {
    let file = this.nearest.get(folder);
    if (file === undefined) this.nearest.set(folder, (file = findBaseline(folder)));
    return file;
  }

  private fingerprintsOf(file: string): ReadonlySet<string> {
    const known = this.read.get(file);
    if (known) return known;
    const r = readBaseline(file);
    let set = NONE;
    if (r.ok) set = fingerprints(r.baseline);
    else if (!this.told.has(file)) {
      this.told.add(file);
      this.warn(this.unusable(file, r.reason));
    }
    this.read.set(file, set);
    return set;
  }

  /**
   * Adds a dismissal to the baseline of the document: the nearest one, else a new one in the
   * workspace folder holding the document (else in its own folder). Returns the file written, or
   * why not (a baseline that cannot be read is never written over).
   */
  dismiss(a: DismissArgs): { ok: true; file: string } | { ok: false; text: string } {
    const path = pathOf(a.uri);
    if (!path) return { ok: false, text: this.say({ id: 'dismiss.not-a-file' }) };
    const folder = dirname(path);
    const file = this.fileOf(folder) ?? baselineBeside(this.rootOf(path) ?? folder, true);
    const r = readBaseline(file);
    if (!r.ok) return { ok: false, text: this.unusable(file, r.reason) };
    const entry = { fingerprint: a.fingerprint, code: a.code, path: entryPath(file, path), message: a.message };
    try {
      writeBaseline(file, [...(r.baseline?.entries ?? []), entry]);
    } catch (e) {
      const reason = String((e as Error)?.message ?? e);
      return { ok: false, text: this.say({ id: 'dismiss.write-failed', args: { path: file, reason } }) };
    }
    this.forget();
    return { ok: true, file };
  }

  /** The workspace folder holding `path` (the deepest), or null. */
  private rootOf(path: string): string | null {
    let best: string | null = null;
    for (const f of this.folders) {
      const inside =
        path === f || path.startsWith(f.endsWith('/') || f.endsWith('\\') ? f : f + (f.includes('\\') ? '\\' : '/'));
      if (inside && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  /** File events: true when one names a baseline (everything is read again). */
  changed(events: readonly { uri: string }[]): boolean {
    const named = events.some((e) => typeof e?.uri === 'string' && e.uri.endsWith('/' + BASELINE_NAME));
    if (named) {
      this.forget();
      this.told.clear();
    }
    return named;
  }

  private forget(): void {
    this.nearest.clear();
    this.read.clear();
  }
}
