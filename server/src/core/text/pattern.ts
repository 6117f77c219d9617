/**
 * Building patterns from data: the parser's patterns take their words from the template
 * (template/vocabulary.ts), escaped here, instead of spelling them.
 */

/** `s` with every character that means something in a pattern escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words as an alternation (`a|b|c`), escaped, in their order: put a longer word before a
 *  word it begins with. */
export function anyOf(words: readonly string[]): string {
  return words.map(escapeRegExp).join('|');
}

/** The characters as the inside of a character class (`[…]`), escaped. */
export function charClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}
