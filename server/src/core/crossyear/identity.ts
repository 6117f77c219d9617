/**
 * An organ's identity across years: the same organ is written with or without its city or province
 * (淮安市洪泽区人民政府 ≡ 洪泽区人民政府), with 人民政府 or 政府, and a county turned district keeps
 * its identity (洪泽县 ≡ 洪泽区). Two names are the same organ when their bodies are the same and the
 * places of one end the places of the other (a prefix dropped, never a different one: 南京市鼓楼区
 * and 福州市鼓楼区 are two organs). The words are the template's (template/organ.ts).
 */
import { compact } from '../text/normalize';
import { BODY_STARTS, BODY_SYNONYMS, DEFAULT_BODY, PLACE_LEVELS, SAME_LEVEL } from '../template/organ';

export interface OrganIdentity {
  /** The places, outermost first, each with its level read as one (洪泽县 and 洪泽区 alike). */
  places: string[];
  /** The body after the places, its synonyms unified (政府, 审计局, 政府办公室). */
  body: string;
  /** The bucket: the innermost place and the body (equal for any two names of one organ). */
  key: string;
}

const CACHE = new Map<string, OrganIdentity>();

/** The identity of an organ's name as the title gives it. */
export function organIdentity(organ: string): OrganIdentity {
  const cached = CACHE.get(organ);
  if (cached) return cached;
  const s = compact(organ).text;
  const places: string[] = [];
  let start = 0;
  let i = 0;
  scan: while (i < s.length) {
    for (const b of BODY_STARTS) if (s.startsWith(b, i)) break scan;
    if (i > start) {
      const level = PLACE_LEVELS.find((l) => s.startsWith(l, i));
      if (level) {
        places.push(s.slice(start, i) + (SAME_LEVEL[level] ?? level));
        i += level.length;
        start = i;
        continue;
      }
    }
    i++;
  }
  let body = s.slice(start);
  for (const [long, short] of BODY_SYNONYMS) body = body.split(long).join(short);
  if (!body && places.length) body = DEFAULT_BODY;
  const id = { places, body, key: `${places[places.length - 1] ?? ''}\u0000${body}` };
  if (CACHE.size > 10_000) CACHE.clear();
  CACHE.set(organ, id);
  return id;
}

/** Whether two names are one organ: the same body, and the places of one end the other's (an
 *  outer place dropped), at least one place in common — or the very same name. */
export function sameOrgan(a: string, b: string): boolean {
  if (a === b) return true;
  const x = organIdentity(a);
  const y = organIdentity(b);
  if (x.key !== y.key) return false;
  const [short, long] = x.places.length <= y.places.length ? [x.places, y.places] : [y.places, x.places];
  if (!short.length) return x.places.length === y.places.length;
  const off = long.length - short.length;
  for (let k = 0; k < short.length; k++) if (short[k] !== long[off + k]) return false;
  return true;
}
