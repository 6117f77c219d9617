/** Strings that hold their own characters. */

/** Copies made by `own`, each its own key: labels repeat from report to report. */
const owned = new Map<string, string>();

/** A copy of s that holds its own characters. In V8 a slice of 13 characters or more (`slice`, a
 *  regex match) points into the string it was cut from and keeps all of it alive. */
export function own(s: string): string {
  if (s.length < 13) return s;
  let o = owned.get(s);
  if (o === undefined) {
    o = JSON.parse(JSON.stringify(s)) as string;
    if (owned.size >= 10_000) owned.clear();
    owned.set(o, o);
  }
  return o;
}
