/**
 * Formatting: each table rewritten in one clean layout (pipe rows, tab rows or a Markdown table),
 * every value and every line of prose kept. A table is left as it is when it cannot be rewritten
 * without loss: unknown cells, values recovered from a scrambled order, rows with unknown labels,
 * or prose inside its lines. Formatting twice changes nothing the second time.
 */
import type { Cell, Report, Row, Table } from '../model';
import { compact } from '../normalize';
import { table2Matcher, table3Matcher, table4Matcher } from '../labels';
import { tokenize } from '../stream';
import { lineEndAt, lineStartAt } from '../lines';
import { activeTable, applicationRows, REVIEW_BLOCKS, REVIEW_COLUMNS, TABLE3_CORNER_NOTE, type Format } from '../template';
import { renderRow, type TextLayout } from './render';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

const cellText = (c: Cell): string => (c.kind === 'number' ? c.raw : c.kind === 'na' ? c.raw : '');

/** The label as the document writes it (spaces dropped); the template's for a label the copy cut. */
function labelOf(source: string, row: Row, canonical: string): string {
  return row.match === 'prefix' ? canonical : source.slice(row.labelRange.start, row.labelRange.end).replace(/\s+/g, '');
}

function safe(table: Table, report: Report): boolean {
  if (report.notes.some((n) => n.table === table.kind)) return false;
  return table.rows.every((r) => !r.displaced && r.key && r.match !== 'unknown' && r.cells.every((c) => c.kind !== 'unknown' && c.kind !== 'text'));
}

/** The lines the table occupies: from its first label to its last value or label. Where the table
 *  shares a line with other text (a whole report on one line), only the table's own stretch, and
 *  the rewrite then starts and ends with a line break. */
function span(text: string, table: Table): { start: number; end: number; before: string; after: string } | null {
  const matcher = table.kind === 'active' ? table2Matcher() : table.kind === 'applications' ? table3Matcher() : table4Matcher();
  const { tokens } = tokenize(text, table.range.start, table.range.end, matcher);
  const first = tokens.findIndex((t) => t.kind === 'label');
  if (first < 0) return null;
  let last = -1;
  for (let i = tokens.length - 1; i >= first; i--)
    if (tokens[i]!.kind === 'num' || tokens[i]!.kind === 'na' || tokens[i]!.kind === 'label') {
      last = i;
      break;
    }
  // Prose between the first and the last token: leave the table alone.
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.kind === 'text' && compact(t.text).text.length >= 12 && /[。，,；;]/.test(t.text)) return null;
  }
  let start = lineStartAt(text, tokens[first]!.start);
  let before = '';
  if (start < table.range.start) {
    start = tokens[first]!.start;
    before = '\n';
  }
  let end = lineEndAt(text, tokens[last]!.end);
  let after = '';
  if (end > table.range.end) {
    end = tokens[last]!.end;
    after = '\n';
  }
  return { start, end, before, after };
}

function renderActiveTable(source: string, table: Table, format: Format, layout: TextLayout): string {
  const out: string[] = [];
  for (const cap of activeTable(format).captions) {
    const rows = cap.rows.map((d) => ({ d, r: table.rows.find((x) => x.key === d.key) })).filter((x) => x.r);
    if (!rows.length) continue;
    if (layout === 'markdown') out.push(`| ${cap.label} |${' |'.repeat(cap.header.length - 1)}`, `|${cap.header.map(() => '---').join('|')}|`);
    else out.push(cap.label);
    out.push(renderRow(cap.header[0]!, cap.header.slice(1), layout));
    for (const { d, r } of rows) out.push(renderRow(labelOf(source, r!, d.label), r!.cells.map(cellText), layout));
  }
  return out.join('\n');
}

function renderApplicationsTable(source: string, table: Table, format: Format, layout: TextLayout): string {
  const out: string[] = [];
  const defs = applicationRows(format);
  const other2019 = applicationRows('2019').find((d) => d.key === 'other')!;
  if (layout === 'markdown') out.push(`| ${TABLE3_CORNER_NOTE} | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |`, `|${Array(8).fill('---').join('|')}|`);
  else {
    out.push(renderRow(TABLE3_CORNER_NOTE, ['申请人情况'], layout));
    out.push(renderRow('自然人', ['法人或其他组织', '总计'], layout));
    out.push(renderRow('商业企业', ['科研机构', '社会公益组织', '法律服务机构', '其他'], layout));
  }
  const group = (label: string) => (layout === 'markdown' ? `| ${label} |${' |'.repeat(7)}` : label);
  for (const d of defs) {
    if (!d.values) {
      // A 2021 report printing （六） as one row keeps it as one row.
      const single = d.label === '（六）其他处理' && table.rows.find((x) => x.key === 'other');
      if (single) out.push(renderRow(labelOf(source, single, other2019.label), single.cells.map(cellText), layout));
      else out.push(group(d.label));
      continue;
    }
    const r = table.rows.find((x) => x.key === d.key);
    if (r) out.push(renderRow(labelOf(source, r, d.label), r.cells.map(cellText), layout));
  }
  return out.join('\n');
}

function renderReviewTable(table: Table, layout: TextLayout): string {
  const v = table.rows[0]!.cells.map(cellText);
  if (layout === 'markdown') {
    const head = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `${b.title}·${c}`));
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, `| ${v.join(' | ')} |`].join('\n');
  }
  return [
    renderRow('行政复议', ['行政诉讼'], layout),
    renderRow('结果维持', ['结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'], layout),
    renderRow('结果维持', [...REVIEW_COLUMNS.slice(1), ...REVIEW_COLUMNS], layout),
    layout === 'tab' ? v.join('\t') : `${v.join(' | ')} |`,
  ].join('\n');
}

/** Edits that rewrite every table of every report that can be rewritten safely. */
/** `text` is the analysis text (for reading), `source` the document (for comparing). */
export function formatTables(text: string, source: string, reports: Report[], layout: 'pipe' | 'tab' | 'markdown'): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const report of reports) {
    for (const table of [report.tables.active, report.tables.applications, report.tables.review]) {
      if (!table || !table.rows.length || !safe(table, report)) continue;
      if (table.kind === 'review' && table.rows[0]!.cells.length !== 15) continue;
      const sp = span(text, table);
      if (!sp) continue;
      const rendered =
        table.kind === 'active' ? renderActiveTable(source, table, report.format, layout) : table.kind === 'applications' ? renderApplicationsTable(source, table, report.format, layout) : renderReviewTable(table, layout);
      const newText = sp.before + rendered + sp.after;
      if (source.slice(sp.start, sp.end) !== newText) edits.push({ start: sp.start, end: sp.end, newText });
    }
  }
  return edits;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
