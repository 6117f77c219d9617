/**
 * Writes test/fixtures/made/<seed>.html for each seed report of test/fixtures/corpus (000–004): the
 * report's prose as paragraphs and its three tables laid out as the national template prints them
 * (caption rows, header blocks and group cells with rowspan/colspan), the values taken from the seed's
 * expected tables (test/fixtures/expected/<seed>.json). make-fixtures.sh turns each page
 * into .docx and .pdf. Pinyin annotations left by a converter are dropped from the prose.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../server/src/core/parse';
import { lineIndex, normalizeReport, type NormalizedReport } from '../server/src/core/export';
import type { Range, Report } from '../server/src/core/model';
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  TABLE3_CORNER_NOTE,
  activeTable,
  applicationRows,
  type Format,
} from '../server/src/core/template';

const root = join(import.meta.dirname, '..', 'test', 'fixtures');
const out = join(root, 'made');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const td = (text: string, attrs = ''): string => `<td${attrs}>${esc(text)}</td>`;
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

type Values = Record<string, unknown>;
function valuesAt(obj: Values, key: string): (number | null)[] {
  let cur: unknown = obj;
  for (const part of key.split('.')) cur = (cur as Values | undefined)?.[part];
  return Array.isArray(cur) ? (cur as (number | null)[]) : [];
}

function activeHtml(format: Format, n: NormalizedReport): string {
  const rows: string[] = [];
  for (const cap of activeTable(format).captions) {
    const width = 4;
    rows.push(`<tr>${td(cap.label, ` colspan="${width}"`)}</tr>`);
    const span = width - cap.header.length + 1;
    const head = cap.header.map((h, i) => td(h, i === cap.header.length - 1 && span > 1 ? ` colspan="${span}"` : ''));
    rows.push(`<tr>${head.join('')}</tr>`);
    for (const r of cap.rows) {
      const vs = valuesAt(n.active as Values, r.key);
      const cells = [td(r.label)];
      for (let i = 0; i < r.values; i++) {
        const last = i === r.values - 1 && span > 1;
        cells.push(td(num(vs[i]), last ? ` colspan="${span}"` : ''));
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
  }
  return `<table border="1">\n${rows.join('\n')}\n</table>`;
}

/** The template's label, or the report's own where it misspells it (a real defect kept in the copy). */
function labelOf(report: Report, key: string, label: string): string {
  const row = report.tables.applications?.rows.find((r) => r.key === key);
  return row && (row.match === 'fuzzy' || row.match === 'variant') ? row.label : label;
}

function applicationsHtml(format: Format, n: NormalizedReport, report: Report): string {
  let defs = applicationRows(format);
  // A 2021 report that wrote （六）其他处理 as one row keeps that row (its own defect).
  if (format === '2021' && Array.isArray((n.applications as Values)['other'])) {
    defs = defs
      .filter((d) => d.group !== 'other')
      .map((d) => (d.label === '（六）其他处理' ? { ...d, key: 'other', values: 7 } : d));
  }
  const rows: string[] = [];
  const [natural, ...rest] = APPLICANT_COLUMNS;
  const total = rest.pop()!;
  rows.push(`<tr>${td(TABLE3_CORNER_NOTE, ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`);
  rows.push(
    `<tr>${td(natural!, ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td(total, ' rowspan="2"')}</tr>`,
  );
  rows.push(`<tr>${rest.map((c) => td(c)).join('')}</tr>`);
  // The group cell 三、本年度办理结果 spans every row from （一） to （七）总计.
  const outcomeStart = defs.findIndex((d) => d.key === 'granted');
  const outcomeEnd = defs.findIndex((d) => d.key === 'totalProcessed');
  const outcomeRows = defs.slice(outcomeStart, outcomeEnd + 1).filter((d) => d.values > 0).length;
  for (let i = 0; i < defs.length; i++) {
    const d = defs[i]!;
    if (d.values === 0) continue;
    const vs = valuesAt(n.applications as Values, d.key);
    const values = Array.from({ length: d.values }, (_, k) => td(num(vs[k]))).join('');
    let label: string;
    if (i < outcomeStart || i > outcomeEnd) label = td(d.label, ' colspan="3"');
    else {
      label = i === outcomeStart ? td(defs[outcomeStart - 1]!.label, ` rowspan="${outcomeRows}"`) : '';
      const before = defs[i - 1]!;
      if (d.group) {
        if (before.group !== d.group) {
          const size = defs.filter((x) => x.group === d.group).length;
          label += td(before.label, ` rowspan="${size}"`);
        }
        label += td(labelOf(report, d.key, d.label));
      } else label += td(d.label, ' colspan="2"');
    }
    rows.push(`<tr>${label}${values}</tr>`);
  }
  return `<table border="1">\n${rows.join('\n')}\n</table>`;
}

function reviewHtml(n: NormalizedReport): string {
  const r = n.review as Values;
  const blocks = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
  const vals = blocks.flatMap((b) => Array.from({ length: 5 }, (_, k) => td(num(valuesAt(r, b)[k]))));
  return [
    '<table border="1">',
    `<tr>${td('行政复议', ' colspan="5" rowspan="2"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
    `<tr>${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
    `<tr>${[0, 1, 2].flatMap(() => REVIEW_COLUMNS.map((c) => td(c))).join('')}</tr>`,
    `<tr>${vals.join('')}</tr>`,
    '</table>',
  ].join('\n');
}

/** The prose of [start, end) as paragraphs, leaving out the table's range and pinyin annotations. */
function prose(text: string, start: number, end: number, skip: (Range | null)[], pinyin: Range[]): string[] {
  let s = '';
  for (let i = start; i < end; i++) {
    if (skip.some((r) => r && i >= r.start && i < r.end)) continue;
    const p = pinyin.find((r) => i >= r.start && i < r.end);
    if (p) {
      i = p.end - 1;
      continue;
    }
    s += text[i];
  }
  return s
    .split(/\r?\n/)
    .map((l) => l.replace(/^[#\s|]+|[\s|]+$/g, '').replace(/\s*\|\s*/g, ' '))
    .filter((l) => l.length > 0)
    .map((l) => `<p>${esc(l)}</p>`);
}

function reportHtml(text: string, report: Report, n: NormalizedReport, pinyin: Range[]): string[] {
  const parts: string[] = [];
  const first = report.sections[0];
  const t = report.tables;
  const tables = [t.active?.range ?? null, t.applications?.range ?? null, t.review?.range ?? null];
  parts.push(...prose(text, report.range.start, first ? first.headerRange.start : report.range.end, tables, pinyin));
  for (const sec of report.sections) {
    const head = prose(text, sec.headerRange.start, sec.headerRange.end, [], pinyin).join('');
    parts.push(head.replace(/^<p>/, '<h2>').replace(/<\/p>$/, '</h2>'));
    const table = sec.number === 2 && t.active ? t.active : sec.number === 3 && t.applications ? t.applications : null;
    const review = sec.number === 4 && t.review ? t.review : null;
    const body = prose(text, sec.headerRange.end, sec.range.end, tables, pinyin);
    const at = table ?? review;
    if (!at) {
      parts.push(...body);
      continue;
    }
    parts.push(...prose(text, sec.headerRange.end, at.range.start, tables, pinyin));
    if (sec.number === 2) parts.push(activeHtml(report.format, n));
    else if (sec.number === 3) parts.push(applicationsHtml(report.format, n, report));
    else parts.push(reviewHtml(n));
    parts.push(...prose(text, at.range.end, sec.range.end, tables, pinyin));
  }
  return parts;
}

mkdirSync(out, { recursive: true });
// The seeds, and two real reports with real defects (table 四's totals; prose 17 vs table 95).
const seeds = readdirSync(join(root, 'corpus')).filter((f) => /^(\d{3}_|real-0(?:08|10)_).*\.txt$/.test(f));
for (const name of seeds) {
  const text = readFileSync(join(root, 'corpus', name), 'utf8');
  const model = parse(text);
  const li = lineIndex(text);
  const body: string[] = [];
  // Values from the committed expected tables (the goldens the tests compare with), prose from the text.
  const expected = JSON.parse(readFileSync(join(root, 'expected', name.replace(/\.txt$/, '.json')), 'utf8'));
  model.reports.forEach((report, i) => {
    const n = (expected.reports[i] as NormalizedReport | undefined) ?? normalizeReport(report, li);
    body.push(...reportHtml(text, report, n, model.pinyin));
  });
  const html = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>report</title>',
    '<style>body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;font-size:11pt}',
    'table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px;font-size:9pt}</style>',
    '</head><body>',
    ...body,
    '</body></html>',
    '',
  ].join('\n');
  const base = name.startsWith('real-') ? name.slice(0, 8) : `seed-${name.slice(0, 3)}`;
  writeFileSync(join(out, `${base}.html`), html);
}
console.log(`wrote ${seeds.length} pages`);
