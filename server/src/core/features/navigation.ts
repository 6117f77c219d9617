/**
 * Navigation: the outline (report → sections → tables → row groups), folding ranges, hover on a
 * cell (its row, its column, and every rule that involves it with its numbers), inlay hints (the
 * column name before each number where the layout puts one cell per line; the expected value
 * beside a wrong total). Offsets are those of the report given.
 */
import type { Finding } from '../rules/findings';
import type { Cell, Range, Report, Row, Table } from '../model';
import {
  activeTable,
  APPLICANT_COLUMNS,
  GROUP_LABELS,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  SECTION_SEPARATOR,
  SECTIONS,
  TABLE_NAMES,
} from '../template';
import { REPORT_NAME, REVIEW_ROW_LABEL, sectionTable } from '../template/vocabulary';
import { APPLICANT_WIDTH, evaluate, REVIEW_BLOCK_WIDTH, type Evaluation, type Side } from '../template/arithmetic';
import { localize, type Locale } from '../i18n';

export interface OutlineNode {
  name: string;
  kind: 'report' | 'section' | 'table' | 'group' | 'row';
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

function tableRange(t: Table): Range {
  const starts = t.rows.map((r) => r.labelRange.start);
  const ends = t.rows.flatMap((r) => [r.labelRange.end, ...r.cells.map((c) => c.range.end)]);
  return { start: starts.reduce((a, b) => Math.min(a, b), Infinity), end: ends.reduce((a, b) => Math.max(a, b), 0) };
}

function rowNode(r: Row): OutlineNode {
  const end = r.cells.reduce((a, c) => Math.max(a, c.range.end), r.labelRange.end);
  const range = { start: r.labelRange.start, end };
  return { name: r.label || REVIEW_ROW_LABEL, kind: 'row', range, selectionRange: r.labelRange, children: [] };
}

function tableNode(t: Table): OutlineNode {
  const range = tableRange(t);
  const children: OutlineNode[] = [];
  if (t.kind === 'applications') {
    // Group rows: （三）（四）（五）（六） gather their items.
    let current: OutlineNode | null = null;
    let currentGroup = '';
    for (const r of t.rows) {
      const g = r.key.includes('.') ? r.key.split('.')[0]! : '';
      const node = rowNode(r);
      const label = g ? GROUP_LABELS[g] : undefined;
      if (label) {
        if (currentGroup !== g) {
          current = {
            name: label,
            kind: 'group',
            range: { ...node.range },
            selectionRange: node.selectionRange,
            children: [],
          };
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
  const selectionRange = { start: range.start, end: range.start };
  return { name: TABLE_NAMES[t.kind], kind: 'table', range, selectionRange, children };
}

export function outline(report: Report): OutlineNode {
  const sections = report.sections.map((s) => {
    const name = `${SECTIONS[s.number - 1]!.numeral}${SECTION_SEPARATOR}${s.title}`;
    const node: OutlineNode = {
      name,
      kind: 'section',
      range: { ...s.range },
      selectionRange: s.headerRange,
      children: [],
    };
    const kind = sectionTable(s.number);
    const t = kind ? report.tables[kind] : null;
    if (t && t.rows.length && tableRange(t).start >= s.range.start && tableRange(t).end <= s.range.end)
      node.children.push(tableNode(t));
    return node;
  });
  const sel = report.titleRange ?? report.sections[0]?.headerRange ?? report.range;
  const name = report.title ?? report.organ ?? REPORT_NAME;
  return { name, kind: 'report', range: report.range, selectionRange: sel, children: sections };
}

/** An outline as a report keeps it once it has let go of its model (document/analysis.ts): the nodes
 *  in preorder as numbers (kind, child count, range, selection range) and their names, a few dozen
 *  bytes a node where the objects take a few hundred. */
export interface PackedOutline {
  names: string[];
  nums: Int32Array;
}

const NODE_KINDS: OutlineNode['kind'][] = ['report', 'section', 'table', 'group', 'row'];
const NODE_NUMS = 6;

export function packOutline(root: OutlineNode): PackedOutline {
  const names: string[] = [];
  const nums: number[] = [];
  const visit = (n: OutlineNode) => {
    names.push(n.name);
    nums.push(
      NODE_KINDS.indexOf(n.kind),
      n.children.length,
      n.range.start,
      n.range.end,
      n.selectionRange.start,
      n.selectionRange.end,
    );
    n.children.forEach(visit);
  };
  visit(root);
  return { names, nums: Int32Array.from(nums) };
}

export function unpackOutline(p: PackedOutline): OutlineNode {
  let k = 0;
  const node = (): OutlineNode => {
    const at = k++ * NODE_NUMS;
    const v = p.nums;
    const n: OutlineNode = {
      name: p.names[at / NODE_NUMS]!,
      kind: NODE_KINDS[v[at]!]!,
      range: { start: v[at + 2]!, end: v[at + 3]! },
      selectionRange: { start: v[at + 4]!, end: v[at + 5]! },
      children: [],
    };
    for (let c = v[at + 1]!; c > 0; c--) n.children.push(node());
    return n;
  };
  return node();
}

/** Folding: each report, each section, each table. */
export function foldingRanges(report: Report): Range[] {
  const out: Range[] = [report.range];
  for (const s of report.sections) out.push(s.range);
  for (const t of [report.tables.active, report.tables.applications, report.tables.review])
    if (t && t.rows.length) out.push(tableRange(t));
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
      const col = row.cells.findIndex(
        (c) => c.range.start <= offset && offset <= c.range.end && c.range.end > c.range.start,
      );
      if (col >= 0) return { table: table!, row, col, cell: row.cells[col]! };
    }
  }
  return null;
}

function columnName(report: Report, t: Table, row: Row, col: number): string {
  if (t.kind === 'applications') return APPLICANT_COLUMNS[col] ?? '';
  if (t.kind === 'review') {
    const block = REVIEW_BLOCKS[Math.floor(col / REVIEW_BLOCK_WIDTH)]?.title ?? '';
    return `${block} · ${REVIEW_COLUMNS[col % REVIEW_BLOCK_WIDTH]}`;
  }
  return activeTable(report.format).captions.find((c) => c.rows.some((r) => r.key === row.key))?.header[col + 1] ?? '';
}

const show = (v: number | null) => (v === null ? '?' : String(v));
const op = (a: number | null, b: number | null) => (a === b ? '=' : '≠');
const values = (side: Side) => side.terms.map((t) => show(t.value));

/** Markdown for a hover on a cell, or null: its row and column, and every equation of the format
 *  (template/arithmetic.ts) it takes part in, with both sides. */
export function hover(
  report: Report,
  offset: number,
  locale: Locale = 'zh-CN',
): { markdown: string; range: Range } | null {
  const at = cellAt(report, offset);
  if (!at) return null;
  const { table, row, col, cell } = at;
  const say = (id: string, args: Record<string, string | number> = {}) => localize({ id, args }, locale);
  const value =
    cell.kind === 'number' || cell.kind === 'na'
      ? cell.raw
      : say(cell.kind === 'blank' ? 'hover.blank' : 'hover.unknown');
  const lines = [
    say('hover.cell', { row: row.label || REVIEW_ROW_LABEL, column: columnName(report, table, row, col), value }),
  ];
  if (row.split && row.split.how !== 'ambiguous' && row.split.how !== 'none')
    lines.push(say('hover.split', { raw: row.split.raw, cells: row.cells.map((c) => c.raw).join(' | ') }));
  const involves = (e: Evaluation) =>
    [...e.left.terms, ...e.right.terms].some((t) => t.row === row || (t.row === null && t.key === row.key));
  const all = table.kind === 'active' ? [] : evaluate(table, report.format);
  if (table.kind === 'applications' && row.cells.length === APPLICANT_WIDTH) {
    const rt = all.find((e) => e.equation === 'row-total' && e.row === row)!;
    const sum = rt.right.sum === null ? '' : ` = ${rt.right.sum}`;
    const total = rt.left.sum;
    lines.push(
      say('hover.row-total', {
        total: show(total),
        op: op(rt.right.sum, total),
        parts: values(rt.right).join(' + '),
        sum,
      }),
    );
    const ot = all.find((e) => e.equation === 'outcome-total' && e.column === col);
    if (ot && involves(ot))
      lines.push(
        say('hover.outcome-total', {
          total: show(ot.left.sum),
          op: op(ot.right.sum, ot.left.sum),
          sum: show(ot.right.sum),
        }),
      );
    const b = all.find((e) => e.equation === 'balance' && e.column === col);
    if (b && involves(b)) {
      const [x, y] = values(b.left);
      const [z, w] = values(b.right);
      const args = {
        a: x!,
        b: y!,
        left: show(b.left.sum),
        op: op(b.left.sum, b.right.sum),
        c: z!,
        d: w!,
        right: show(b.right.sum),
      };
      lines.push(say('hover.balance', args));
    }
  }
  const block = all.find((e) => e.equation === 'review-block' && e.block === Math.floor(col / REVIEW_BLOCK_WIDTH));
  if (table.kind === 'review' && block) {
    const args = {
      block: REVIEW_BLOCKS[block.block!]!.title,
      total: show(block.left.sum),
      op: op(block.right.sum, block.left.sum),
    };
    lines.push(say('hover.review-block', { ...args, parts: values(block.right).join(' + ') }));
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
        if (c.kind === 'number' && c.range.start >= from && c.range.start <= to)
          out.push({ offset: c.range.start, label: `${columnName(report, t, row, i)}:`, kind: 'column' });
      });
  }
  // One hint per wrong cell, however many rules flag it (their expected values, each once).
  const expected = new Map<number, string[]>();
  for (const f of findings) {
    if (
      !['table3.balance', 'table3.outcome-total', 'table3.row-total', 'table4.total'].includes(f.code) ||
      f.data?.expected === undefined
    )
      continue;
    if (f.range.end < from || f.range.end > to) continue;
    const values = expected.get(f.range.end) ?? [];
    const v = String(f.data.expected);
    if (!values.includes(v)) values.push(v);
    expected.set(f.range.end, values);
  }
  for (const [offset, values] of expected) out.push({ offset, label: `= ${values.join(' / ')}`, kind: 'expected' });
  return out.sort((a, b) => a.offset - b.offset);
}
