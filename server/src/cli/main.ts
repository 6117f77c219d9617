/**
 * The command line:
 *   disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] PATH...
 *   disclosure-report tables [--format json|csv|markdown] PATH...
 * Reads files, folders (walked for .txt .md .html) and stdin (`-`); decodes UTF-8, UTF-16 with BOM,
 * and GBK/GB18030. Output goes to stdout only when every input was read (nothing half-written).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from '../core/parse';
import { lineIndex, normalizeReport, toCsv, toMarkdown } from '../core/normalized';
import type { Report } from '../core/model';
import { analysisText } from '../core/normalize';
import { checkDocument } from '../core/check';
import { localize, toLocale, type Locale } from '../core/i18n';
import { CODES, type Finding } from '../core/findings';
import type { ReportRef } from '../core/rules/rule';
import { decode } from './decode';
import { lastAtOrBefore, lineStarts, num } from '../core/lines';

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
  disclosure-report check  [--format text|json|sarif] [--locale zh-CN|en] PATH...
  disclosure-report tables [--format json|csv|markdown] PATH...
PATH is a file, a folder (walked for .txt .md .html files) or - for standard input.
check exits 0 when no finding is an error, 1 when one is, 2 on a usage or I/O error.`;

interface Pos {
  line: number;
  character: number;
}

function positions(text: string): (offset: number) => Pos {
  const starts = lineStarts(text);
  return (offset) => {
    const line = lastAtOrBefore(starts, offset, num);
    return { line, character: offset - starts[line]! };
  };
}

interface Checked {
  path: string;
  text: string;
  reports: Report[];
  findings: Finding[];
  pos: (offset: number) => Pos;
}

function runCheck(inputs: Input[]): Checked[] {
  const parsed = inputs.map((i) => ({ ...i, model: parse(i.text) }));
  // Every input's reports are the others' previous years, for the cross-year check.
  const refs: ReportRef[] = parsed.flatMap((p) => p.model.reports.map((report) => ({ source: p.path, organ: report.organ, year: report.year, report })));
  return parsed.map((p) => {
    const at = p.model.html ? p.text : analysisText(p.text).text;
    const findings = checkDocument(at, p.text, p.model, { others: refs });
    return { path: p.path, text: p.text, reports: p.model.reports, findings, pos: positions(p.text) };
  });
}

const LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '建议', reports: '份报告', files: '个文件', total: '合计' },
  en: { error: 'errors', warning: 'warnings', information: 'notes', hint: 'hints', reports: 'reports', files: 'files', total: 'total' },
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
      out.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code} ${localize(f.message, locale)}`);
    }
    const n = r.reports.length;
    out.push(`${r.path}: ${summary(counts(r.findings), locale)}${locale === 'en' ? ` (${LABEL.en.reports}: ${n})` : `（${n} ${LABEL['zh-CN'].reports}）`}`);
    for (const f of r.findings) all.push(f);
  }
  const l = LABEL[locale];
  out.push(locale === 'en' ? `${l.total}: ${l.files}: ${results.length}, ${summary(counts(all), locale)}` : `${l.total}：${results.length} ${l.files}，${summary(counts(all), locale)}`);
  return out.join('\n') + '\n';
}

function formatJson(results: Checked[], locale: Locale): string {
  const range = (r: Checked, s: number, e: number) => ({ start: r.pos(s), end: r.pos(Math.max(s, e)) });
  return (
    JSON.stringify(
      {
        files: results.map((r) => ({
          path: r.path,
          reports: r.reports.map((rep) => ({ title: rep.title, organ: rep.organ, year: rep.year, format: rep.format, range: range(r, rep.range.start, rep.range.end) })),
          diagnostics: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: localize(f.message, locale), range: range(r, f.range.start, f.range.end) })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function formatSarif(results: Checked[], locale: Locale): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'disclosure-report', informationUri: 'https://example.invalid/disclosure-report', rules: CODES.map((id) => ({ id, shortDescription: { text: id } })) } },
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const s = r.pos(f.range.start);
            const e = r.pos(Math.max(f.range.start, f.range.end));
            return {
              ruleId: f.code,
              ruleIndex: CODES.indexOf(f.code),
              level: SARIF_LEVEL[f.severity],
              message: { text: localize(f.message, locale) },
              locations: [{ physicalLocation: { artifactLocation: { uri: r.path.replace(/\\/g, '/') }, region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 } } }],
            };
          }),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h') {
      out(USAGE + '\n');
      return command ? 0 : 2;
    }
    if (command !== 'tables' && command !== 'check') throw new UsageError(`unknown command: ${command}`);
    let format = command === 'check' ? 'text' : 'json';
    let localeArg: string | undefined;
    const paths: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === '--format') format = rest[++i] ?? '';
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a === '--locale') localeArg = rest[++i] ?? '';
      else if (a.startsWith('--locale=')) localeArg = a.slice(9);
      else if (a.startsWith('--')) throw new UsageError(`unknown option: ${a}`);
      else paths.push(a);
    }
    const formats = command === 'check' ? ['text', 'json', 'sarif'] : ['json', 'csv', 'markdown'];
    if (!formats.includes(format)) throw new UsageError(`--format must be ${formats.join(', ')}, not "${format}"`);
    if (localeArg !== undefined && localeArg !== 'zh-CN' && localeArg !== 'en') throw new UsageError(`--locale must be zh-CN or en, not "${localeArg}"`);
    const locale = toLocale(localeArg ?? 'zh-CN');
    if (!paths.length) throw new UsageError('no PATH given');
    const notes: string[] = [];
    const inputs = collect(paths, notes);
    for (const n of notes) err(n + '\n');
    if (command === 'check') {
      const results = runCheck(inputs);
      out(format === 'json' ? formatJson(results, locale) : format === 'sarif' ? formatSarif(results, locale) : formatText(results, locale));
      return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
    }
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
