/**
 * The command line's output, written file by file (a file's part is written as soon as it is
 * checked, and its model dropped): text lines, and the JSON and SARIF documents as a head, one
 * element per file and a tail, byte for byte what JSON.stringify(…, null, 2) writes of the whole.
 */
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localize, type Finding, type Locale, type Position, type Report } from '../core';
import { sarifResult, sarifTool, uriBaseIds } from './sarif';

/** One file checked: its reports, its findings, and positions of its offsets. */
export interface Checked {
  path: string;
  reports: Report[];
  findings: Finding[];
  pos: (offset: number) => Position;
}

/** Escapes the characters that would act on a terminal or reorder the line: C0 and C1 controls
 *  (tab kept), DEL, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
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

/**
 * An array inside a JSON document written element by element: `push(element(x))` per element
 * (the first one writes the document up to the array), `close()` the rest. The document is JSON.stringify(doc(MARK), null,
 * 2); its array holds one marker string, whose line gives the indentation of the elements.
 */
export class JsonArrayWriter {
  private readonly head: string;
  private readonly tail: string;
  private readonly empty: string;
  private readonly indent: string;
  private count = 0;

  constructor(
    private readonly out: (s: string) => void,
    doc: (items: unknown[]) => unknown,
  ) {
    const MARK = '\u0000items\u0000';
    const whole = JSON.stringify(doc([MARK]), null, 2);
    const quoted = JSON.stringify(MARK);
    const at = whole.indexOf(quoted);
    const lineStart = whole.lastIndexOf('\n', at) + 1;
    this.indent = whole.slice(lineStart, at);
    this.head = whole.slice(0, lineStart - 1); // up to `[`
    this.tail = whole.slice(at + quoted.length); // from the line break before `]`
    this.empty = JSON.stringify(doc([]), null, 2);
  }

  /** An element, indented for its place in the document: JSON.stringify writes it at its depth, as
   *  the element of nested arrays (the indent is two spaces per level), and the arrays' lines around
   *  it are cut off; no second pass over its text. */
  element(x: unknown): string {
    const depth = this.indent.length / 2;
    let nested: unknown = x;
    for (let k = 0; k < depth; k++) nested = [nested];
    const s = JSON.stringify(nested, null, 2);
    // `[` lines before, `]` lines after: 2k + 2 characters each at depth k.
    const around = depth * (depth + 1);
    return s.slice(around, s.length - around);
  }

  /** Writes an element (from `element`), after the head or a comma. */
  push(element: string): void {
    this.out((this.count++ ? ',\n' : this.head + '\n') + element);
  }

  /** The end of the document (all of it when there was no element), with its final line break. */
  close(): void {
    this.out((this.count ? this.tail : this.empty) + '\n');
  }
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

/** The severity word of a text line (contract.md): 错误 / 警告 / 提示 / 建议, or English. */
const SEVERITY: Record<Locale, Record<Finding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};

/** Findings by where they start (stable: findings at one place keep the rules' order). */
export function inLineOrder(fs: readonly Finding[]): Finding[] {
  return fs
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.range.start - b.f.range.start || a.i - b.i)
    .map((x) => x.f);
}

/** A file that needs attention: its path and counts (errors first, then warnings). */
export interface Attention {
  path: string;
  counts: Counts;
}

/** The closing list of the text output: the files with errors, then those with warnings only. */
export function attentionList(list: readonly Attention[], locale: Locale): string {
  const needs = list
    .filter((a) => a.counts.error! > 0 || a.counts.warning! > 0)
    .sort((a, b) => b.counts.error! - a.counts.error! || b.counts.warning! - a.counts.warning!);
  if (!needs.length) return '';
  const head = locale === 'en' ? 'Files that need attention (errors first):' : '需要处理的文件（错误优先）：';
  let out = head + '\n';
  for (const a of needs) {
    const n =
      locale === 'en'
        ? `${a.counts.error} errors, ${a.counts.warning} warnings`
        : `错误 ${a.counts.error}，警告 ${a.counts.warning}`;
    out += `  ${safe(a.path)}  ${n}\n`;
  }
  return out;
}

export type Counts = Record<string, number>;

export const noCounts = (): Counts => ({ error: 0, warning: 0, information: 0, hint: 0 });

export function count(fs: Finding[], into: Counts = noCounts()): Counts {
  for (const f of fs) into[f.severity]!++;
  return into;
}

function summary(c: Counts, locale: Locale): string {
  const l = LABEL[locale];
  return locale === 'en'
    ? `${l.error}: ${c.error}, ${l.warning}: ${c.warning}, ${l.information}: ${c.information}, ${l.hint}: ${c.hint}`
    : `${l.error} ${c.error}，${l.warning} ${c.warning}，${l.information} ${c.information}，${l.hint} ${c.hint}`;
}

/** A file's lines of the text output: its findings, then its summary. */
export function textOf(r: Checked, locale: Locale): string {
  let out = '';
  for (const f of inLineOrder(r.findings)) {
    const p = r.pos(f.range.start);
    const severity = SEVERITY[locale][f.severity];
    out += `${safe(r.path)}:${p.line + 1}:${p.character + 1}: ${severity} ${f.code} ${safe(localize(f.message, locale))}\n`;
  }
  const n = r.reports.length;
  const reports = locale === 'en' ? ` (${LABEL.en.reports}: ${n})` : `（${n} ${LABEL['zh-CN'].reports}）`;
  return `${out}${safe(r.path)}: ${summary(count(r.findings), locale)}${reports}\n`;
}

/** The last line of the text output. */
export function textTotal(files: number, all: Counts, locale: Locale): string {
  const l = LABEL[locale];
  return locale === 'en'
    ? `${l.total}: ${l.files}: ${files}, ${summary(all, locale)}\n`
    : `${l.total}：${files} ${l.files}，${summary(all, locale)}\n`;
}

/** A file's element of the JSON output's `files`. */
export function jsonOf(r: Checked, locale: Locale): unknown {
  const range = (s: number, e: number) => ({ start: r.pos(s), end: r.pos(Math.max(s, e)) });
  return {
    path: r.path,
    reports: r.reports.map((rep) => ({
      title: rep.title,
      organ: rep.organ,
      year: rep.year,
      format: rep.format,
      range: range(rep.range.start, rep.range.end),
    })),
    diagnostics: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: localize(f.message, locale),
      range: range(f.range.start, f.range.end),
      ...(f.related?.length
        ? {
            related: f.related.map((x) => ({
              message: localize(x.message, locale),
              range: range(x.range.start, x.range.end),
            })),
          }
        : {}),
    })),
  };
}

/** The SARIF log around its results (cli/sarif.ts: the tool with its version and rules, %SRCROOT%). */
export function sarifLog(locale: Locale, root: string = process.cwd()): (results: unknown[]) => unknown {
  return (results) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: sarifTool(locale), originalUriBaseIds: uriBaseIds(root), columnKind: 'utf16CodeUnits', results }],
  });
}

/** A file's SARIF results (relative URIs under %SRCROOT%: cli/sarif.ts). */
export function sarifOf(r: Checked, locale: Locale, root: string = process.cwd()): unknown[] {
  return r.findings.map((f) => sarifResult(r, f, locale, root));
}
