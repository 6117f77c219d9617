/**
 * The server's uses of Buffer, for the web worker (injected by esbuild.web.mjs): base64 → bytes
 * (lsp/render.ts, web/workspace.ts) and text → UTF-8 bytes (lsp/transport.ts). Plain Uint8Arrays.
 */
const utf8 = new TextEncoder();

function fromBase64(data: string): Uint8Array {
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const Buffer = {
  from(data: string | ArrayLike<number>, encoding?: string): Uint8Array {
    if (typeof data !== 'string') return Uint8Array.from(data);
    if (encoding === 'base64') return fromBase64(data);
    if (encoding === undefined || /^utf-?8$/i.test(encoding)) return utf8.encode(data);
    throw new Error(`web Buffer: the encoding ${encoding} is not supported`);
  },
};
