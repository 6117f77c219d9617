/**
 * table.cell-count — a row has more or fewer values than its columns; or its digits ran together
 * and several splits fit (one finding listing the candidates; the totals that depend on the row are
 * then not evaluated); or values could not be placed in the table at all (a scrambled copy).
 * Range: the row label, or the digits. Fix data: the candidate splits.
 */
import type { Finding } from './findings';
import type { Table } from '../model';
import { activeTable, applicationRows } from '../template';
import { finding, type Rule } from './rule';

export const tableCellCount: Rule = {
  code: 'table.cell-count',
  check({ report }) {
    const out: Finding[] = [];
    const { active, applications, review } = report.tables;
    const expected = (t: Table, key: string): number => {
      if (t.kind === 'review') return 15;
      if (t.kind === 'active') return activeTable(report.format).captions.flatMap((c) => c.rows).find((d) => d.key === key)?.values ?? 0;
      return applicationRows(report.format).find((d) => d.key === key)?.values ?? (key === 'other' ? 7 : 7);
    };
    for (const t of [active, applications, review]) {
      for (const row of t?.rows ?? []) {
        const n = expected(t!, row.key);
        if (row.split && (row.split.how === 'ambiguous' || row.split.how === 'none')) {
          const shown = row.split.candidates.slice(0, 5).map((c) => c.join(' | ')).join('；');
          out.push(
            finding('table.cell-count', row.split.range, row.split.how === 'ambiguous' ? 'table.cell-count.ambiguous' : 'table.cell-count.unsplittable', { digits: row.split.raw, count: n, candidates: shown || '—' }, { candidates: row.split.candidates }),
          );
          continue;
        }
        if (n && row.cells.length !== n) out.push(finding('table.cell-count', row.labelRange, 'table.cell-count', { row: row.label || '行政复议、行政诉讼', found: row.cells.length, expected: n }));
      }
    }
    for (const note of report.notes) {
      if (note.kind === 'unplaced-values' || note.kind === 'extra-values') out.push(finding('table.cell-count', note.range, `table.cell-count.${note.kind}`, { values: note.detail.slice(0, 60) }));
    }
    return dedupe(out);
  },
};

function dedupe(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.range.start}:${f.range.end}:${f.message.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
