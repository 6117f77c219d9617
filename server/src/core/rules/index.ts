/**
 * The registry: every rule, in the order their findings are listed. Each rule is one file holding
 * its check and its doc comment; quick fixes read the `data` its findings carry.
 */
import type { Rule } from './rule';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionDuplicate } from './section-duplicate';
import { sectionNumbering } from './section-numbering';
import { sectionTitle } from './section-title';
import { overviewTopicMissing } from './overview-topic-missing';
import { reportTitleMissing } from './report-title-missing';
import { tableMissing } from './table-missing';
import { tableRowMissing } from './table-row-missing';
import { tableRowUnknown } from './table-row-unknown';
import { tableCellCount } from './table-cell-count';
import { tableCellInvalid } from './table-cell-invalid';
import { tableCellBlank } from './table-cell-blank';
import { table3Balance } from './table3-balance';
import { table3OutcomeTotal } from './table3-outcome-total';
import { table3RowTotal } from './table3-row-total';
import { table4Total } from './table4-total';
import { narrativeMismatch } from './narrative-mismatch';
import { section6FeeMissing } from './section6-fee-missing';
import { textPinyinAnnotation } from './text-pinyin-annotation';
import { crossyearCarryOver } from './crossyear-carry-over';

export const RULES: Rule[] = [
  reportTitleMissing,
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  sectionNumbering,
  sectionTitle,
  overviewTopicMissing,
  tableMissing,
  tableRowMissing,
  tableRowUnknown,
  tableCellCount,
  tableCellInvalid,
  tableCellBlank,
  table3RowTotal,
  table3OutcomeTotal,
  table3Balance,
  table4Total,
  narrativeMismatch,
  section6FeeMissing,
  textPinyinAnnotation,
  crossyearCarryOver,
];
