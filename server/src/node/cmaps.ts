/**
 * Where pdfjs finds its character maps. Many Chinese PDFs use a font that is not embedded
 * (STSong-Light with UniGB-UCS2-H): without the maps their text is lost and the file reads as a scan.
 * esbuild.mjs copies the Chinese maps next to the readers' bundles (dist/readers/cmaps/); from the
 * sources (tests) they are pdfjs-dist's own.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function pdfCMapDir(): string | undefined {
  const bundled = join(__dirname, 'readers', 'cmaps');
  if (existsSync(bundled)) return bundled + '/';
  try {
    const pkg = createRequire(__filename).resolve('pdfjs-dist/package.json');
    const dir = join(dirname(pkg), 'cmaps');
    return existsSync(dir) ? dir + '/' : undefined;
  } catch {
    return undefined;
  }
}
