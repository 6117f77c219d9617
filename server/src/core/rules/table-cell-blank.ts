/**
 * table.cell-blank — a cell is blank (blank is not 0). One finding per row, listing the columns.
 * `/` (not applicable) is not blank. Range: the row label.
 */
import { activeTable, APPLICANT_COLUMNS, REVIEW_BLOCKS, REVIEW_COLUMNS } from '../template';
import { found, type Found, type Rule } from './rule';

export const tableCellBlank: Rule<'table.cell-blank'> = {
  code: 'table.cell-blank',
  severity: 'warning',
  description: { 'zh-CN': '单元格为空（空白不等于0）', en: 'a blank cell (blank is not 0)' },
  messages: {
    'table.cell-blank': {
      'zh-CN': '“{row}”的{columns}为空；没有数据应填0',
      en: '“{row}” is blank in {columns}; write 0 where there is nothing',
    },
  },
  check({ report }) {
    const out: Found<never>[] = [];
    const { active, applications, review } = report.tables;
    const caps = activeTable(report.format).captions;
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const blanks = row.cells.map((c, i) => (c.kind === 'blank' ? i : -1)).filter((i) => i >= 0);
        if (!blanks.length) continue;
        const names = blanks.map((i) => {
          if (t === applications) return APPLICANT_COLUMNS[i] ?? String(i + 1);
          if (t === review) return `${REVIEW_BLOCKS[Math.floor(i / 5)]?.title ?? ''}·${REVIEW_COLUMNS[i % 5]}`;
          return caps.find((c) => c.rows.some((r) => r.key === row.key))?.header[i + 1] ?? String(i + 1);
        });
        out.push(
          found(row.labelRange, 'table.cell-blank', {
            row: row.label || '行政复议、行政诉讼',
            columns: names.join('、'),
          }),
        );
      }
    }
    return out;
  },
};
