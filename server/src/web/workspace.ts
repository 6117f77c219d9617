/**
 * The cross-year index of the web build: the same face as lsp/workspace.ts (esbuild.mjs puts this
 * module in its place in dist/web/server.js), but no walk: a server in a Web Worker has no file
 * system, so the client sends the report files it finds (shared/workspace-files.ts) and the index
 * reads them. `refs()` answers at once with what it knows; when that changes, `onChange` is called
 * and the server refreshes its diagnostics, as on the desktop.
 */
import type { WorkspaceFilesParams } from '../../../shared/workspace-files';
import { WORKSPACE_LIMITS } from '../../../shared/workspace-files';
import { readReports, refOf, type ReportRef } from '../core';
import { decodeBytes } from '../node/decode';
import { Buffer } from './shims/buffer';

export interface FileEvent {
  uri: string;
  type: number;
}

interface Entry {
  source: string;
  refs: ReportRef[];
}

/** The path a URI names (what the cross-year finding shows), for any scheme. */
export function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** The index the server made last (one server per worker); main.ts hands it the client's files. */
let current: WorkspaceIndex | undefined;
export const currentIndex = (): WorkspaceIndex | undefined => current;

export class WorkspaceIndex {
  private files = new Map<string, Entry>();
  private snapshot: ReportRef[] = [];

  constructor(private readonly onChange: () => void = () => undefined) {
    current = this;
  }

  /** The client scans its folders again when they change and sends them (replace). */
  setFolders(_uris: string[]): void {}

  refs(skip?: string): ReportRef[] {
    if (!skip) return this.snapshot;
    const out: ReportRef[] = [];
    for (const [uri, e] of this.files) if (uri !== skip && e.source !== skip) for (const r of e.refs) out.push(r);
    return out;
  }

  /** File-watch events: the client's own watcher sends the new contents (update), nothing to do here. */
  changed(_events: readonly FileEvent[]): void {}

  async ready(): Promise<void> {}

  /** The client's files (untrusted input: anything malformed is skipped, never thrown). */
  update(p: unknown): void {
    const params = (p ?? {}) as Partial<WorkspaceFilesParams>;
    const files = Array.isArray(params.files) ? params.files : [];
    const removed = Array.isArray(params.removed) ? params.removed : [];
    let changed = false;
    if (params.replace === true) {
      for (const e of this.files.values()) if (e.refs.length) changed = true;
      this.files.clear();
    }
    for (const gone of removed) {
      if (typeof gone !== 'string') continue;
      const folder = gone.endsWith('/') ? gone : gone + '/';
      for (const [uri, e] of this.files)
        if (uri === gone || uri.startsWith(folder)) {
          if (e.refs.length) changed = true;
          this.files.delete(uri);
        }
    }
    for (const f of files) {
      if (this.files.size >= WORKSPACE_LIMITS.maxFiles) break;
      if (!f || typeof f.uri !== 'string' || typeof f.data !== 'string') continue;
      if (f.data.length > Math.ceil(WORKSPACE_LIMITS.maxBytes / 3) * 4) continue;
      const source = pathOf(f.uri);
      const refs = this.read(f.data, source);
      if (refs.length || this.files.get(f.uri)?.refs.length) changed = true;
      this.files.set(f.uri, { source, refs });
    }
    if (!changed) return;
    const snapshot: ReportRef[] = [];
    for (const e of this.files.values()) for (const r of e.refs) snapshot.push(r);
    this.snapshot = snapshot;
    try {
      this.onChange();
    } catch {
      // the listener's failure is not the index's
    }
  }

  private read(data: string, source: string): ReportRef[] {
    try {
      const d = decodeBytes(Buffer.from(data, 'base64'));
      if (!d.ok) return [];
      return readReports(d.text).map((report) => refOf(source, report, d.text));
    } catch {
      return []; // an unreadable file only loses the cross-year check
    }
  }
}
