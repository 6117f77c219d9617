/**
 * The summary as a table: the dashboard's columns, one row per report, as summary.csv (UTF-8 with a
 * BOM, so that Excel reads the Chinese) and summary.xlsx (write-excel-file: maintained, its one
 * dependency is fflate, which the project already has; loaded on use, see office.ts).
 */
import { localize, type Locale } from '../../core';
import { clean, FIGURES, SEVERITIES, type ReviewRow } from './rows';

export type Value = string | number | null;

export interface Column {
  id: string;
  header: string;
  numeric: boolean;
  value: (r: ReviewRow) => Value;
}

/** The dashboard's and the sheets' columns, in order. */
export function columns(locale: Locale): Column[] {
  const t = (id: string) => localize({ id }, locale);
  const joiner = locale === 'en' ? '; ' : '；';
  return [
    { id: 'file', header: t('review.col.file'), numeric: false, value: (r) => clean(r.file) },
    { id: 'organ', header: t('review.col.organ'), numeric: false, value: (r) => (r.organ ? clean(r.organ) : null) },
    { id: 'year', header: t('review.col.year'), numeric: true, value: (r) => r.year },
    { id: 'format', header: t('review.col.format'), numeric: false, value: (r) => r.format },
    ...SEVERITIES.map((s) => ({
      id: s,
      header: t(`review.col.${s}`),
      numeric: true,
      value: (r: ReviewRow) => r.counts[s],
    })),
    {
      id: 'problems',
      header: t('review.col.problems'),
      numeric: false,
      value: (r) => r.problems.join(joiner) || null,
    },
    ...FIGURES.map((f) => ({
      id: f,
      header: t(`review.col.${f}`),
      numeric: true,
      value: (r: ReviewRow) => r.figures[f],
    })),
    { id: 'memo', header: t('review.col.memo'), numeric: false, value: (r) => (r.memo ? `${r.memo}.md` : null) },
  ];
}

/** A CSV field; text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets
 *  a leading `'`. */
function csvField(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function summaryCsv(rows: ReviewRow[], locale: Locale): string {
  const cols = columns(locale);
  const lines = [cols.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvField(c.value(r))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function summaryXlsx(rows: ReviewRow[], locale: Locale): Promise<Uint8Array> {
  const cols = columns(locale);
  const data = [
    cols.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((r) =>
      cols.map((c) => {
        const v = c.value(r);
        return v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String };
      }),
    ),
  ];
  const widths: Record<string, number> = { file: 36, organ: 24, problems: 60, memo: 30 };
  const { xlsx } = await import('./office');
  return xlsx(data, {
    sheet: localize({ id: 'review.sheet' }, locale),
    widths: cols.map((c) => widths[c.id] ?? (c.numeric ? 10 : 12)),
    stickyRowsCount: 1,
  });
}
