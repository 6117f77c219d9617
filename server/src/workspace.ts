/**
 * Other reports the cross-year check can compare with: the workspace folders' report files (read
 * once, re-read when their modification time changes), and the open documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from './core/parse';
import type { ReportRef } from './core/rules/rule';
import { decode } from './node/decode';

const EXT = new Set(['.txt', '.md', '.html', '.htm', '.gkbg', '.disclosure']);
const MAX_FILES = 1000;
const MAX_BYTES = 4 * 1024 * 1024;

export class WorkspaceIndex {
  private files = new Map<string, { mtime: number; refs: ReportRef[] }>();
  private folders: string[] = [];

  setFolders(uris: string[]): void {
    this.folders = uris.flatMap((u) => {
      try {
        return [fileURLToPath(u)];
      } catch {
        return [];
      }
    });
    this.files.clear();
    this.walked = null;
  }

  private walked: { at: number; refs: ReportRef[] } | null = null;

  /** Reports of the workspace files, except `skipPath` (the open document itself). The folders are
   *  walked again at most every few seconds; a file is re-read only when it changed. */
  refs(skipPath?: string): ReportRef[] {
    const now = Date.now();
    if (!this.walked || now - this.walked.at > 5000) this.walked = { at: now, refs: this.walk() };
    return skipPath ? this.walked.refs.filter((r) => r.source !== skipPath) : this.walked.refs;
  }

  private walk(): ReportRef[] {
    const out: ReportRef[] = [];
    let count = 0;
    const walk = (dir: string, depth: number) => {
      if (depth > 6 || count > MAX_FILES) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const p = join(dir, name);
        let st;
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isDirectory()) walk(p, depth + 1);
        else if (EXT.has(extname(name).toLowerCase()) && st.size <= MAX_BYTES && ++count <= MAX_FILES) {
          let entry = this.files.get(p);
          if (!entry || entry.mtime !== st.mtimeMs) {
            let refs: ReportRef[] = [];
            try {
              const m = parse(decode(readFileSync(p)));
              refs = m.reports.map((report) => ({ source: p, organ: report.organ, year: report.year, report }));
            } catch {
              refs = [];
            }
            entry = { mtime: st.mtimeMs, refs };
            this.files.set(p, entry);
          }
          for (const r of entry.refs) out.push(r);
        }
      }
    };
    for (const f of this.folders) walk(f, 0);
    return out;
  }
}
