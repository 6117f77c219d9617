/**
 * The three tables: tokens (stream.ts) → rows with cells.
 *
 * A row label takes the values that follow it. Values that come before any label, or after a
 * row already has its values (PDF copies whose reading order went astray), are kept as orphans and
 * given, in order, to the labels that got none; a block of orphans that only adds up when read
 * column by column is read that way. Digits run together are split (split.ts) where the totals
 * admit exactly one reading.
 */
export { readActive, type ActiveResult } from './active';
export { readApplications } from './applications';
export { readReview } from './review';
export { patchedTable, patchNumber, shiftTokens, tokensOf } from './stream';
export { sameShape } from './shape';
