/**
 * Where an offset of a report falls in its tables: the table, the row (its label in the template,
 * with the heading of its group), the column and the cell as written. The review's memos
 * (cli/review) name each problem by 表 / 行 / 列 with these words; nothing here is guessed: a
 * place is given only when the offset is inside a cell or a row label the reader placed.
 */
import type { CellKind, Range, Report, Row, Table } from '../model';
import {
  activeTable,
  APPLICANT_COLUMNS,
  applicationRows,
  GROUP_LABELS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  type TableKind,
} from '../template';
import { tableNumeral } from '../template/vocabulary';

export interface TablePlace {
  table: TableKind;
  /** The table's numeral as the template prints it (二, 三, 四). */
  numeral: string;
  /** The row's label in the template (as written when the row is not the template's); table 四:
   *  the block's title. Null when the offset is in the table but on no row. */
  row: string | null;
  /** The heading of the row's group (（三）不予公开 for its items 1–8), or null. */
  group: string | null;
  /** The row is a block of table 四 (行政复议, 行政诉讼…) rather than a row. */
  block: boolean;
  /** The column's name; null when the offset is on the row's label. */
  column: string | null;
  /** The cell holding the offset, as read. */
  cell: { kind: CellKind; value: number | null; raw: string } | null;
}

const inside = (r: Range, at: number) => r.start <= at && at < Math.max(r.end, r.start + 1);

function rowLabel(report: Report, table: Table, row: Row): { label: string; group: string | null } {
  if (table.kind === 'active') {
    for (const cap of activeTable(report.format).captions)
      for (const def of cap.rows) if (def.key === row.key) return { label: def.label, group: null };
  } else if (table.kind === 'applications') {
    // the format's rows first, then the other format's (a 2021 report with the 2019 one-row （六）)
    const other = report.format === '2021' ? '2019' : '2021';
    for (const def of [...applicationRows(report.format), ...applicationRows(other)])
      if (def.key && def.key === row.key)
        return { label: def.label, group: def.group ? (GROUP_LABELS[def.group] ?? null) : null };
  }
  return { label: row.label, group: null };
}

function columnName(report: Report, table: Table, row: Row, i: number): string {
  if (table.kind === 'applications') return APPLICANT_COLUMNS[i] ?? String(i + 1);
  if (table.kind === 'review') return REVIEW_COLUMNS[i % REVIEW_COLUMNS.length]!;
  for (const cap of activeTable(report.format).captions)
    if (cap.rows.some((d) => d.key === row.key)) return cap.header[i + 1] ?? String(i + 1);
  return String(i + 1);
}

/** The place of `offset` in `report`'s tables, or null when it is in none of them. */
export function tablePlace(report: Report, offset: number): TablePlace | null {
  for (const kind of ['active', 'applications', 'review'] as const) {
    const table = report.tables[kind];
    if (!table || !inside(table.range, offset)) continue;
    const base = { table: kind, numeral: tableNumeral(kind), group: null, block: false, column: null, cell: null };
    for (const row of table.rows) {
      if (kind === 'review') {
        const i = row.cells.findIndex((c) => inside(c.range, offset));
        if (i < 0) continue;
        const c = row.cells[i]!;
        const b = REVIEW_BLOCKS[Math.floor(i / REVIEW_COLUMNS.length)];
        return {
          ...base,
          row: b ? b.title : null,
          block: true,
          column: columnName(report, table, row, i),
          cell: { kind: c.kind, value: c.value, raw: c.raw },
        };
      }
      const onLabel = inside(row.labelRange, offset);
      const i = onLabel ? -1 : row.cells.findIndex((c) => inside(c.range, offset));
      if (!onLabel && i < 0) continue;
      const { label, group } = rowLabel(report, table, row);
      const c = i >= 0 ? row.cells[i]! : null;
      return {
        ...base,
        row: label,
        group,
        column: c ? columnName(report, table, row, i) : null,
        cell: c ? { kind: c.kind, value: c.value, raw: c.raw } : null,
      };
    }
    return { ...base, row: null };
  }
  return null;
}
