// The web build (package.json "browser"), called by esbuild.mjs: dist/web/extension.js (the client,
// client/src/browser.ts) and dist/web/server.js (the language server in a Web Worker,
// server/src/web/main.ts). Platform 'browser': a node: import fails the build. What needs Node in the
// server is swapped here for server/src/web/ (see its main.ts); the Word reader is bundled in (pure,
// small), the PDF reader is not (PDFs need the desktop: server/src/web/shims/pdf.ts says so).
import * as esbuild from 'esbuild';

const WEB = 'server/src/web';

/** Each swap: the import's text, the folder it is imported from, what the web bundle takes instead. */
const SWAPS = [
  [/^\.\/workspace$/, /[\\/]server[\\/]src[\\/]lsp$/, `${WEB}/workspace.ts`],
  [/^\.\/baselines$/, /[\\/]server[\\/]src[\\/]lsp$/, `${WEB}/baselines.ts`],
  [/^\.\.\/node\/files$/, /[\\/]server[\\/]src[\\/]lsp$/, `${WEB}/shims/files.ts`],
  [/^\.\/pdf$/, /[\\/]server[\\/]src[\\/]readers$/, `${WEB}/shims/pdf.ts`],
  [/^node:url$/, /[\\/]server[\\/]src[\\/]lsp$/, `${WEB}/shims/url.ts`],
];

const webSwaps = {
  name: 'web-swaps',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver\/node$/ }, (args) =>
      build.resolve('vscode-languageserver/browser', { kind: args.kind, resolveDir: args.resolveDir }),
    );
    build.onResolve({ filter: /^(\.\/workspace|\.\/baselines|\.\.\/node\/files|\.\/pdf|node:url)$/ }, async (args) => {
      for (const [spec, dir, to] of SWAPS)
        if (spec.test(args.path) && dir.test(args.resolveDir))
          return build.resolve(`./${to}`, { kind: args.kind, resolveDir: process.cwd() });
      return undefined;
    });
  },
};

/** The two builds' options (test/unit/web.test.ts builds them in memory). @param {{ production: boolean }} o */
export function webConfigs({ production }) {
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
  return [
    {
      ...common,
      format: 'cjs',
      entryPoints: ['client/src/browser.ts'],
      outfile: 'dist/web/extension.js',
      external: ['vscode'],
    },
    {
      ...common,
      format: 'iife',
      entryPoints: [`${WEB}/main.ts`],
      outfile: 'dist/web/server.js',
      plugins: [webSwaps],
      inject: [`${WEB}/shims/immediate.ts`, `${WEB}/shims/buffer.ts`],
    },
  ];
}

/** @param {{ production: boolean }} o */
export const webBuilds = (o) => webConfigs(o).map((c) => esbuild.build(c));
