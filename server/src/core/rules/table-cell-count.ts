/**
 * table.cell-count — a row has more or fewer values than its columns; or its digits ran together
 * and several splits fit (one finding listing the candidates; the totals that depend on the row are
 * then not evaluated); or values could not be placed in the table at all (a scrambled copy).
 * Range: the row label, or the digits. No fix: which split is right is the author's to say.
 */
import type { Table } from '../model';
import { activeTable, applicationRows } from '../template';
import { found, type Found, type Rule } from './rule';

export const tableCellCount: Rule<'table.cell-count'> = {
  code: 'table.cell-count',
  severity: 'error',
  description: {
    'zh-CN': '某行的数值个数与列数不符；数字连写且拆分方式不止一种（列出可能的拆分）；数值无法归入表格',
    en:
      'a row has more or fewer values than columns; run-together digits with several possible splits ' +
      '(the candidates are listed); values that could not be placed',
  },
  messages: {
    'table.cell-count': {
      'zh-CN': '“{row}”有{found}个数值，应为{expected}个',
      en: '“{row}” has {found} values, {expected} expected',
    },
    'table.cell-count.ambiguous': {
      'zh-CN': '数字“{digits}”连在一起，拆成{count}个数值的方式不止一种：{candidates}',
      en: 'Digits “{digits}” run together and split into {count} values in more than one way: {candidates}',
    },
    'table.cell-count.unsplittable': {
      'zh-CN': '数字“{digits}”连在一起，无法拆成合计相符的{count}个数值（可能的拆分：{candidates}）',
      en: 'Digits “{digits}” run together and no split into {count} values adds up (possible splits: {candidates})',
    },
    'table.cell-count.unplaced-values': {
      'zh-CN': '无法确定这些数值所属的行列（文本顺序错乱）：{values}',
      en: 'These values could not be placed in the table (scrambled text order): {values}',
    },
    'table.cell-count.extra-values': { 'zh-CN': '表格中多出数值：{values}', en: 'Extra values in the table: {values}' },
  },
  check({ report }) {
    const out: Found<never>[] = [];
    const { active, applications, review } = report.tables;
    const expected = (t: Table, key: string): number => {
      if (t.kind === 'review') return 15;
      if (t.kind === 'active')
        return (
          activeTable(report.format)
            .captions.flatMap((c) => c.rows)
            .find((d) => d.key === key)?.values ?? 0
        );
      return applicationRows(report.format).find((d) => d.key === key)?.values ?? 7;
    };
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const n = expected(t!, row.key);
        if (row.split && (row.split.how === 'ambiguous' || row.split.how === 'none')) {
          const shown = row.split.candidates
            .slice(0, 5)
            .map((c) => c.join(' | '))
            .join('；');
          const id = row.split.how === 'ambiguous' ? 'table.cell-count.ambiguous' : 'table.cell-count.unsplittable';
          out.push(found(row.split.range, id, { digits: row.split.raw, count: n, candidates: shown || '—' }));
          continue;
        }
        if (n && row.cells.length !== n) {
          const args = { row: row.label || '行政复议、行政诉讼', found: row.cells.length, expected: n };
          out.push(found(row.labelRange, 'table.cell-count', args));
        }
      }
    }
    for (const note of report.notes) {
      if (note.kind === 'unplaced-values' || note.kind === 'extra-values') {
        out.push(found(note.range, `table.cell-count.${note.kind}`, { values: note.detail.slice(0, 60) }));
      }
    }
    return dedupe(out);
  },
};

function dedupe<F extends Found<never>>(fs: F[]): F[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.range.start}:${f.range.end}:${f.message.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
