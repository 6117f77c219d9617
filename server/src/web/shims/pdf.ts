/**
 * The PDF reader's place in the web build (esbuild.web.mjs): pdfjs and its character maps are not
 * shipped to the browser, so a PDF is answered `needs-desktop` (its own message: open the file in
 * VS Code on the desktop, or save it as .docx, which the web build reads).
 */
import type { ReadResult } from '../../readers';

export function readPdf(): ReadResult {
  return { ok: false, reason: 'needs-desktop' as never };
}
