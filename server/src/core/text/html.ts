/**
 * HTML (a saved web page, or HTML pasted into a document) → plain text with tables as tab rows,
 * read with a real HTML parser (htmlparser2). Each table cell becomes one tab-separated field
 * whatever its colspan; a row-spanning group cell appears on its first row only, as a browser copy
 * gives it. Every character of the text maps back to an offset in the HTML.
 */
import { Parser } from 'htmlparser2';
import { lastAtOrBefore } from './lines';

export interface DerivedText {
  text: string;
  toOriginal(offset: number): number;
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'title',
  'blockquote',
  'pre',
  'hr',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);

interface Seg {
  out: number;
  src: number;
  len: number;
  /** The output characters map one to one onto the source span. */
  exact: boolean;
}

/** `keepNewlines`: the text outside tags is plain text (HTML pasted into a text document). */
export function htmlToText(html: string, keepNewlines = false): DerivedText {
  const parts: string[] = [];
  const segs: Seg[] = [];
  let outLen = 0;
  let skipDepth = 0;
  let cellIndex = -1; // within the current <tr>
  let inCell = 0;
  let lastWasNewline = true;
  const emit = (s: string, src: number, exact: boolean) => {
    if (!s) return;
    parts.push(s);
    segs.push({ out: outLen, src, len: s.length, exact });
    outLen += s.length;
    lastWasNewline = s.endsWith('\n');
  };
  const parser: Parser = new Parser(
    {
      onopentag(name) {
        const at = parser.startIndex;
        if (SKIP.has(name)) skipDepth++;
        if (name === 'tr') cellIndex = -1;
        if (name === 'td' || name === 'th') {
          cellIndex++;
          inCell++;
          if (cellIndex > 0) emit('\t', at, false);
          return;
        }
        if (name === 'br' && inCell) {
          emit(' ', at, false);
          return;
        }
        if (BLOCK.has(name) && !inCell && !lastWasNewline) emit('\n', at, false);
      },
      onclosetag(name) {
        const at = parser.startIndex;
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'td' || name === 'th') inCell = Math.max(0, inCell - 1);
        if ((name === 'tr' || (BLOCK.has(name) && !inCell && name !== 'br')) && !lastWasNewline) emit('\n', at, false);
      },
      ontext(data) {
        if (skipDepth) return;
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        const exact = e - s === data.length;
        // Character for character, so that offsets stay exact.
        const t = inCell || !keepNewlines ? data.replace(/[\r\n\t]/g, ' ') : data;
        emit(t, s, exact);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  const text = parts.join('');
  const toOriginal = (offset: number): number => {
    if (offset >= outLen) return html.length;
    const seg = segs[lastAtOrBefore(segs, offset, (s) => s.out)];
    if (!seg) return 0;
    return seg.exact ? seg.src + (offset - seg.out) : seg.src;
  };
  return { text, toOriginal };
}
