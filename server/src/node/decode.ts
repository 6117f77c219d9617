/**
 * Bytes of a file → text, or the reason it is not text.
 *
 * - A BOM decides (UTF-8, UTF-16 LE/BE).
 * - UTF-16 without a BOM is recognised by its NUL pattern (ASCII characters have a NUL high byte).
 * - A file with NUL bytes (that is not UTF-16), many control bytes, or a known binary signature
 *   (PDF, ZIP/docx, OLE/doc, images, executables) is not text.
 * - Otherwise UTF-8 and GB18030 are decided line by line: a few invalid bytes in a UTF-8 file do not
 *   make the whole file GB18030 (the bad bytes become U+FFFD and their lines are reported), and a
 *   file whose lines are partly UTF-8 and partly GB18030 (a paste) is read line by line.
 */

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: 'utf-8' | 'gb18030' | 'utf-8+gb18030' | 'utf-16le' | 'utf-16be';
      /** 1-based lines where bytes could not be decoded and were replaced by U+FFFD. */
      badLines: number[];
    }
  | { ok: false; reason: 'empty' | 'binary' };

const SIGNATURES: number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, xlsx)
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (doc, xls)
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
];

/** A native check and decoder of UTF-8 (node/utf8.ts: Node's `buffer.isUtf8` and `Buffer#toString`,
 *  ~40 % faster than a fatal TextDecoder on reports); the web worker has none and decodes as before. */
export interface NativeUtf8 {
  valid(bytes: Uint8Array): boolean;
  decode(bytes: Uint8Array): string;
}

const utf8 = new TextDecoder('utf-8');
/** The same decoder, failing on the first byte that is not UTF-8 (the same bytes `utf8Stats` counts invalid). */
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

function withBom(buf: Uint8Array): Decoded | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'utf-16be');
  return null;
}

function utf16(buf: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const text = new TextDecoder(encoding).decode(buf);
  return finish(text, encoding, replacedLines(text, buf.length % 2 === 1));
}

/** 1-based lines holding U+FFFD (a replacement the decoder made; a U+FFFD in the file itself is
 *  counted too, which only adds a note). */
function replacedLines(text: string, odd = false): number[] {
  const out: number[] = [];
  let line = 1;
  let marked = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 0xfffd && marked !== line) {
      out.push(line);
      marked = line;
    }
  }
  if (odd && marked !== line) out.push(line);
  return out;
}

function finish(text: string, encoding: Extract<Decoded, { ok: true }>['encoding'], badLines: number[]): Decoded {
  if (!/\S/.test(text)) return { ok: false, reason: 'empty' };
  if (isBinaryText(text)) return { ok: false, reason: 'binary' };
  return { ok: true, text, encoding, badLines };
}

/** Any control character either test below counts (`looksBinary` on bytes, `isBinaryText` on
 *  characters): all but tab, LF, VT, FF and CR. */
const CONTROL = /[\0-\x08\x0e-\x1f\x7f]/;

/** Control characters other than tab, line breaks and form feed: > 2 % of the text is binary. */
function isBinaryText(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0x7f) bad++;
  }
  return bad > n * 0.02;
}

/** UTF-16 without BOM: NUL high bytes of ASCII characters on one side only. */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 65536) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const pick = (ones: number, other: number, enc: 'utf-16le' | 'utf-16be') => {
    if (ones < pairs * 0.02 || ones < 2 || ones < other * 4) return null;
    try {
      new TextDecoder(enc, { fatal: true }).decode(buf.subarray(0, buf.length & ~1));
      return enc;
    } catch {
      return null;
    }
  };
  return pick(odd, even, 'utf-16le') ?? pick(even, odd, 'utf-16be');
}

/** The bytes begin with a known binary signature. */
const signed = (buf: Uint8Array): boolean => SIGNATURES.some((sig) => sig.every((b, i) => buf[i] === b));

function looksBinary(buf: Uint8Array): boolean {
  if (signed(buf)) return true;
  const n = Math.min(buf.length, 8000);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true; // git's rule: a NUL in the first 8000 bytes
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11 && b !== 27) || b === 0x7f) control++;
  }
  return control > n * 0.02;
}

interface LineStats {
  start: number;
  end: number;
  /** valid multi-byte UTF-8 sequences */
  valid: number;
  /** bytes that are not part of a valid UTF-8 sequence */
  invalid: number;
}

/** One pass over the bytes: per line (cut at 0x0A, which never occurs inside a UTF-8 or GB18030
 *  multi-byte sequence), counts of valid UTF-8 sequences and invalid bytes. */
function utf8Stats(buf: Uint8Array): LineStats[] {
  const lines: LineStats[] = [];
  let cur: LineStats = { start: 0, end: 0, valid: 0, invalid: 0 };
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b === 0x0a) {
      cur.end = i + 1;
      lines.push(cur);
      cur = { start: i + 1, end: i + 1, valid: 0, invalid: 0 };
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    }
    if (!need) {
      cur.invalid++;
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) {
        ok = false;
        break;
      }
    }
    if (ok) {
      cur.valid++;
      i += need + 1;
    } else {
      cur.invalid++;
      i++;
    }
  }
  cur.end = buf.length;
  if (cur.end > cur.start || !lines.length) lines.push(cur);
  return lines;
}

/** A line decoded as GB18030, or null when that also leaves bytes it cannot read. */
function gbLine(bytes: Uint8Array): string | null {
  const s = gb18030.decode(bytes);
  return s.includes('\uFFFD') ? null : s;
}

export function decodeBytes(buf: Uint8Array, native?: NativeUtf8): Decoded {
  if (buf.length === 0) return { ok: false, reason: 'empty' };
  const bom = withBom(buf);
  if (bom) return bom;
  let body = buf;
  let utf8Bom = false;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    body = buf.subarray(3);
    utf8Bom = true;
  }
  // Nearly every file: valid UTF-8 without a control character (so without a NUL, which UTF-16
  // without a BOM would have, nor a control byte: in UTF-8 those bytes are only ever ASCII), read by
  // two native passes; what the steps below would decide for it, they decide alike.
  let whole: string | null = null;
  if (!signed(body)) {
    // TextDecoder drops a BOM at the start (a second one, after the BOM above): the native decoder
    // would keep it, so such bytes are left to TextDecoder.
    if (native && !(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf))
      whole = native.valid(body) ? native.decode(body) : null;
    else
      try {
        whole = utf8Strict.decode(body);
      } catch {
        whole = null;
      }
    if (whole !== null && !CONTROL.test(whole))
      return /\S/.test(whole)
        ? { ok: true, text: whole, encoding: 'utf-8', badLines: [] }
        : { ok: false, reason: 'empty' };
  }
  if (!utf8Bom) {
    const u16 = utf16WithoutBom(body);
    if (u16) return utf16(body, u16);
  }
  if (looksBinary(body)) return { ok: false, reason: 'binary' };
  // Valid UTF-8 (decoded above) is read at once; only other bytes are counted line by line.
  if (whole !== null) return finish(whole, 'utf-8', []);
  const lines = utf8Stats(body);
  let valid = 0;
  let invalid = 0;
  for (const l of lines) {
    valid += l.valid;
    invalid += l.invalid;
  }
  if (invalid === 0) return finish(utf8.decode(body), 'utf-8', []);
  // Mostly GB18030 (or a BOM-less GBK file): a line is UTF-8 only when it is valid UTF-8 with
  // enough multi-byte sequences not to be GBK by chance (a GBK pair is valid UTF-8 ~8 % of the time).
  const gbMajor = !utf8Bom && invalid > valid;
  const parts: string[] = [];
  const bad: number[] = [];
  let usedGb = false;
  let usedUtf8 = false;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n]!;
    const bytes = body.subarray(l.start, l.end);
    const asUtf8 = l.invalid === 0 && (!gbMajor || l.valid === 0 || l.valid >= 3);
    if (asUtf8) {
      parts.push(utf8.decode(bytes));
      if (l.valid) usedUtf8 = true;
      continue;
    }
    const gb = gbMajor || l.invalid >= l.valid ? gbLine(bytes) : null;
    if (gb !== null) {
      parts.push(gb);
      usedGb = true;
      continue;
    }
    parts.push(utf8.decode(bytes));
    if (l.invalid) bad.push(n + 1);
    if (l.valid) usedUtf8 = true;
  }
  const encoding = usedGb && usedUtf8 ? 'utf-8+gb18030' : usedGb ? 'gb18030' : 'utf-8';
  return finish(parts.join(''), encoding, bad);
}

/** Text of a file's bytes ('' when it is not text). */
export function decode(buf: Uint8Array): string {
  const d = decodeBytes(buf);
  return d.ok ? d.text : '';
}
