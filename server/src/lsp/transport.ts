/**
 * Publishing diagnostics without re-serialising them. LSP sends the whole list of a document on
 * every change; a compilation of reports has thousands of diagnostics, and JSON.stringify of all of
 * them was most of a keystroke's cost. documents.ts keeps each report's diagnostics as a JSON
 * fragment (remade only when that report changed or moved) and hangs the fragments on the list it
 * returns, under a symbol JSON.stringify does not see; the stdio writer (main.ts) builds the
 * notification (or the pulled report) by concatenation. Any other writer (node-ipc, the tests'
 * streams) serialises the list itself, with the same result. The stdio writer also sends each
 * message in one write (StdioMessageWriter).
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const FRAGMENTS = Symbol('disclosure-report.json-fragments');

type WithFragments = { [FRAGMENTS]?: readonly Uint8Array[] };

/** `list` with its JSON already written: the fragments (UTF-8) joined by commas are the inside of its array. */
export function withFragments<T extends object>(list: T[], fragments: readonly Uint8Array[]): T[] {
  Object.defineProperty(list, FRAGMENTS, { value: fragments, enumerable: false });
  return list;
}

/** The JSON fragment of a list of values, in UTF-8 (`write`: each value's JSON, when it is kept). */
export const fragmentOf = <T>(values: readonly T[], write: (x: T) => string = (x) => JSON.stringify(x)): Uint8Array =>
  Buffer.from(values.map(write).join(','), 'utf8');

const COMMA = Buffer.from(',');

/** Where a list with fragments may be: a publish's params.diagnostics, a pull's result.items. */
const HOLDERS = [
  ['params', 'diagnostics'],
  ['result', 'items'],
] as const;

/** The JSON of `v` in UTF-8, where a list carrying fragments is written from them (a copy of bytes:
 *  neither serialised nor encoded again). */
export function toJsonBytes(v: unknown): Buffer {
  const plain = () => Buffer.from(JSON.stringify(v, undefined, 0), 'utf8');
  for (const [outer, inner] of HOLDERS) {
    const holder = (v as Record<string, Record<string, WithFragments> | undefined> | null)?.[outer];
    const parts = holder?.[inner]?.[FRAGMENTS];
    if (!parts) continue;
    // The message with an empty list, the list's bytes put inside its brackets. Only where the
    // list is the last key of the last key (as the server and vscode-jsonrpc write them).
    const marker = `"${inner}":[]`;
    const head = JSON.stringify({ ...(v as object), [outer]: { ...holder, [inner]: [] } }, undefined, 0);
    const at = head.lastIndexOf(marker);
    if (at < 0 || at + marker.length !== head.length - 2) return plain();
    const out: Uint8Array[] = [Buffer.from(head.slice(0, at + marker.length - 1), 'utf8')];
    for (const p of parts) {
      if (!p.length) continue;
      if (out.length > 1) out.push(COMMA);
      out.push(p);
    }
    out.push(Buffer.from(head.slice(at + marker.length - 1), 'utf8'));
    return Buffer.concat(out);
  }
  return plain();
}

/** The stdio writer: each message goes out in one write, its header and body together. The
 *  library's StreamMessageWriter writes the header, waits for that write, then writes the body: two
 *  writes into the pipe per message, and a reader woken twice. Messages leave in the order write()
 *  is called (the JSON is made synchronously, the stream keeps the order of its writes). */
export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;
  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: unknown) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = toJsonBytes(msg);
    } catch (e) {
      this.fireError(e, msg);
      return Promise.reject(e);
    }
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    return new Promise<void>((resolve, reject) => {
      this.out.write(frame, (e?: Error | null) => {
        if (!e) return resolve();
        this.fireError(e, msg, ++this.errors);
        reject(e);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
