/**
 * table.cell-blank — cells left blank (blank is not 0). A habit of the whole report, so one finding
 * per report: the message counts the blank cells and the rows they are in and names the first row's
 * blank columns; the range is that row's label; every other row with a blank cell is related
 * information (its label, its columns), at most RELATED_MAX rows, the last listed saying how many
 * more. `/` (not applicable) is not blank. No fix: only the user knows whether a blank means 0.
 */
import type { Range } from '../model';
import { activeTable, APPLICANT_COLUMNS, REVIEW_BLOCKS, REVIEW_COLUMNS } from '../template';
import type { Related } from './findings';
import { found, type Found, type Rule } from './rule';

/** How many other rows the finding lists as related information. */
export const RELATED_MAX = 20;

export const tableCellBlank: Rule<'table.cell-blank'> = {
  code: 'table.cell-blank',
  severity: 'warning',
  figures: [],
  description: { 'zh-CN': '单元格为空（空白不等于0）', en: 'a blank cell (blank is not 0)' },
  messages: {
    'table.cell-blank': {
      'zh-CN': '{count}个单元格为空：空白不等于0，没有数据应填0（“{row}”的{columns}）',
      en: 'Blank cells: {count}. Blank is not 0: write 0 where there is nothing (“{row}”: {columns})',
    },
    'table.cell-blank.rows': {
      'zh-CN': '{count}个单元格为空，分布在{rows}行：空白不等于0，没有数据应填0（首处“{row}”的{columns}）',
      en:
        'Blank cells: {count}, in {rows} rows. Blank is not 0: write 0 where there is nothing' +
        ' (first “{row}”: {columns})',
    },
    'table.cell-blank.related': { 'zh-CN': '“{row}”的{columns}为空', en: '“{row}” is blank in {columns}' },
    'table.cell-blank.related-more': {
      'zh-CN': '“{row}”的{columns}为空；另有{more}行未列出',
      en: '“{row}” is blank in {columns}; {more} more rows not listed',
    },
  },
  check({ report }) {
    const rows: { range: Range; row: string; columns: string; blanks: number }[] = [];
    const { active, applications, review } = report.tables;
    const caps = activeTable(report.format).captions;
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const names: string[] = [];
        row.cells.forEach((c, i) => {
          if (c.kind !== 'blank') return;
          if (t === applications) names.push(APPLICANT_COLUMNS[i] ?? String(i + 1));
          else if (t === review)
            names.push(`${REVIEW_BLOCKS[Math.floor(i / 5)]?.title ?? ''}·${REVIEW_COLUMNS[i % 5]}`);
          else names.push(caps.find((c) => c.rows.some((r) => r.key === row.key))?.header[i + 1] ?? String(i + 1));
        });
        if (!names.length) continue;
        const label = row.label || '行政复议、行政诉讼';
        rows.push({ range: row.labelRange, row: label, columns: names.join('、'), blanks: names.length });
      }
    }
    const first = rows[0];
    if (!first) return [];
    let count = 0;
    for (const r of rows) count += r.blanks;
    const args = { count, rows: rows.length, row: first.row, columns: first.columns };
    const f: Found<never> = found(first.range, rows.length > 1 ? 'table.cell-blank.rows' : 'table.cell-blank', args);
    const related: Related[] = [];
    const listed = Math.min(rows.length - 1, RELATED_MAX);
    const more = rows.length - 1 - listed;
    for (let i = 1; i <= listed; i++) {
      const r = rows[i]!;
      related.push({
        range: { start: r.range.start, end: r.range.end },
        message:
          i === listed && more > 0
            ? { id: 'table.cell-blank.related-more', args: { row: r.row, columns: r.columns, more } }
            : { id: 'table.cell-blank.related', args: { row: r.row, columns: r.columns } },
      });
    }
    if (related.length) f.related = related;
    return [f];
  },
};
