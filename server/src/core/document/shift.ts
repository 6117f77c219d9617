/** Moving ranges in place, and copying plain data: how pieces keep local offsets. */
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
