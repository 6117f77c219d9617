/** setImmediate for the web worker (injected by esbuild.mjs): the server yields with it. */
type Handle = ReturnType<typeof setTimeout>;
export const setImmediate = (f: () => void): Handle => setTimeout(f, 0);
export const clearImmediate = (h: Handle | undefined): void => clearTimeout(h);
