/**
 * The document model: what the parser returns and every feature reads.
 * All ranges are [start, end) offsets in UTF-16 code units of the document text.
 */
import type { Format, TableKind } from './template';

export interface Range {
  start: number;
  end: number;
}

/** 'text': written but not a value of its column (an invalid cell, see `Cell.invalid`). */
export type CellKind = 'number' | 'blank' | 'na' | 'text' | 'unknown';

export interface Cell {
  kind: CellKind;
  /** The value when kind is 'number'; null otherwise. */
  value: number | null;
  /** The text of the cell as written (for run-together cells: the digits that were split). */
  raw: string;
  range: Range;
  /** Why a 'text' cell is not a value: a word (`abc`, `½`), more digits than can be read exactly,
   *  a count written with a money unit (`1万`), an amount in 元 where the column is in 万元. */
  invalid?: 'word' | 'digits' | 'unit' | 'yuan';
}

/** How a row's cells were obtained when the text ran them together with no separator. */
export interface SplitInfo {
  /** 'unique': only one split satisfies the row's own total; 'table': the table's column totals chose it;
   *  'ambiguous': several splits fit (cells are 'unknown', candidates listed); 'none': no split fits. */
  how: 'unique' | 'table' | 'ambiguous' | 'none';
  candidates: number[][];
  /** The digits as written. */
  raw: string;
  range: Range;
}

export interface Row {
  /** Template key (contract.md), e.g. 'denied.stateSecret'; '' for an unknown label. */
  key: string;
  /** The label as written in the document (analysis text, whitespace collapsed). */
  label: string;
  labelRange: Range;
  /** Numbering as written (`1.`, `1、`, `(一)`), '' when absent. */
  numbering: string;
  cells: Cell[];
  /** The label matched a template label only approximately (typo), or is not a template label. */
  match: 'exact' | 'prefix' | 'variant' | 'fuzzy' | 'unknown';
  split?: SplitInfo;
  /** Cells were recovered from a scrambled reading order (values away from their label). */
  displaced?: boolean;
}

export interface Table {
  kind: TableKind;
  range: Range;
  /** Layout of the text the table came in. */
  layout: Layout;
  rows: Row[];
  /** Header words recognised (used to detect the format of table 二). */
  headerWords: string[];
}

export type Layout = 'pipe' | 'tab' | 'space' | 'cell-per-line' | 'run-together' | 'html' | 'unknown';

export interface Section {
  number: number;
  /** Title as written (analysis text). */
  title: string;
  /** How the header was written: numeral and separator as found. */
  numeral: string;
  separator: string;
  headerRange: Range;
  /** From the header's start to the next section's header (or the report's end). */
  range: Range;
  /** Canonical title, a known variant, or a typo listed in the template. */
  titleMatch: 'canonical' | 'variant';
}

export interface SubHeading {
  /** `（一）` etc. as written; '' when the numeral was lost (`()主动公开`). */
  numbering: string;
  text: string;
  range: Range;
}

/** Something the parser saw but could not place in the template. */
export interface ParseNote {
  kind: 'unplaced-values' | 'ambiguous-split' | 'unknown-row' | 'extra-values';
  range: Range;
  table?: TableKind;
  detail: string;
}

export interface Report {
  range: Range;
  title: string | null;
  titleRange: Range | null;
  organ: string | null;
  year: number | null;
  format: Format;
  /** How the format was decided. */
  formatEvidence: 'table2-header' | 'year' | 'table3-rows' | 'default';
  sections: Section[];
  /** Sub-headings of 一、总体情况. */
  overviewHeadings: SubHeading[];
  tables: { active: Table | null; applications: Table | null; review: Table | null };
  notes: ParseNote[];
}

export interface DocumentModel {
  /** Length of the text this model was built from. */
  length: number;
  reports: Report[];
  traditional: boolean;
  pinyin: Range[];
  /** The text came as HTML and was read through an HTML parser. */
  html: boolean;
  /** Set only when the parser hit an internal error and returned this empty model instead. */
  error?: string;
}
