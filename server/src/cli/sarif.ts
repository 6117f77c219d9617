/**
 * SARIF 2.1.0 for `check --format sarif`, valid for Microsoft's SARIF multitool (`validate`):
 * - the tool: name, version (package.json), informationUri and the rules with their descriptions and
 *   help from the registry (core `sarifRules`), a result's `ruleIndex` its code's index;
 * - locations: a path under the working folder is a relative URI (segments percent-encoded) with
 *   `uriBaseId: "%SRCROOT%"`, the working folder given once in `originalUriBaseIds` as an absolute
 *   file: URI ending in `/` (SARIF1004); a path outside it is an absolute file: URI without a base;
 *   stdin (`-`) has no artifact location, only its region;
 * - regions are 1-based lines and columns in UTF-16 code units (`columnKind`), end never before start.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODES, DOCS_URL, localize, SARIF_LEVEL, sarifRules, type Finding, type Locale, type Position } from '../core';
import { version } from '../../../package.json';

export const SRCROOT = '%SRCROOT%';

/** One file of the output, as the writers of every format have it. */
export interface SarifFile {
  path: string;
  findings: readonly Finding[];
  pos: (offset: number) => Position;
}

/** A relative path's URI reference: each segment percent-encoded (spaces, `#`, `%`, `?`, `:`). */
function relativeUri(path: string): string {
  return path
    .split(sep === '\\' ? /[\\/]/ : '/')
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** A file's `artifactLocation`: relative to `root` (with its base id) when the file is under it,
 *  else an absolute file: URI; null for stdin. */
export function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } | null {
  if (path === '-') return null;
  const abs = resolve(root, path);
  const rel = relative(root, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: relativeUri(rel), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(abs).href };
}

/** The SARIF `tool` object (the same for every run). */
export function sarifTool(locale: Locale) {
  return {
    driver: {
      name: 'disclosure-report',
      version,
      semanticVersion: version,
      informationUri: DOCS_URL,
      rules: sarifRules(locale),
    },
  };
}

/** The run's `originalUriBaseIds`: %SRCROOT% is the working folder, as a file: URI ending in `/`. */
export function uriBaseIds(root: string) {
  const href = pathToFileURL(root).href;
  return { [SRCROOT]: { uri: href.endsWith('/') ? href : `${href}/` } };
}

/** One finding as a SARIF result. */
export function sarifResult(file: SarifFile, f: Finding, locale: Locale, root: string) {
  const s = file.pos(f.range.start);
  const e = file.pos(Math.max(f.range.start, f.range.end));
  const region = {
    startLine: s.line + 1,
    startColumn: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
  };
  const artifact = artifactLocation(file.path, root);
  return {
    ruleId: f.code,
    ruleIndex: CODES.indexOf(f.code),
    level: SARIF_LEVEL[f.severity],
    message: { text: localize(f.message, locale) },
    locations: [{ physicalLocation: { ...(artifact ? { artifactLocation: artifact } : {}), region } }],
  };
}

/** The whole log of one check. `root`: the folder %SRCROOT% stands for (the working folder). */
export function sarifLog(files: readonly SarifFile[], locale: Locale, root: string = process.cwd()): string {
  const results = [];
  for (const file of files) for (const f of file.findings) results.push(sarifResult(file, f, locale, root));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: sarifTool(locale), originalUriBaseIds: uriBaseIds(root), columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
