/**
 * The review's zip writers, loaded only by `review`: esbuild.mjs builds this file apart as
 * dist/office.mjs, so fflate and write-excel-file stay out of dist/cli.js's startup (a `check`
 * never loads them). Under tsx (the tests) `import('./office')` loads this source.
 */
import { strToU8, zipSync } from 'fflate';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

/** A zip of text files (a .docx), deflated, with a fixed time: the same input gives the same bytes. */
export function zipText(files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: new Date(2020, 0, 1) });
}

export type { SheetData };

/** One sheet as .xlsx bytes (write-excel-file). */
export async function xlsx(
  data: SheetData,
  options: { sheet: string; widths: number[]; stickyRowsCount: number },
): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(data, {
    sheet: options.sheet,
    columns: options.widths.map((width) => ({ width })),
    stickyRowsCount: options.stickyRowsCount,
  }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
