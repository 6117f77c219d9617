/**
 * The command line:
 *   disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] PATH...
 *   disclosure-report tables [--format json|csv|markdown] PATH...
 * Reads files, folders (walked for the report extensions, safely: node/files.ts) and stdin (`-`);
 * decodes UTF-8, UTF-16 and GB18030 (node/decode.ts); reads .pdf and .docx through their text
 * rendering (server/src/readers: the positions of the output are the rendering's lines).
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
import { lstatSync, statSync } from 'node:fs';
import { extname, isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODES,
  localize,
  SARIF_LEVEL,
  sarifRules,
  normalizeReport,
  openDocument,
  proseSketches,
  toCsv,
  toLocale,
  toMarkdown,
  type Finding,
  type Locale,
  type Message,
  type Position,
  type Report,
  type ReportDocument,
  type ReportRef,
} from '../core';
import { decodeBytes } from '../node/decode';
import { isFailure, problemMessage, readRegular, readRegularSync, walkFolder, type Problem } from '../node/files';
import { isBinaryReport, readBinaryReport } from '../readers';
import { runReview } from './review';

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

interface Input {
  path: string;
  /** Named on the command line (not found in a folder walk). */
  named: boolean;
  text: string | null;
  /** Why there is no text (a report.not-found reason). */
  reason?: Message;
}

class UsageError extends Error {
  constructor(readonly msg: Message) {
    super(msg.id);
  }
}
/** A named PATH that does not exist: stop before printing anything. */
class FatalError extends Error {}

/** Escapes the characters that would act on a terminal or reorder the line: C0 and C1 controls
 *  (tab kept), DEL, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

interface Collected {
  inputs: Input[];
  /** Folders named on the command line, with the range of inputs they gave. */
  folders: { path: string; first: number; end: number }[];
  /** An input could not be read (exit 2). */
  failed: boolean;
}

async function collect(paths: string[], locale: Locale, note: (path: string, m: Message) => void): Promise<Collected> {
  const c: Collected = { inputs: [], folders: [], failed: false };
  const unreadable = (path: string, problem: Problem, named: boolean) => {
    note(path, problemMessage(problem));
    if (
      isFailure(problem) ||
      (named && (problem.kind === 'fifo' || problem.kind === 'socket' || problem.kind === 'device'))
    )
      c.failed = true;
    c.inputs.push({
      path,
      named,
      text: null,
      reason: { id: 'report.not-found.unreadable', args: { reason: localize(problemMessage(problem), locale) } },
    });
  };
  const decoded = (path: string, bytes: Uint8Array, named: boolean) => {
    const d = decodeBytes(bytes);
    if (!d.ok) {
      if (named) c.inputs.push({ path, named, text: null, reason: { id: `report.not-found.${d.reason}` } });
      else note(path, { id: d.reason === 'empty' ? 'cli.skipped-empty' : 'cli.skipped-binary' });
      return;
    }
    if (d.encoding === 'utf-8+gb18030') note(path, { id: 'cli.mixed-encoding' });
    if (d.badLines.length) {
      const shown = d.badLines.slice(0, 10).join(locale === 'en' ? ', ' : '、');
      note(path, { id: 'cli.bad-bytes', args: { lines: d.badLines.length > 10 ? `${shown}…` : shown } });
    }
    c.inputs.push({ path, named, text: d.text });
  };
  /** A PDF or Word file: its text rendering, or why it cannot be read (an error, named or walked:
   *  a report file that cannot be read is never a pass). */
  const binary = async (path: string, bytes: Uint8Array, named: boolean) => {
    const r = await readBinaryReport(bytes, extname(path));
    if (r.ok) c.inputs.push({ path, named, text: r.rendering.text });
    else c.inputs.push({ path, named, text: null, reason: { id: `report.not-found.${r.reason}` } });
  };
  const read = (path: string, bytes: Uint8Array, named: boolean) =>
    path !== '-' && isBinaryReport(extname(path)) ? binary(path, bytes, named) : decoded(path, bytes, named);
  for (const p of paths) {
    if (p === '-') {
      const r = readRegularSync(0);
      if (r.ok) await read('-', r.bytes, true);
      else unreadable('-', r.problem, true);
      continue;
    }
    let isDir = false;
    try {
      const st = lstatSync(p);
      isDir = st.isDirectory() || (st.isSymbolicLink() && statSync(p).isDirectory());
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR')
        throw new FatalError(
          localize({ id: 'cli.note', args: { path: safe(p), reason: localize({ id: 'io.missing' }, locale) } }, locale),
        );
    }
    if (isDir) {
      const first = c.inputs.length;
      const walked = await walkFolder(p, { extensions: EXTENSIONS });
      for (const s of walked.skipped) {
        if ('extension' in s)
          note(s.path, {
            id: isBinaryReport(extname(s.path)) ? 'report.not-found.legacy-word' : 'cli.skipped-extension',
          });
        else {
          note(s.path, problemMessage(s.problem));
          if (isFailure(s.problem) || s.problem.kind === 'too-many') c.failed = true;
        }
      }
      for (const f of walked.files) {
        const r = await readRegular(f.real);
        if (r.ok) await read(f.path, r.bytes, false);
        else if (isFailure(r.problem) || r.problem.kind === 'too-large') unreadable(f.path, r.problem, false);
        else note(f.path, problemMessage(r.problem));
      }
      c.folders.push({ path: p, first, end: c.inputs.length });
      continue;
    }
    const r = await readRegular(p);
    if (r.ok) await read(p, r.bytes, true);
    else unreadable(p, r.problem, true);
  }
  return c;
}

type Pos = Position;

interface Checked {
  path: string;
  text: string;
  reports: Report[];
  findings: Finding[];
  pos: (offset: number) => Pos;
}

interface Item {
  path: string;
  text: string;
  doc: ReportDocument | null;
  reports: Report[];
  /** The input holds no report: why (a report.not-found finding). */
  notFound?: Message;
}

/** Inputs → the files of the output. A named input with no report, an unreadable file and a named
 *  folder with no report at all get `report.not-found`; a file found in a folder walk with no
 *  report is left out with a note. */
function toItems(c: Collected, note: (path: string, m: Message) => void): Item[] {
  // Every file is read the way the editor reads it: through the core's document.
  const docs = c.inputs.map((i) => (i.text === null ? null : openDocument(i.text)));
  const parsed = docs.map((d) => d && { doc: d, reports: d.model().reports });
  const counted = (k: number) => c.inputs[k]!.text === null || (parsed[k]?.reports.length ?? 0) > 0;
  const out: Item[] = [];
  for (let k = 0; k <= c.inputs.length; k++) {
    for (const f of c.folders) {
      if (f.end !== k) continue;
      let any = false;
      for (let j = f.first; j < f.end && !any; j++) any = counted(j);
      if (!any)
        out.push({ path: f.path, text: '', doc: null, reports: [], notFound: { id: 'report.not-found.folder' } });
    }
    if (k === c.inputs.length) break;
    const input = c.inputs[k]!;
    const read = parsed[k] ?? null;
    if (input.text === null) out.push({ path: input.path, text: '', doc: null, reports: [], notFound: input.reason });
    else if (read && read.reports.length) out.push({ path: input.path, text: input.text, ...read });
    else if (input.named)
      out.push({
        path: input.path,
        text: input.text,
        doc: read?.doc ?? null,
        reports: [],
        notFound: { id: 'report.not-found.none' },
      });
    else note(input.path, { id: 'cli.skipped-none' });
  }
  return out;
}

function runCheck(items: Item[]): Checked[] {
  // Every input's reports are the others' previous years, for the cross-year check.
  const refs: ReportRef[] = [];
  for (const p of items)
    for (const report of p.reports) {
      // its prose sketched for crossyear.copied-text
      const prose = proseSketches(p.text, report);
      refs.push({ source: p.path, organ: report.organ, year: report.year, report, prose });
    }
  const none = { positionAt: (o: number): Pos => ({ line: 0, character: o }) };
  return items.map((p) => {
    const doc = p.doc;
    if (!doc || p.notFound) {
      const f: Finding = {
        code: 'report.not-found',
        severity: 'error',
        range: { start: 0, end: 0 },
        message: p.notFound ?? { id: 'report.not-found.none' },
      };
      const at = doc ?? none;
      return { path: p.path, text: p.text, reports: [], findings: [f], pos: (o: number) => at.positionAt(o) };
    }
    // Every report of every input (a report is never its own previous year).
    const findings = doc.allFindings({ others: refs });
    return {
      path: p.path,
      text: p.text,
      reports: doc.model().reports,
      findings,
      pos: (o: number) => doc.positionAt(o),
    };
  });
}

const LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    error: '错误',
    warning: '警告',
    information: '提示',
    hint: '建议',
    reports: '份报告',
    files: '个文件',
    total: '合计',
  },
  en: {
    error: 'errors',
    warning: 'warnings',
    information: 'notes',
    hint: 'hints',
    reports: 'reports',
    files: 'files',
    total: 'total',
  },
};

function counts(fs: Finding[]): Record<string, number> {
  const c: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of fs) c[f.severity]!++;
  return c;
}

function summary(c: Record<string, number>, locale: Locale): string {
  const l = LABEL[locale];
  return locale === 'en'
    ? `${l.error}: ${c.error}, ${l.warning}: ${c.warning}, ${l.information}: ${c.information}, ${l.hint}: ${c.hint}`
    : `${l.error} ${c.error}，${l.warning} ${c.warning}，${l.information} ${c.information}，${l.hint} ${c.hint}`;
}

function formatText(results: Checked[], locale: Locale): string {
  const out: string[] = [];
  const all: Finding[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const p = r.pos(f.range.start);
      out.push(
        `${safe(r.path)}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code} ${safe(localize(f.message, locale))}`,
      );
    }
    const n = r.reports.length;
    out.push(
      `${safe(r.path)}: ${summary(counts(r.findings), locale)}${locale === 'en' ? ` (${LABEL.en.reports}: ${n})` : `（${n} ${LABEL['zh-CN'].reports}）`}`,
    );
    for (const f of r.findings) all.push(f);
  }
  const l = LABEL[locale];
  out.push(
    locale === 'en'
      ? `${l.total}: ${l.files}: ${results.length}, ${summary(counts(all), locale)}`
      : `${l.total}：${results.length} ${l.files}，${summary(counts(all), locale)}`,
  );
  return out.join('\n') + '\n';
}

function formatJson(results: Checked[], locale: Locale): string {
  const range = (r: Checked, s: number, e: number) => ({ start: r.pos(s), end: r.pos(Math.max(s, e)) });
  return (
    JSON.stringify(
      {
        files: results.map((r) => ({
          path: r.path,
          reports: r.reports.map((rep) => ({
            title: rep.title,
            organ: rep.organ,
            year: rep.year,
            format: rep.format,
            range: range(r, rep.range.start, rep.range.end),
          })),
          diagnostics: r.findings.map((f) => ({
            code: f.code,
            severity: f.severity,
            message: localize(f.message, locale),
            range: range(r, f.range.start, f.range.end),
            ...(f.related?.length
              ? {
                  related: f.related.map((x) => ({
                    message: localize(x.message, locale),
                    range: range(r, x.range.start, x.range.end),
                  })),
                }
              : {}),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** A file's SARIF `artifactLocation.uri`: a file: URL for an absolute path, else a relative
 *  reference with each segment percent-encoded (spaces, `#`, `%`, `?`, `:`). */
export function artifactUri(path: string): string {
  if (path === '-') return '-';
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split(sep === '\\' ? /[\\/]/ : '/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function formatSarif(results: Checked[], locale: Locale): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'disclosure-report',
            informationUri: 'https://example.invalid/disclosure-report',
            rules: sarifRules(locale),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const s = r.pos(f.range.start);
            const e = r.pos(Math.max(f.range.start, f.range.end));
            return {
              ruleId: f.code,
              ruleIndex: CODES.indexOf(f.code),
              level: SARIF_LEVEL[f.severity],
              message: { text: localize(f.message, locale) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(r.path) },
                    region: {
                      startLine: s.line + 1,
                      startColumn: s.character + 1,
                      endLine: e.line + 1,
                      endColumn: e.character + 1,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
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
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--format') format = rest[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a === '--locale') localeArg = rest[++i] ?? '';
      else if (a.startsWith('--locale=')) localeArg = a.slice(9);
      else if (a === '--out' && command === 'review') outDir = rest[++i] ?? '';
      else if (a.startsWith('--out=') && command === 'review') outDir = a.slice(6);
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
    const notes: string[] = [];
    const note = (path: string, m: Message) =>
      notes.push(localize({ id: 'cli.note', args: { path: safe(path), reason: safe(localize(m, locale)) } }, locale));
    const collected = await collect(paths, locale, note);
    const items = toItems(collected, note);
    for (const n of notes) err(n + '\n');
    const failed = collected.failed ? 2 : 0;
    if (command === 'check' || command === 'review') {
      const results = runCheck(items);
      // review: the check's text on stdout, the folder written (and where) on stderr
      if (command === 'review' && !(await runReview(results, outDir, locale, err, err))) return 2;
      out(
        format === 'json'
          ? formatJson(results, locale)
          : format === 'sarif'
            ? formatSarif(results, locale)
            : formatText(results, locale),
      );
      return failed || (results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0);
    }
    if (format === 'json') {
      const files = items.map((p) => {
        const doc = p.doc;
        return {
          path: p.path,
          reports: doc ? p.reports.map((r) => normalizeReport(r, (o) => doc.positionAt(o).line)) : [],
        };
      });
      out(JSON.stringify({ files }, null, 2) + '\n');
    } else {
      const rows: { path: string; report: Report }[] = [];
      for (const p of items) for (const report of p.reports) rows.push({ path: p.path, report });
      out(format === 'csv' ? toCsv(rows) : toMarkdown(rows));
    }
    return failed;
  } catch (e) {
    if (e instanceof UsageError)
      err(`disclosure-report: ${localize(e.msg, locale)}\n${localize({ id: 'cli.usage' }, locale)}\n`);
    else if (e instanceof FatalError) err(`disclosure-report: ${e.message}\n`);
    else err(`disclosure-report: ${safe((e as Error).message)}\n`);
    return 2;
  }
}
