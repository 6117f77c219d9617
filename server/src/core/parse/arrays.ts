/**
 * The model's arrays (sections, rows, cells) are built by `mapped`, a loop that pushes, never by
 * `Array.prototype.map`. Once V8 optimises a function that calls `.map`, the arrays it returns are
 * holey, while the same call made them packed before: the rules optimised on the first reports then
 * meet arrays of another kind and are deoptimised and compiled again (measured: "wrong map"
 * bailouts on rows, cells and sections from the 60th and the 150th report of a run on). Pushing
 * gives packed arrays whether or not the caller is optimised.
 */
export function mapped<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
