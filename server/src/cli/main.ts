/**
 * The command line: `disclosure-report tables [--format json|csv|markdown] PATH...`.
 * Reads files, folders (walked for .txt .md .html) and stdin (`-`); decodes UTF-8, UTF-16 with BOM,
 * and GBK/GB18030. Output goes to stdout only when every input was read (nothing half-written).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from '../core/parse';
import { lineIndex, normalizeReport, toCsv, toMarkdown } from '../core/normalized';
import type { Report } from '../core/model';
import { decode } from './decode';

const EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.gkbg']);

interface Input {
  path: string;
  text: string;
}

class UsageError extends Error {}

function collect(paths: string[], notes: string[]): Input[] {
  const out: Input[] = [];
  const visit = (p: string, explicit: boolean) => {
    if (p === '-') {
      out.push({ path: '-', text: decode(readFileSync(0)) });
      return;
    }
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        visit(join(p, name), false);
      }
      return;
    }
    if (!explicit && !EXTENSIONS.has(extname(p).toLowerCase())) {
      notes.push(`skipped ${p}: not a .txt, .md or .html file`);
      return;
    }
    out.push({ path: p, text: decode(readFileSync(p)) });
  };
  for (const p of paths) visit(p, true);
  return out;
}

const USAGE = `usage:
  disclosure-report tables [--format json|csv|markdown] PATH...
PATH is a file, a folder (walked for .txt .md .html files) or - for standard input.`;

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      out(USAGE + '\n');
      return command ? 0 : 2;
    }
    if (command !== 'tables') throw new UsageError(`unknown command: ${command}`);
    let format = 'json';
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--format') format = rest[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a.startsWith('--') ) throw new UsageError(`unknown option: ${a}`);
      else paths.push(a);
    }
    if (!['json', 'csv', 'markdown'].includes(format)) throw new UsageError(`--format must be json, csv or markdown, not "${format}"`);
    if (!paths.length) throw new UsageError('no PATH given');
    const notes: string[] = [];
    const inputs = collect(paths, notes);
    for (const n of notes) err(n + '\n');
    const parsed = inputs.map((i) => ({ ...i, model: parse(i.text) }));
    if (format === 'json') {
      const files = parsed.map((p) => {
        const li = lineIndex(p.text);
        return { path: p.path, reports: p.model.reports.map((r) => normalizeReport(r, li)) };
      });
      out(JSON.stringify({ files }, null, 2) + '\n');
    } else {
      const items: { path: string; report: Report }[] = parsed.flatMap((p) => p.model.reports.map((report) => ({ path: p.path, report })));
      out(format === 'csv' ? toCsv(items) : toMarkdown(items));
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) err(`disclosure-report: ${e.message}\n${USAGE}\n`);
    else err(`disclosure-report: ${(e as Error).message}\n`);
    return 2;
  }
}
