/**
 * The one door to the binary readers: `readBinaryReport(bytes, ext)` picks the reader by the file's
 * extension (checked against the bytes: a .doc that is really OOXML is read as .docx, a .docx that
 * is really an old Word file is `legacy-word`) and loads it on first use.
 *
 * Loaded lazily: the PDF reader (pdfjs) and the Word reader (fflate) are not part of dist/server.js
 * nor dist/cli.js. esbuild.mjs builds them as dist/readers/pdf.js and dist/readers/docx.js and turns
 * the `import('./pdf')` / `import('./docx')` below into imports of those files, so a user who never
 * opens a PDF never loads pdfjs. Under tsx (the tests) the same imports load the sources.
 */
import type { ReadResult } from './rendering';

export type { ReadResult, Rendering, UnreadableReason } from './rendering';

/** The extensions a binary reader answers for (lower case, with the dot). */
export const BINARY_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.doc', '.wps']);

export const isBinaryReport = (ext: string): boolean => BINARY_EXTENSIONS.has(ext.toLowerCase());

type Kind = 'pdf' | 'docx' | 'legacy-word' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4 (OOXML)
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file (.doc, .wps, encrypted .docx)

/** What the bytes say, falling back on the extension. */
export function kindOf(bytes: Uint8Array, ext: string): Kind {
  const e = ext.toLowerCase();
  // a PDF may have bytes before its header (the format allows up to 1024)
  const head = bytes.subarray(0, 1024);
  let pdf = false;
  for (let i = 0; i + 4 <= head.length && !pdf; i++) pdf = startsWith(head.subarray(i), PDF);
  if (e === '.pdf') return 'pdf';
  if (startsWith(bytes, ZIP)) return 'docx';
  // An OLE file named .docx is an old Word file renamed, or a password-protected .docx: the Word
  // reader tells them apart (it answers `encrypted` for the latter); .doc/.wps are legacy.
  if (e === '.docx') return 'docx';
  if (startsWith(bytes, OLE) || e === '.doc' || e === '.wps') return 'legacy-word';
  return pdf ? 'pdf' : 'unknown';
}

type Reader = (bytes: Uint8Array, options?: ReaderOptions) => ReadResult | Promise<ReadResult>;

/** Set once by the Node entry points (server, CLI): where pdfjs finds its character maps. */
export interface ReaderOptions {
  cMapUrl?: string;
}
let options: ReaderOptions = {};
export function configureReaders(o: ReaderOptions): void {
  options = o;
}

// The readers, each loaded on first use (a separate bundle in dist/readers/, see esbuild.mjs).
let pdf: Promise<Reader> | undefined;
let docx: Promise<Reader> | undefined;
const loadPdf = (): Promise<Reader> => (pdf ??= import('./pdf').then((m) => m.readPdf));
const loadDocx = (): Promise<Reader> => (docx ??= import('./docx').then((m) => m.readDocx));

/** Reads a PDF or Word report; never throws. A reader that fails on the bytes reads as `corrupt`;
 *  a reader that cannot be loaded (its bundle missing next to the entry point: an incomplete
 *  installation) as `reader-missing`, which says the file itself was not read. */
export async function readBinaryReport(bytes: Uint8Array, ext: string): Promise<ReadResult> {
  const kind = kindOf(bytes, ext);
  if (kind === 'legacy-word') return { ok: false, reason: 'legacy-word' };
  if (kind === 'unknown') return { ok: false, reason: 'corrupt' };
  let read: Reader;
  try {
    read = await (kind === 'pdf' ? loadPdf() : loadDocx());
  } catch (e) {
    // Tried again next time (the installation may be repaired while the server runs).
    if (kind === 'pdf') pdf = undefined;
    else docx = undefined;
    return { ok: false, reason: 'reader-missing', detail: (e as Error)?.message ?? String(e) };
  }
  try {
    // a plain Uint8Array, of its own: pdfjs refuses a node Buffer, and a small Buffer shares its memory
    return await read(bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes), options);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: (e as Error)?.message ?? String(e) };
  }
}
