/**
 * table.row-missing — a row of the report's format is absent from a table that is there.
 * A 2021-format report that prints （六）其他处理 as one row (the 2019 layout) gets one finding on
 * that row (no fix: the split into three items is the author's). Range: the row before the place of
 * the missing one (or the section header). Fix: the row with zeros, inserted after that row.
 * The rows after the cut of a truncated text are left to report.truncated.
 */
import type { Report, Table } from '../model';
import { activeTable, applicationRows, type RowDef } from '../template';
import { renderRow } from '../features/render';
import { lineEndAt } from '../text/lines';
import { found, insertAt, type Found, type Rule } from './rule';
import { truncation } from './report-truncated';

/** The missing row and where it goes. */
type Data = { rowKey: string; canonical: string; insertAt: number };

function missing(report: Report, table: Table, defs: RowDef[], text: string, sectionNumber: number): Found<Data>[] {
  const out: Found<Data>[] = [];
  // The rows after the cut of a truncated text are report.truncated's one finding.
  const cut = truncation(report, text);
  const cutRows = cut?.table === table ? cut.rowsAfter : undefined;
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
    if (!def.values || cutRows?.has(def.key)) continue;
    if (singleOther && def.key.startsWith('other.')) continue;
    const at = Math.min(lineEndAt(text, prevRange.end) + 1, text.length);
    out.push(
      found(
        prevRange,
        'table.row-missing',
        { row: def.label },
        { rowKey: def.key, canonical: def.label, insertAt: at },
      ),
    );
  }
  if (singleOther) {
    const row = table.rows.find((r) => r.key === 'other')!;
    out.push(found(row.labelRange, 'table.row-missing.other-single'));
  }
  return out;
}

/** How many values a row of the report's format holds. */
function valueCount(key: string, report: Report): number {
  if (applicationRows(report.format).some((d) => d.key === key)) return 7;
  return (
    activeTable(report.format)
      .captions.flatMap((c) => c.rows)
      .find((d) => d.key === key)?.values ?? 7
  );
}

export const tableRowMissing: Rule<'table.row-missing', Data> = {
  code: 'table.row-missing',
  severity: 'error',
  figures: [],
  description: {
    'zh-CN': '表格缺少格式规定的某一行（2021年报告把（六）写成一行时报告一次）',
    en: 'a row of the format is absent (a 2021 report printing （六） as one row gets one finding)',
  },
  messages: {
    'table.row-missing': { 'zh-CN': '表格缺少“{row}”一行', en: 'The table lacks the row “{row}”' },
    'table.row-missing.other-single': {
      'zh-CN': '“（六）其他处理”写成了一行；2021年格式应分为1至3三个子项',
      en: '“（六）其他处理” is one row; the 2021 format splits it into items 1–3',
    },
    'table.row-missing.fix': { 'zh-CN': '插入“{row}”一行（填0）', en: 'Insert the row “{row}” with zeros' },
  },
  check({ report, text }) {
    const out: Found<Data>[] = [];
    const { active, applications } = report.tables;
    const activeDefs = activeTable(report.format).captions.flatMap((c) => c.rows);
    if (active) for (const f of missing(report, active, activeDefs, text, 2)) out.push(f);
    if (applications)
      for (const f of missing(report, applications, applicationRows(report.format), text, 3)) out.push(f);
    return out;
  },
  safeFix: false,
  fix({ data }, { report, layout }) {
    if (!data) return [];
    const row = renderRow(data.canonical, Array<string>(valueCount(data.rowKey, report)).fill('0'), layout);
    return insertAt(data.insertAt, row + '\n', 'table.row-missing.fix', { row: data.canonical });
  },
};
