/**
 * table.row-unknown — a row label that is not in the format: a typo (`2.其他法律行政止公开`, read as
 * the nearest template row), a label of the other format (`规范性文件` in a 2021-format report), or
 * a numbered label that matches no row. Range: the label. Fix: the canonical label (not for a label
 * that matches no row). Not the label a truncated text stops in (cut short with it: report.truncated).
 */
import { activeTable, applicationRows, type Format } from '../template';
import { found, replaceWith, type Found, type Rule } from './rule';
import { cutRow } from './report-truncated';

/** The canonical label. */
type Data = { replacement: string };

export const tableRowUnknown: Rule<'table.row-unknown', Data> = {
  code: 'table.row-unknown',
  severity: 'warning',
  figures: [],
  description: {
    'zh-CN': '行名不在格式中：笔误（按最接近的行读取）或另一种格式的行名',
    en: "a row label not in the format: a typo (read as the nearest row) or the other format's label",
  },
  messages: {
    'table.row-unknown': { 'zh-CN': '行名“{written}”不在格式中', en: 'Row label “{written}” is not in the format' },
    'table.row-unknown.typo': {
      'zh-CN': '行名“{written}”与格式不符，应为“{canonical}”',
      en: 'Row label “{written}” does not match the format: “{canonical}” expected',
    },
    'table.row-unknown.other-format': {
      'zh-CN': '“{written}”是另一种格式的行名；{format}年格式写作“{canonical}”',
      en: '“{written}” is a label of the other format; the {format} format says “{canonical}”',
    },
    'table.row-unknown.fix': { 'zh-CN': '改为“{text}”', en: 'Change to “{text}”' },
  },
  check({ report, text }) {
    const out: Found<Data>[] = [];
    const { active, applications } = report.tables;
    const cut = cutRow(report, text);
    const activeDefs = activeTable(report.format).captions.flatMap((c) => c.rows);
    for (const row of active?.rows ?? []) {
      const def = activeDefs.find((d) => d.key === row.key);
      if (row.match === 'variant' && def) {
        const args = { written: row.label, canonical: def.label, format: report.format };
        out.push(found(row.labelRange, 'table.row-unknown.other-format', args, { replacement: def.label }));
      }
    }
    for (const t of [active, applications]) {
      for (const row of t?.rows ?? []) {
        if (row === cut) continue;
        if (row.match === 'fuzzy') {
          const label =
            (t === active ? activeDefs : []).find((d) => d.key === row.key)?.label ??
            canonicalOf(row.key, report.format);
          out.push(
            found(
              row.labelRange,
              'table.row-unknown.typo',
              { written: row.label, canonical: label },
              { replacement: label },
            ),
          );
        } else if (row.match === 'unknown')
          out.push(found(row.labelRange, 'table.row-unknown', { written: row.label }));
      }
    }
    return out;
  },
  safeFix: true,
  fix(f) {
    return f.data ? replaceWith(f, f.data.replacement, 'table.row-unknown.fix', { text: f.data.replacement }) : [];
  },
};

function canonicalOf(key: string, format: Format): string {
  return applicationRows(format).find((d) => d.key === key)?.label ?? key;
}
