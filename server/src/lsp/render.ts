/**
 * The text rendering of a PDF or Word report for the editor (shared/protocol.ts, RenderRequest):
 * the client sends the file's bytes (it reads them through workspace.fs, so any file system works),
 * the server runs the reader (server/src/readers, loaded on the first such file) and answers the
 * text the client shows as a read-only document, or why the file cannot be read, in the user's
 * language (report.not-found's messages, as the command line says it).
 */
import type { RenderParams, RenderResult } from '../../../shared/protocol';
import { localize, type Locale } from '../core';
import { MAX_FILE_BYTES } from '../node/files';
import { readBinaryReport } from '../readers';
import { invalid, object, string } from './params';

export function renderParams(method: string, p: unknown): RenderParams {
  const o = object(method, p);
  const name = string(method, o.name, 'params.name');
  const data = string(method, o.data, 'params.data');
  // base64 of at most MAX_FILE_BYTES bytes
  if (data.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw invalid(method, 'params.data: the file is too large');
  return { name, data };
}

/** The extension of a file name or URI (lower case, with the dot; '' without one). */
export function extensionOf(name: string): string {
  const path = name.replace(/[?#].*$/s, '');
  const m = /\.[^./\\]*$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

export async function render(p: RenderParams, locale: Locale): Promise<RenderResult> {
  const bytes = Buffer.from(p.data, 'base64');
  const r = await readBinaryReport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), extensionOf(p.name));
  if (r.ok) return { ok: true, text: r.rendering.text };
  return { ok: false, reason: r.reason, message: localize({ id: `report.not-found.${r.reason}` }, locale) };
}
