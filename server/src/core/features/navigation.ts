/**
 * Navigation: the outline (report → sections → tables → row groups), folding ranges, hover on a
 * cell (its row, its column, and every rule that involves it with its numbers), inlay hints (the
 * column name before each number where the layout puts one cell per line; the expected value
 * beside a wrong total). Offsets are those of the report given.
 */
import type { Finding } from '../rules/findings';
import type { Cell, Range, Report, Row, Table } from '../model';
import { activeTable, APPLICANT_COLUMNS, outcomeRowKeys, REVIEW_BLOCKS, REVIEW_COLUMNS, SECTIONS } from '../template';
import { num } from '../rules/rule';

export interface OutlineNode {
  name: string;
  kind: 'report' | 'section' | 'table' | 'group' | 'row';
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

const TABLE_NAME = { active: '表二 主动公开政府信息情况', applications: '表三 收到和处理政府信息公开申请情况', review: '表四 行政复议、行政诉讼情况' } as const;

function tableRange(t: Table): Range {
  const starts = t.rows.map((r) => r.labelRange.start);
  const ends = t.rows.flatMap((r) => [r.labelRange.end, ...r.cells.map((c) => c.range.end)]);
  return { start: starts.reduce((a, b) => Math.min(a, b), Infinity), end: ends.reduce((a, b) => Math.max(a, b), 0) };
}

function rowNode(r: Row): OutlineNode {
  const end = r.cells.reduce((a, c) => Math.max(a, c.range.end), r.labelRange.end);
  return { name: r.label || '行政复议、行政诉讼', kind: 'row', range: { start: r.labelRange.start, end }, selectionRange: r.labelRange, children: [] };
}

function tableNode(t: Table): OutlineNode {
  const range = tableRange(t);
  const children: OutlineNode[] = [];
  if (t.kind === 'applications') {
    // Group rows: （三）（四）（五）（六） gather their items.
    const groups: Record<string, string> = { denied: '（三）不予公开', unable: '（四）无法提供', notProcessed: '（五）不予处理', other: '（六）其他处理' };
    let current: OutlineNode | null = null;
    let currentGroup = '';
    for (const r of t.rows) {
      const g = r.key.includes('.') ? r.key.split('.')[0]! : '';
      const node = rowNode(r);
      if (g && groups[g]) {
        if (currentGroup !== g) {
          current = { name: groups[g]!, kind: 'group', range: { ...node.range }, selectionRange: node.selectionRange, children: [] };
          children.push(current);
          currentGroup = g;
        }
        current!.children.push(node);
        current!.range.end = Math.max(current!.range.end, node.range.end);
      } else {
        currentGroup = '';
        children.push(node);
      }
    }
  } else for (const r of t.rows) children.push(rowNode(r));
  return { name: TABLE_NAME[t.kind], kind: 'table', range, selectionRange: { start: range.start, end: range.start }, children };
}

export function outline(report: Report): OutlineNode {
  const sections = report.sections.map((s) => {
    const node: OutlineNode = { name: `${SECTIONS[s.number - 1]!.numeral}、${s.title}`, kind: 'section', range: { ...s.range }, selectionRange: s.headerRange, children: [] };
    const kind = s.number === 2 ? 'active' : s.number === 3 ? 'applications' : s.number === 4 ? 'review' : null;
    const t = kind ? report.tables[kind] : null;
    if (t && t.rows.length && tableRange(t).start >= s.range.start && tableRange(t).end <= s.range.end) node.children.push(tableNode(t));
    return node;
  });
  const sel = report.titleRange ?? report.sections[0]?.headerRange ?? report.range;
  return { name: report.title ?? report.organ ?? '政府信息公开工作年度报告', kind: 'report', range: report.range, selectionRange: sel, children: sections };
}

/** Folding: each report, each section, each table. */
export function foldingRanges(report: Report): Range[] {
  const out: Range[] = [report.range];
  for (const s of report.sections) out.push(s.range);
  for (const t of [report.tables.active, report.tables.applications, report.tables.review]) if (t && t.rows.length) out.push(tableRange(t));
  return out;
}

interface CellAt {
  table: Table;
  row: Row;
  col: number;
  cell: Cell;
}

function cellAt(report: Report, offset: number): CellAt | null {
  for (const table of [report.tables.active, report.tables.applications, report.tables.review]) {
    for (const row of table?.rows ?? []) {
      const col = row.cells.findIndex((c) => c.range.start <= offset && offset <= c.range.end && c.range.end > c.range.start);
      if (col >= 0) return { table: table!, row, col, cell: row.cells[col]! };
    }
  }
  return null;
}

function columnName(report: Report, t: Table, row: Row, col: number): string {
  if (t.kind === 'applications') return APPLICANT_COLUMNS[col] ?? '';
  if (t.kind === 'review') return `${REVIEW_BLOCKS[Math.floor(col / 5)]?.title ?? ''} · ${REVIEW_COLUMNS[col % 5]}`;
  return activeTable(report.format).captions.find((c) => c.rows.some((r) => r.key === row.key))?.header[col + 1] ?? '';
}

const show = (v: number | null) => (v === null ? '?' : String(v));

/** Markdown for a hover on a cell, or null. */
export function hover(report: Report, offset: number): { markdown: string; range: Range } | null {
  const at = cellAt(report, offset);
  if (!at) return null;
  const { table, row, col, cell } = at;
  const lines = [`**${row.label || '行政复议、行政诉讼'}** · ${columnName(report, table, row, col)}：${cell.kind === 'number' ? cell.raw : cell.kind === 'blank' ? '（空）' : cell.kind === 'na' ? cell.raw : '？'}`];
  if (row.split && row.split.how !== 'ambiguous' && row.split.how !== 'none') lines.push(`数字连写“${row.split.raw}”，按合计拆分为 ${row.cells.map((c) => c.raw).join(' | ')}`);
  if (table.kind === 'applications' && row.cells.length === 7) {
    const parts = [0, 1, 2, 3, 4, 5].map((c) => num(row, c));
    const sum = parts.every((p) => p !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
    lines.push(`- 本行：总计 ${show(num(row, 6))} ${sum === num(row, 6) ? '=' : '≠'} ${parts.map(show).join(' + ')}${sum !== null ? ` = ${sum}` : ''}`);
    const t = table;
    const get = (k: string) => num(t.rows.find((r) => r.key === k), col);
    const keys = outcomeRowKeys(report.format);
    if (row.key === 'totalProcessed' || keys.includes(row.key)) {
      const vals = keys.map(get);
      const s = vals.every((v) => v !== null) ? (vals as number[]).reduce((a, b) => a + b, 0) : null;
      lines.push(`- 本列办理结果：（七）总计 ${show(get('totalProcessed'))} ${s === get('totalProcessed') ? '=' : '≠'} 各项之和 ${show(s)}`);
    }
    if (['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(row.key)) {
      const a = get('newReceived');
      const b = get('carriedOver');
      const c = get('totalProcessed');
      const d = get('carriedForward');
      const l = a !== null && b !== null ? a + b : null;
      const r = c !== null && d !== null ? c + d : null;
      lines.push(`- 勾稽关系：一 + 二 = ${show(a)} + ${show(b)} = ${show(l)} ${l === r ? '=' : '≠'} （七）+ 四 = ${show(c)} + ${show(d)} = ${show(r)}`);
    }
  }
  if (table.kind === 'review' && row.cells.length === 15) {
    const b = Math.floor(col / 5) * 5;
    const parts = [0, 1, 2, 3].map((k) => num(row, b + k));
    const s = parts.every((p) => p !== null) ? (parts as number[]).reduce((x, y) => x + y, 0) : null;
    lines.push(`- ${REVIEW_BLOCKS[b / 5]!.title}：总计 ${show(num(row, b + 4))} ${s === num(row, b + 4) ? '=' : '≠'} ${parts.map(show).join(' + ')}`);
  }
  return { markdown: lines.join('\n'), range: cell.range };
}

export interface InlayHint {
  offset: number;
  label: string;
  kind: 'column' | 'expected';
}

/** Column names before numbers in one-cell-per-line tables; expected values beside wrong totals. */
export function inlayHints(report: Report, findings: Finding[], from: number, to: number): InlayHint[] {
  const out: InlayHint[] = [];
  for (const t of [report.tables.active, report.tables.applications, report.tables.review]) {
    if (!t || t.layout !== 'cell-per-line') continue;
    for (const row of t.rows)
      row.cells.forEach((c, i) => {
        if (c.kind === 'number' && c.range.start >= from && c.range.start <= to) out.push({ offset: c.range.start, label: `${columnName(report, t, row, i)}:`, kind: 'column' });
      });
  }
  for (const f of findings) {
    if (!['table3.balance', 'table3.outcome-total', 'table3.row-total', 'table4.total'].includes(f.code) || f.data?.expected === undefined) continue;
    if (f.range.end >= from && f.range.end <= to) out.push({ offset: f.range.end, label: `= ${f.data.expected}`, kind: 'expected' });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

