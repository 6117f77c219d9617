/**
 * The file path of a `file:` URI, or null (another scheme, or a URI that names no file path).
 * Every keystroke asks it twice for the document typed in (the cross-year refs beside it, the
 * baseline nearest it), and Node's fileURLToPath parses the whole URL each time: the last answers
 * are kept.
 */
import { fileURLToPath } from 'node:url';

const KEPT = 256;
const known = new Map<string, string | null>();

export function filePathOf(uri: string): string | null {
  const hit = known.get(uri);
  if (hit !== undefined) return hit;
  let path: string | null = null;
  if (uri.startsWith('file:'))
    try {
      path = fileURLToPath(uri);
    } catch {
      path = null;
    }
  if (known.size >= KEPT) known.clear();
  known.set(uri, path);
  return path;
}
