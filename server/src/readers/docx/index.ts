/**
 * The Word reader: .docx bytes → the report as text (rendering.ts), read straight from the OOXML
 * package (fflate's unzip, the scanner of xml.ts): paragraphs one per line with Word's automatic
 * numbering written out, tables as pipe rows. Never throws: bytes it cannot read give a reason
 * (.doc/.wps → 'legacy-word', a password-protected file → 'encrypted', anything else → 'corrupt').
 */
import { unzipSync, strFromU8 } from 'fflate';
import type { ReadResult } from '../rendering';
import { documentLines, type StyleNumbering } from './document';
import { Numbering } from './numbering';
import { forEachElement } from './xml';

/** The largest part read (uncompressed, as the zip declares it; the inflater never writes past it). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** An OLE compound file holding an encrypted OOXML package names the stream "EncryptionInfo". */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    let k = 1;
    while (k < name.length && bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0) k++;
    if (k === name.length) return true;
  }
  return false;
}

/** Numbering that paragraph styles carry (w:style/w:pPr/w:numPr), following w:basedOn. */
function styleNumbering(xml: string | null): StyleNumbering {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (xml !== null) {
    let current: { numId?: string; ilvl?: number; basedOn?: string } | null = null;
    forEachElement(xml, (name, attrs, open) => {
      if (name === 'style') {
        current = open ? {} : null;
        if (open && attrs['styleId'] !== undefined) own.set(attrs['styleId'], current!);
      } else if (open && current !== null) {
        const c: { numId?: string; ilvl?: number; basedOn?: string } = current;
        if (name === 'numId' && attrs['val'] !== undefined) c.numId = attrs['val'];
        else if (name === 'ilvl') c.ilvl = Number(attrs['val'] ?? 0) || 0;
        else if (name === 'basedOn' && attrs['val'] !== undefined) c.basedOn = attrs['val'];
      }
    });
  }
  return {
    get(styleId: string) {
      let id: string | undefined = styleId;
      for (let depth = 0; id !== undefined && depth < 20; depth++) {
        const s = own.get(id);
        if (!s) return undefined;
        if (s.numId !== undefined) return s.numId === '0' ? undefined : { numId: s.numId, ilvl: s.ilvl ?? 0 };
        id = s.basedOn;
      }
      return undefined;
    },
  };
}

function mainPart(rels: Uint8Array | undefined): string | null {
  if (!rels) return null;
  let target: string | null = null;
  forEachElement(strFromU8(rels), (name, attrs, open) => {
    if (open && name === 'Relationship' && /\/officeDocument$/.test(attrs['Type'] ?? '') && target === null) {
      target = (attrs['Target'] ?? '').replace(/^\//, '');
    }
  });
  return target;
}

export function readDocx(bytes: Uint8Array): ReadResult {
  try {
    if (startsWith(bytes, OLE)) {
      return hasUtf16Name(bytes, 'EncryptionInfo')
        ? { ok: false, reason: 'encrypted' }
        : { ok: false, reason: 'legacy-word' };
    }
    if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { ok: false, reason: 'legacy-word', detail: 'rtf' };
    if (!startsWith(bytes, ZIP)) return { ok: false, reason: 'corrupt', detail: 'not a zip package' };
    let tooLarge = false;
    const unzip = (names: string[]): Record<string, Uint8Array> =>
      unzipSync(bytes, {
        filter: (f) => {
          if (!names.includes(f.name)) return false;
          if (f.originalSize > MAX_PART_BYTES) tooLarge = true;
          return f.originalSize <= MAX_PART_BYTES;
        },
      });
    let files = unzip(['_rels/.rels', ...PARTS]);
    // The main part is where the package's relationships say (word/document.xml nearly always).
    const main = mainPart(files['_rels/.rels']);
    if (main !== PARTS[0] && main !== null) files = { ...files, ...unzip([main]) };
    const part = (name: string): string | null => {
      const data = files[name];
      return data ? strFromU8(data) : null;
    };
    const document = part(main ?? PARTS[0]!);
    if (document === null) {
      const detail = tooLarge ? 'the document part is too large' : 'no word/document.xml';
      return { ok: false, reason: 'corrupt', detail };
    }
    const lines = documentLines(
      document,
      new Numbering(part('word/numbering.xml')),
      styleNumbering(part('word/styles.xml')),
    );
    return { ok: true, rendering: { text: lines.join('\n') + (lines.length > 0 ? '\n' : ''), kind: 'docx' } };
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
}
