/** node:url for the web worker (esbuild.mjs): the path of a file: URI, as the cross-year index names its files. */
export function fileURLToPath(uri: string): string {
  const u = new URL(uri);
  if (u.protocol !== 'file:') throw new TypeError(`not a file URL: ${uri}`);
  return decodeURIComponent(u.pathname);
}
