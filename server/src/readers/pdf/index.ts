/**
 * The PDF reader: the text of every page with its position (pdfjs-dist), tables rebuilt from
 * their ruling lines, prose joined into paragraphs. Bytes in, a Rendering or a reason out; never
 * throws. pdfjs runs its "fake worker" in this thread: the worker module is imported here and
 * handed to pdfjs through `globalThis.pdfjsWorker`, so a bundle needs no separate worker file.
 */
import './polyfill';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { ReadResult } from '../rendering';
import { findTables } from './grid';
import { proseLines, render, type PageContent } from './layout';
import { extractRules, type OpCodes } from './rules';
import type { Item } from './text';

/** Bounds: pages read, text pieces per page. */
export const MAX_PAGES = 200;
const MAX_ITEMS = 20_000;

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  dir?: string;
}

/**
 * A vertical run that pdfjs cut short: it is followed by a blank at the same x that jumps far down
 * (pdfjs moved the rest of the run off the page and dropped it). Such a run is a spanned group label
 * (三、本年度…) that carries no figure; it is left out rather than shown truncated.
 */
function cutVertical(raw: RawItem, next: RawItem | undefined, size: number): boolean {
  const t = raw.transform!;
  const n = next?.transform;
  if (!next || !n || (next.str ?? '').trim() || Math.abs(n[4]! - t[4]!) > 1) return false;
  return (next.height ?? 0) > size * 3;
}

/**
 * Where pdfjs finds its data files, as a directory path or URL ending in '/'. PDFs that use a font
 * the file does not carry (STSong-Light with UniGB-UCS2-H, common in Chinese PDFs) need the
 * character maps (`pdfjs-dist/cmaps/`) to be read at all; without them their text is lost.
 */
export interface PdfOptions {
  cMapUrl?: string;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ReadResult> {
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']> | undefined;
  try {
    // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy
    const task = pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    });
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' };
    return { ok: false, reason: 'corrupt', detail: String((e as Error | null)?.message ?? e) };
  }
  try {
    const pages: PageContent[] = [];
    let chars = 0;
    const n = Math.min(doc.numPages, MAX_PAGES);
    for (let i = 1; i <= n; i++) {
      const page = await doc.getPage(i);
      const [x0 = 0, y0 = 0, , y1 = 842] = page.view;
      const height = y1 - y0;
      const content = await page.getTextContent();
      const items: Item[] = [];
      const raws = content.items as RawItem[];
      for (let k = 0; k < raws.length && items.length < MAX_ITEMS; k++) {
        const raw = raws[k]!;
        const str = raw.str ?? '';
        const t = raw.transform;
        if (!str.trim() || !t || t.length < 6) continue;
        const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || 10;
        if (raw.dir === 'ttb' && cutVertical(raw, raws[k + 1], size)) continue;
        const x = t[4]! - x0;
        const y = y1 - t[5]!;
        const w = raw.width ?? 0;
        const cy = raw.dir === 'ttb' ? y - size / 2 + (raw.height ?? 0) / 2 : y - size * 0.35;
        items.push({ str, x, w, y, cx: x + w / 2, cy, size });
        chars += str.trim().length;
      }
      const ops = await page.getOperatorList();
      const rules = extractRules(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as OpCodes, height);
      // shift the rules into the same origin as the text
      if (x0) for (const l of rules.h) ((l.x1 -= x0), (l.x2 -= x0));
      if (x0) for (const l of rules.v) l.x -= x0;
      const { tables, used } = findTables(rules, items);
      pages.push({ height, lines: proseLines(items.filter((it) => !used.has(it))), tables });
      page.cleanup();
    }
    if (chars === 0) return { ok: false, reason: 'scanned' };
    const { text, pages: starts } = render(pages);
    return { ok: true, rendering: { text, kind: 'pdf', pages: starts } };
  } catch (e) {
    const name = (e as { name?: string } | null)?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' };
    return { ok: false, reason: 'corrupt', detail: String((e as Error | null)?.message ?? e) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
