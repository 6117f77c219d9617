/**
 * table.row-missing — a row of the report's format is absent from a table that is there.
 * A 2021-format report that prints （六）其他处理 as one row (the 2019 layout) gets one finding on
 * that row. Range: the row before the place of the missing one (or the section header).
 * Fix data: the row key, its canonical label and where to insert it.
 */
import type { Finding } from './findings';
import type { Report, Table } from '../model';
import { activeTable, applicationRows, type RowDef } from '../template';
import { finding, type Rule } from './rule';
import { lineEndAt } from '../text/lines';

function missing(report: Report, table: Table, defs: RowDef[], text: string, sectionNumber: number): Finding[] {
  const out: Finding[] = [];
  const present = new Set(table.rows.map((r) => r.key));
  const header = report.sections.find((s) => s.number === sectionNumber)?.headerRange ?? table.range;
  const singleOther = table.kind === 'applications' && report.format === '2021' && present.has('other');
  let prevRange = header;
  for (const def of defs) {
    const row = table.rows.find((r) => r.key === def.key);
    if (row) {
      prevRange = row.labelRange;
      continue;
    }
    if (!def.values) continue;
    if (singleOther && def.key.startsWith('other.')) continue;
    const lineEnd = lineEndAt(text, prevRange.end);
    out.push(finding('table.row-missing', prevRange, 'table.row-missing', { row: def.label }, { rowKey: def.key, canonical: def.label, insertAt: Math.min(lineEnd + 1, text.length) }));
  }
  if (singleOther) {
    const row = table.rows.find((r) => r.key === 'other')!;
    out.push(finding('table.row-missing', row.labelRange, 'table.row-missing.other-single', {}, { rowKey: 'other' }));
  }
  return out;
}

export const tableRowMissing: Rule = {
  code: 'table.row-missing',
  check({ report, text }) {
    const out: Finding[] = [];
    const { active, applications } = report.tables;
    if (active) for (const f of missing(report, active, activeTable(report.format).captions.flatMap((c) => c.rows), text, 2)) out.push(f);
    if (applications) for (const f of missing(report, applications, applicationRows(report.format), text, 3)) out.push(f);
    return out;
  },
};
