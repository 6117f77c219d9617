/**
 * table.row-unknown — a row label that is not in the format: a typo (`2.其他法律行政止公开`, read as
 * the nearest template row), a label of the other format (`规范性文件` in a 2021-format report), or
 * a numbered label that matches no row. Range: the label. Fix data: the canonical label.
 */
import type { Finding } from './findings';
import { activeTable, applicationRows, type Format } from '../template';
import { finding, type Rule } from './rule';

export const tableRowUnknown: Rule = {
  code: 'table.row-unknown',
  check({ report }) {
    const out: Finding[] = [];
    const { active, applications } = report.tables;
    const activeDefs = activeTable(report.format).captions.flatMap((c) => c.rows);
    for (const row of active?.rows ?? []) {
      const def = activeDefs.find((d) => d.key === row.key);
      if (row.match === 'variant' && def) out.push(finding('table.row-unknown', row.labelRange, 'table.row-unknown.other-format', { written: row.label, canonical: def.label, format: report.format }, { canonical: def.label, replacement: def.label, rowKey: def.key }));
    }
    for (const t of [active, applications]) {
      for (const row of t?.rows ?? []) {
        if (row.match === 'fuzzy') {
          const label = (t === active ? activeDefs : []).find((d) => d.key === row.key)?.label ?? canonicalOf(row.key, report.format);
          out.push(finding('table.row-unknown', row.labelRange, 'table.row-unknown.typo', { written: row.label, canonical: label }, { canonical: label, replacement: label, rowKey: row.key }));
        } else if (row.match === 'unknown') out.push(finding('table.row-unknown', row.labelRange, 'table.row-unknown', { written: row.label }));
      }
    }
    return out;
  },
};

function canonicalOf(key: string, format: Format): string {
  return applicationRows(format).find((d) => d.key === key)?.label ?? key;
}
