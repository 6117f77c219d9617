/** Moving ranges in place, and copying plain data: how pieces keep local offsets. */
import type { Report } from '../model';
import { own } from '../text/own';
/** Adds `delta` to every {start,end} (and fix-data `insertAt`) at or after `from`, in place. */
export function shiftInPlace(v: unknown, from: number, delta: number): void {
  if (!delta) return;
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) {
      for (const y of x) if (y && typeof y === 'object') stack.push(y);
      continue;
    }
    if (!x || typeof x !== 'object') continue;
    const o = x as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      if ((o.start as number) >= from) o.start = (o.start as number) + delta;
      if ((o.end as number) >= from) o.end = (o.end as number) + delta;
    }
    if (typeof o.insertAt === 'number' && (o.insertAt as number) >= from) o.insertAt = (o.insertAt as number) + delta;
    for (const k in o) {
      const y = o[k];
      if (y && typeof y === 'object') stack.push(y);
    }
  }
}

/** A deep copy of plain data (objects, arrays, numbers, strings, booleans, null). */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = clone((v as Record<string, unknown>)[k]);
    return out as T;
  }
  return v;
}

/** Replaces, in place, the report's strings that may be slices of the text it was read from (labels,
 *  titles, digits as written) by copies of their own: a kept report then keeps no analysis text. */
export function ownStrings(r: Report): void {
  if (r.title) r.title = own(r.title);
  if (r.organ) r.organ = own(r.organ);
  for (const s of r.sections) s.title = own(s.title);
  for (const h of r.overviewHeadings) h.text = own(h.text);
  for (const n of r.notes) n.detail = own(n.detail);
  for (const t of [r.tables.active, r.tables.applications, r.tables.review]) {
    if (!t) continue;
    for (let k = 0; k < t.headerWords.length; k++) t.headerWords[k] = own(t.headerWords[k]!);
    for (const row of t.rows) {
      row.label = own(row.label);
      row.numbering = own(row.numbering);
      if (row.split) row.split.raw = own(row.split.raw);
      for (const c of row.cells) c.raw = own(c.raw);
    }
  }
}
