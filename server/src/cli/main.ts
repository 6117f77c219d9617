/**
 * The command line:
 *   disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] [--baseline FILE] [--update-baseline] PATH...
 *   disclosure-report tables [--format json|csv|markdown] PATH...
 * Reads files, folders (walked for the report extensions, safely: node/files.ts) and stdin (`-`);
 * decodes UTF-8, UTF-16 and GB18030 (node/decode.ts); reads .pdf and .docx through their text
 * rendering (server/src/readers: the positions of the output are the rendering's lines).
 * One file at a time (run.ts): each file is read, checked and written out before the next one is
 * read (inputs.ts reads, output.ts writes).
 *
 * Bad input (README, Command line):
 * - a usage error or a PATH that does not exist: message on stderr, nothing on stdout, exit 2;
 * - a file that cannot be read (permission, read error; a named FIFO or device): a note on stderr
 *   and a `report.not-found` error for it in the output, the other inputs are still checked, exit 2;
 * - a file named on the command line (or a folder) that yields no report — empty, not text, no
 *   section recognised, too large — is a `report.not-found` error (exit 1);
 * - in a folder: FIFOs, sockets, devices, links out of the folder or in loops, other extensions
 *   and files without a report are skipped with a note on stderr; an unreadable or too large
 *   report file is an error as above.
 */
import { localize, toLocale, type Locale, type Message } from '../core';
import { FatalError, plan } from './inputs';
import { count, noCounts, safe, textOf, textTotal } from './output';
import { Dismissals } from './dismissals';
import { run } from './run';
import { runReview } from './review';

export { artifactUri, safe } from './output';

/** Walked in folders: text reports, and PDF and Word files (read by server/src/readers, loaded on first use). */
export const EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt',
  '.md',
  '.html',
  '.htm',
  '.gkbg',
  '.disclosure',
  '.pdf',
  '.docx',
]);

class UsageError extends Error {
  constructor(readonly msg: Message) {
    super(msg.id);
  }
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let locale: Locale = 'zh-CN';
  try {
    const [command, ...rest] = argv;
    // the locale first, so that usage errors are in the user's language
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--locale' && rest[i + 1] === 'en') locale = 'en';
      else if (rest[i] === '--locale=en') locale = 'en';
    }
    if (command === '--help' || command === '-h') {
      out(localize({ id: 'cli.usage' }, locale) + '\n');
      return 0;
    }
    if (!command) throw new UsageError({ id: 'cli.no-path' });
    if (command !== 'tables' && command !== 'check' && command !== 'review')
      throw new UsageError({ id: 'cli.unknown-command', args: { value: safe(command) } });
    let format = command === 'tables' ? 'json' : 'text';
    let localeArg: string | undefined;
    let outDir: string | undefined;
    let baseline: string | null = null;
    let update = false;
    const dismissable = command !== 'tables';
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--format') format = rest[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a === '--locale') localeArg = rest[++i] ?? '';
      else if (a.startsWith('--locale=')) localeArg = a.slice(9);
      else if (a === '--out' && command === 'review') outDir = rest[++i] ?? '';
      else if (a.startsWith('--out=') && command === 'review') outDir = a.slice(6);
      else if (a === '--baseline' && dismissable) baseline = rest[++i] ?? '';
      else if (a.startsWith('--baseline=') && dismissable) baseline = a.slice(11);
      else if (a === '--update-baseline' && dismissable) update = true;
      else if (a.startsWith('--')) throw new UsageError({ id: 'cli.unknown-option', args: { value: safe(a) } });
      else paths.push(a);
    }
    const formats =
      command === 'check' ? ['text', 'json', 'sarif'] : command === 'review' ? ['text'] : ['json', 'csv', 'markdown'];
    if (!formats.includes(format))
      throw new UsageError({ id: 'cli.bad-format', args: { allowed: formats.join(', '), value: safe(format) } });
    if (localeArg !== undefined && localeArg !== 'zh-CN' && localeArg !== 'en')
      throw new UsageError({ id: 'cli.bad-locale', args: { value: safe(localeArg) } });
    locale = toLocale(localeArg ?? 'zh-CN');
    if (!paths.length) throw new UsageError({ id: 'cli.no-path' });
    if (baseline === '') throw new UsageError({ id: 'cli.baseline-missing' });
    // Notes go to stderr as they come; those of the walks once every PATH is known to exist.
    const notes: string[] = [];
    let held = true;
    const note = (path: string, m: Message) => {
      const n = localize({ id: 'cli.note', args: { path: safe(path), reason: safe(localize(m, locale)) } }, locale);
      if (held) notes.push(n);
      else err(n + '\n');
    };
    const planned = await plan(paths, locale, note, safe, EXTENSIONS);
    for (const n of notes) err(n + '\n');
    held = false;
    // Every baseline read before anything is printed (a broken one stops the run: exit 2).
    const dismissals = dismissable ? Dismissals.prepare(planned, { file: baseline, update }, locale, safe) : null;
    /** After the run: the baselines written, and what the output leaves out. */
    const closing = (toText: boolean) => {
      dismissals?.write();
      const said = dismissals?.summary(safe) ?? '';
      if (said) (toText ? out : err)(said);
    };
    if (command === 'review') {
      // review: the check's text on stdout, of the files reviewed (runReview leaves out those of
      // a previous review), once the folder is written; where on stderr
      const r = await run('review', 'text', locale, planned, () => undefined, note, dismissals);
      if (!(await runReview(r.results, outDir, locale, err, err))) return 2;
      const all = noCounts();
      for (const f of r.results) {
        out(textOf(f, locale));
        count(f.findings, all);
      }
      out(textTotal(r.results.length, all, locale));
      closing(true);
      return r.failed ? 2 : all.error ? 1 : 0;
    }
    const r = await run(command, format, locale, planned, out, note, dismissals);
    closing(format === 'text');
    return r.failed ? 2 : command === 'check' && r.errors ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError)
      err(`disclosure-report: ${localize(e.msg, locale)}\n${localize({ id: 'cli.usage' }, locale)}\n`);
    else if (e instanceof FatalError) err(`disclosure-report: ${e.message}\n`);
    else err(`disclosure-report: ${safe((e as Error).message)}\n`);
    return 2;
  }
}
