/**
 * table.unreadable — the reader could not tell which cell a value belongs to: run-together digits
 * that split in several ways, or in none that adds up; values it could not place (a scrambled
 * reading order, a row recovered from it that does not add up, table 四's numbers past its fifteenth
 * on another line); rows given values from a scrambled order that do add up (one finding per table:
 * they are kept, but not summed); a row with more or fewer values than its columns where nothing in the layout
 * marks the cells (spaces, one cell per line), so a blank cell and a missing value look the same.
 * The cells stay unknown (or, for a short row, are not summed) and the rules that need them say
 * nothing. A doubt of the reader, not a defect of the report: information, never an error.
 * Where the layout does show a wrong count (cell separators), `table.cell-count` reports it instead.
 * Range: the digits, the values, or the row label. No fix: which reading is right is the author's.
 */
import { REVIEW_ROW_LABEL } from '../template/vocabulary';
import { visibleCounts, widthOf } from './table-cell-count';
import { found, type Found, type Rule } from './rule';

export const tableUnreadable: Rule<'table.unreadable'> = {
  code: 'table.unreadable',
  severity: 'information',
  figures: [],
  description: {
    'zh-CN': '无法确定某些数值所属的单元格（文本顺序错乱、数字连写可有多种拆分）：这些单元格不参与核对',
    en:
      'the reader could not tell which cell a value belongs to (scrambled order, ambiguous run-together ' +
      'digits): those cells are left out of the checks',
  },
  messages: {
    'table.unreadable': {
      'zh-CN': '无法确定这些数值所属的行列（文本顺序错乱），相关合计不作核对：{values}',
      en: 'Could not tell which cells these values belong to (scrambled text order); the totals are not checked: {values}',
    },
    'table.unreadable.ambiguous': {
      'zh-CN': '数字“{digits}”连在一起，拆成{count}个数值的方式不止一种（{candidates}），相关合计不作核对',
      en:
        'Digits “{digits}” run together and split into {count} values in more than one way ({candidates}); ' +
        'the totals are not checked',
    },
    'table.unreadable.unsplittable': {
      'zh-CN': '数字“{digits}”连在一起，无法拆成合计相符的{count}个数值（可能的拆分：{candidates}），相关合计不作核对',
      en:
        'Digits “{digits}” run together and no split into {count} values adds up (possible splits: ' +
        '{candidates}); the totals are not checked',
    },
    'table.unreadable.recovered': {
      'zh-CN': '{count}行的数值与行名不在一处（文本顺序错乱），已按顺序归入各行，但无法确定，相关合计不作核对',
      en:
        '{count} rows had their values away from their labels (scrambled text order): given in order, but not ' +
        'certain, so the totals over them are not checked',
    },
    'table.unreadable.count': {
      'zh-CN': '“{row}”读到{found}个数值（应为{expected}个），无法确定各数值所属的列，该行不作核对',
      en: '“{row}”: {found} values read ({expected} columns), their columns cannot be told; the row is not checked',
    },
  },
  check({ report, text }) {
    const out: Found<never>[] = [];
    const visible = visibleCounts(report, text);
    const shown = new Set(visible.map((v) => v.row));
    const explained = new Set(visible.map((v) => v.note));
    const { active, applications, review } = report.tables;
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const n = widthOf(report, t!, row.key);
        if (row.split && (row.split.how === 'ambiguous' || row.split.how === 'none')) {
          const shownSplits = row.split.candidates
            .slice(0, 5)
            .map((c) => c.join(' | '))
            .join('；');
          const id = row.split.how === 'ambiguous' ? 'table.unreadable.ambiguous' : 'table.unreadable.unsplittable';
          out.push(found(row.split.range, id, { digits: row.split.raw, count: n, candidates: shownSplits || '—' }));
          continue;
        }
        if (row.displaced) continue;
        if (n && row.cells.length !== n && !shown.has(row)) {
          const args = { row: row.label || REVIEW_ROW_LABEL, found: row.cells.length, expected: n };
          out.push(found(row.labelRange, 'table.unreadable.count', args));
        }
      }
      // Rows given values from a scrambled order (and kept: they add up): one finding per table.
      const recovered = (t?.rows ?? []).filter(
        (r) => r.displaced && !shown.has(r) && r.cells.some((c) => c.kind !== 'unknown'),
      );
      if (recovered.length)
        out.push(found(recovered[0]!.labelRange, 'table.unreadable.recovered', { count: recovered.length }));
    }
    for (const note of report.notes) {
      if ((note.kind === 'unplaced-values' || note.kind === 'extra-values') && !explained.has(note))
        out.push(found(note.range, 'table.unreadable', { values: note.detail.slice(0, 60) }));
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
