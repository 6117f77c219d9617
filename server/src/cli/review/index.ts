/**
 * `disclosure-report review [--out DIR] [--locale zh-CN|en] PATH...` (contract.md): what `check`
 * found, written for a reviewer into DIR — index.html (the dashboard), summary.csv, summary.xlsx and
 * memos/ (one 审核意见 per report, .md and .docx). Files are written whole to a temporary name and
 * renamed, so a reader never sees half a file; the folder is created when missing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { localize, type Locale } from '../../core';
import { dashboard } from './html';
import { memoDocx, memoMarkdown, memoOf } from './memo';
import { clean, reviewRows, type CheckedFile } from './rows';
import { summaryCsv, summaryXlsx } from './sheets';

export type { CheckedFile } from './rows';

export const DEFAULT_OUT = 'review';

/** Writes the review of `files` into `out`; returns the paths written (relative to `out`). Throws
 *  (an fs error naming the path) when a file cannot be written. */
export async function writeReview(files: CheckedFile[], out: string, locale: Locale): Promise<string[]> {
  const rows = reviewRows(files, locale);
  const outputs: [string, string | Uint8Array][] = [
    ['index.html', dashboard(rows, files.length, locale)],
    ['summary.csv', summaryCsv(rows, locale)],
    ['summary.xlsx', await summaryXlsx(rows, locale)],
  ];
  for (const r of rows) {
    if (!r.memo) continue;
    const memo = memoOf(r, locale);
    outputs.push([`${r.memo}.md`, memoMarkdown(memo)], [`${r.memo}.docx`, await memoDocx(memo)]);
  }
  mkdirSync(join(out, 'memos'), { recursive: true });
  for (const [name, content] of outputs) {
    const path = join(out, name);
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, content);
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw Object.assign(e as Error, { path });
    }
  }
  return outputs.map(([name]) => name);
}

/** The command: writes the review, says where (stdout) or why not (stderr); false when it failed. */
export async function runReview(
  files: CheckedFile[],
  out: string | undefined,
  locale: Locale,
  print: (s: string) => void,
  err: (s: string) => void,
): Promise<boolean> {
  const dir = out || DEFAULT_OUT;
  // A previous review's output inside the reviewed folder (its dashboard and memos quote report
  // text) is not reviewed again: the files under DIR are taken out of `files`, so that the
  // caller's output and exit status leave them out too.
  const root = resolve(dir) + sep;
  for (let i = files.length - 1; i >= 0; i--) {
    const p = files[i]!.path;
    if (p !== '-' && (resolve(p) + sep).startsWith(root)) files.splice(i, 1);
  }
  const safe = (s: string) => clean(s);
  try {
    await writeReview(files, dir, locale);
  } catch (e) {
    const x = e as { path?: string; code?: string; message?: string };
    const reason = x.code ?? x.message ?? '';
    err(
      `disclosure-report: ${localize({ id: 'review.write-failed', args: { path: safe(x.path ?? dir), reason } }, locale)}` +
        '\n',
    );
    return false;
  }
  print(localize({ id: 'review.written', args: { dir: safe(dir) } }, locale) + '\n');
  return true;
}
