/**
 * What the rules produce: a finding with a stable code, a range on the smallest text that shows it,
 * a message (an id and its arguments, localized by i18n.ts) and the data a quick fix needs.
 */
import type { Range } from '../model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const CODES = [
  'section.missing',
  'section.order',
  'section.duplicate',
  'section.numbering',
  'section.title',
  'overview.topic-missing',
  'report.title-missing',
  'table.missing',
  'table.row-missing',
  'table.row-unknown',
  'table.cell-count',
  'table.cell-invalid',
  'table.cell-blank',
  'table3.balance',
  'table3.outcome-total',
  'table3.row-total',
  'table4.total',
  'narrative.mismatch',
  'section6.fee-missing',
  'text.pinyin-annotation',
  'crossyear.carry-over',
  'report.not-found',
] as const;

export type Code = (typeof CODES)[number];

export interface Message {
  id: string;
  args?: Record<string, string | number>;
}

/** Data for quick fixes (issue: editor experience); every field optional. */
export interface FixData {
  /** Replace the finding's range with this text. */
  replacement?: string;
  /** Insert this text at `insertAt`. */
  insertAt?: number;
  insertText?: string;
  expected?: number;
  sectionNumber?: number;
  canonical?: string;
  rowKey?: string;
  candidates?: number[][];
}

export interface Finding {
  code: Code;
  severity: Severity;
  range: Range;
  message: Message;
  data?: FixData;
}

export const DEFAULT_SEVERITY: Record<Code, Severity> = {
  'section.missing': 'error',
  'section.order': 'warning',
  'section.duplicate': 'warning',
  'section.numbering': 'warning',
  'section.title': 'information',
  'overview.topic-missing': 'information',
  'report.title-missing': 'information',
  'table.missing': 'error',
  'table.row-missing': 'error',
  'table.row-unknown': 'warning',
  'table.cell-count': 'error',
  'table.cell-invalid': 'error',
  'table.cell-blank': 'warning',
  'table3.balance': 'error',
  'table3.outcome-total': 'error',
  'table3.row-total': 'error',
  'table4.total': 'error',
  'narrative.mismatch': 'warning',
  'section6.fee-missing': 'warning',
  'text.pinyin-annotation': 'warning',
  'crossyear.carry-over': 'warning',
  'report.not-found': 'error',
};
