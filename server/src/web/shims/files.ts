/** node/files.ts for the web worker (esbuild.mjs): lsp/render.ts needs only the size bound. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
