// Builds the three self-contained bundles named in contract.md, and the binary readers apart:
// dist/readers/pdf.mjs (pdfjs) and dist/readers/docx.mjs (fflate) are loaded by server.js and cli.js
// only when a PDF or Word file is read (server/src/readers/index.ts), so they stay out of startup.
// ES modules: pdfjs reads import.meta.url; `require` is given to the bundled CommonJS code.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { webBuilds } from './esbuild.web.mjs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const READERS = ['pdf', 'docx'];

/** `import('./pdf')` in readers/index.ts → `import('./readers/pdf.mjs')` next to the bundle, not inlined. */
const lazyReaders = {
  name: 'lazy-readers',
  setup(build) {
    build.onResolve({ filter: /^\.\/(pdf|docx)$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]readers$/.test(args.resolveDir)
        ? { path: `./readers/${args.path.slice(2)}.mjs`, external: true }
        : undefined,
    );
  },
};

/** `import('./office')` in cli/review → `import('./office.mjs')` next to cli.js: fflate and
 *  write-excel-file are loaded by `review` only (dist/office.mjs). */
const lazyOffice = {
  name: 'lazy-office',
  setup(build) {
    build.onResolve({ filter: /^\.\/office$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]cli[\\/]review$/.test(args.resolveDir)
        ? { path: './office.mjs', external: true }
        : undefined,
    );
  },
};

const readers = READERS.filter((r) => existsSync(`server/src/readers/${r}/index.ts`)).map((r) =>
  esbuild.build({
    ...common,
    format: 'esm',
    entryPoints: [`server/src/readers/${r}/index.ts`],
    outfile: `dist/readers/${r}.mjs`,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
);

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['client/src/node.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/lsp/main.ts'],
    outfile: 'dist/server.js',
    plugins: [lazyReaders],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/index.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyReaders, lazyOffice],
  }),
  esbuild.build({
    ...common,
    format: 'esm',
    entryPoints: ['server/src/cli/review/office.ts'],
    outfile: 'dist/office.mjs',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  ...readers,
  ...webBuilds({ production }),
]);

// pdfjs's character maps for Chinese fonts that are not embedded (server/src/node/cmaps.ts).
const cmaps = 'node_modules/pdfjs-dist/cmaps';
mkdirSync('dist/readers/cmaps', { recursive: true });
for (const f of readdirSync(cmaps))
  if (/GB|^Identity/.test(f)) copyFileSync(`${cmaps}/${f}`, `dist/readers/cmaps/${f}`);
