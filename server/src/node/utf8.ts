/** Node's native UTF-8 check and decoder for node/decode.ts `decodeBytes` (the CLI and the desktop
 *  server; the web worker decodes with TextDecoder alone). */
import { isUtf8 } from 'node:buffer';
import type { NativeUtf8 } from './decode';

export const NODE_UTF8: NativeUtf8 = {
  valid: (bytes) => isUtf8(bytes),
  decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
};
