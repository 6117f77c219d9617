/**
 * A small XML scanner for OOXML parts: elements by local name (the `w:` prefix dropped), attributes
 * by local name, text with the five named entities and character references decoded. No DTD is read
 * (OOXML forbids one), so no entity expands; one pass, linear in the input.
 */
export type XmlAttrs = Record<string, string>;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/** name="value" pairs, read by hand so that a long tag costs linear time whatever it holds. */
function readAttrs(s: string): XmlAttrs {
  const attrs: XmlAttrs = {};
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < s.length && /\s/.test(s[q]!)) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") break;
    const end = s.indexOf(quote, q + 1);
    if (end < 0) break;
    if (name !== '') attrs[localName(name)] = decodeEntities(s.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

/**
 * Calls onElement(name, attrs, true) at each start tag and onElement(name, {}, false) at each end
 * (a self-closing tag gives both), and onText for the text between tags.
 */
export function forEachElement(
  xml: string,
  onElement: (name: string, attrs: XmlAttrs, open: boolean) => void,
  onText?: (text: string) => void,
): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (onText && textEnd > i) onText(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const e = xml.indexOf(']]>', lt + 9);
      if (onText) onText(xml.slice(lt + 9, e < 0 ? n : e));
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const e = xml.indexOf('>', lt + 1);
      i = e < 0 ? n : e + 1;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt < 0) return;
    i = gt + 1;
    if (xml[lt + 1] === '/') {
      onElement(localName(xml.slice(lt + 2, gt).trim()), {}, false);
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const sp = inner.search(/[\s]/);
    const name = localName(sp < 0 ? inner : inner.slice(0, sp));
    onElement(name, sp < 0 ? {} : readAttrs(inner.slice(sp)), true);
    if (selfClosing) onElement(name, {}, false);
  }
}
