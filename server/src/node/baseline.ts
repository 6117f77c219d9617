/**
 * Dismissals (issue 14, item 4): a reviewer marks a finding as reviewed, and it stays dismissed across
 * runs and editors until the text it points at changes. The baseline is a JSON file beside the
 * reports (`.disclosure-report-baseline.json`), written by `check --update-baseline` (or the
 * editor's 标记为已审核) and read by `check` and the language server.
 *
 * A finding's fingerprint is not its line number (an edit above it moves it): it is a hash of its
 * code, its report's organ (by identity: crossyear/identity.ts, so 人民政府 and 政府 agree) and year,
 * the text of its range and the text of the line it starts on. Two findings alike in all of these
 * (the same cell written the same way on two identical lines) share one fingerprint: dismissing one
 * dismisses both, which is what a reviewer who judged that text acceptable means.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { organIdentity, type Finding } from '../core';

export const BASELINE_NAME = '.disclosure-report-baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  /** For the reader of the file: what was dismissed (not used to match). */
  code: string;
  path: string;
  message: string;
}

export interface Baseline {
  version: number;
  entries: BaselineEntry[];
}

/** What a fingerprint reads of a finding's context. */
export interface FindingPlace {
  /** The document's text (as the finding's offsets count it). */
  text: string;
  /** The organ and year of the finding's report, when it has one. */
  organ: string | null;
  year: number | null;
}

/** The line of `text` holding `offset` (lines break at CR, LF and CRLF). */
function lineAround(text: string, offset: number): string {
  let s = Math.min(Math.max(0, offset), text.length);
  let e = s;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return text.slice(s, e);
}

/** A finding's fingerprint: 32 hex digits of SHA-256 over code, organ identity, year, range text and
 *  line text (NUL-separated). */
export function fingerprint(f: Pick<Finding, 'code' | 'range'>, at: FindingPlace): string {
  const start = Math.min(f.range.start, f.range.end);
  const end = Math.max(f.range.start, f.range.end);
  const organ = at.organ ? organIdentity(at.organ).key : '';
  const parts = [f.code, organ, String(at.year ?? ''), at.text.slice(start, end), lineAround(at.text, start)];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The baseline beside `path` (a folder: inside it; a file: in its folder). */
export function baselineBeside(path: string, isFolder: boolean): string {
  return join(isFolder ? path : dirname(path), BASELINE_NAME);
}

export type ReadBaseline = { ok: true; baseline: Baseline | null } | { ok: false; reason: 'malformed' | 'unreadable' };

/** Reads a baseline: null when there is none; a file that is not one is an error, never an empty
 *  baseline (a typo must not bring every dismissed finding back silently, nor hide them). */
export function readBaseline(file: string): ReadBaseline {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT'
      ? { ok: true, baseline: null }
      : { ok: false, reason: 'unreadable' };
  }
  try {
    const data = JSON.parse(raw.replace(/^\ufeff/, '')) as Partial<Baseline>;
    if (data.version !== BASELINE_VERSION || !Array.isArray(data.entries)) return { ok: false, reason: 'malformed' };
    const entries: BaselineEntry[] = [];
    for (const x of data.entries)
      if (x && typeof x.fingerprint === 'string')
        entries.push({
          fingerprint: x.fingerprint,
          code: String(x.code ?? ''),
          path: String(x.path ?? ''),
          message: String(x.message ?? ''),
        });
    return { ok: true, baseline: { version: BASELINE_VERSION, entries } };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

/** Writes a baseline, entries sorted (by path, code, fingerprint: a stable file to review in a
 *  diff) and without duplicates; through a temporary file, so that a reader never sees half of it. */
export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const seen = new Set<string>();
  const unique: BaselineEntry[] = [];
  for (const e of entries) if (!seen.has(e.fingerprint)) (seen.add(e.fingerprint), unique.push(e));
  unique.sort((a, b) =>
    a.path + '\u0000' + a.code + '\u0000' + a.fingerprint < b.path + '\u0000' + b.code + '\u0000' + b.fingerprint
      ? -1
      : 1,
  );
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: BASELINE_VERSION, entries: unique }, null, 2) + '\n');
  renameSync(tmp, file);
}

/** The findings not dismissed by `baseline` (each paired with its place). */
export function undismissed<F extends Pick<Finding, 'code' | 'range'>>(
  findings: readonly F[],
  placeOf: (f: F) => FindingPlace,
  baseline: Baseline | null,
): F[] {
  if (!baseline?.entries.length) return [...findings];
  const dismissed = new Set(baseline.entries.map((e) => e.fingerprint));
  return findings.filter((f) => !dismissed.has(fingerprint(f, placeOf(f))));
}
