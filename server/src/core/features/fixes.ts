/**
 * Quick fixes: for each finding, the edits its fix data describes (insert a section header with its
 * table, canonical numbering or title, the computed total, the nearest template label, a missing
 * row with zeros, the fee sentence, pinyin removed). Every fix is tried before it is offered: the
 * report is read again with the edit applied, and the fix is kept only if its finding is gone and
 * no other finding appeared. Works on one report's text, in offsets local to it.
 */
import type { CheckOptions } from '../check';
import { DocumentAnalysis } from '../analysis';
import type { Finding, Message } from '../findings';
import type { Report, Table } from '../model';
import { activeTable, applicationRows, type TableKind } from '../template';
import { applyEdits, type TextEdit } from './format';
import { renderRow, renderTable, type TextLayout } from './render';

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** The finding it removes. */
  finding: Finding;
  preferred: boolean;
}

const TABLE_OF: Record<number, TableKind> = { 2: 'active', 3: 'applications', 4: 'review' };

function layoutOf(report: Report): TextLayout {
  for (const t of [report.tables.applications, report.tables.active, report.tables.review] as (Table | null)[]) {
    if (!t) continue;
    if (t.layout === 'tab') return 'tab';
    if (t.layout === 'cell-per-line') return 'cell-per-line';
    if (t.layout === 'pipe') return 'pipe';
  }
  return 'pipe';
}

function rowValues(key: string, report: Report): number {
  if (applicationRows(report.format).some((d) => d.key === key)) return 7;
  return activeTable(report.format).captions.flatMap((c) => c.rows).find((d) => d.key === key)?.values ?? 7;
}

/** The candidate edits of one finding (not yet tried). */
function candidates(f: Finding, text: string, report: Report, pinyin: { start: number; end: number }[]): { title: Message; edits: TextEdit[] }[] {
  const d = f.data ?? {};
  const layout = layoutOf(report);
  switch (f.code) {
    case 'section.missing': {
      if (d.insertAt === undefined || !d.canonical) return [];
      const kind = d.sectionNumber ? TABLE_OF[d.sectionNumber] : undefined;
      const body = kind ? renderTable(kind, report.format, layout) + '\n' : '';
      const lead = d.insertAt > 0 && text[d.insertAt - 1] !== '\n' ? '\n' : '';
      return [{ title: { id: 'fix.section.missing', args: { section: d.canonical } }, edits: [{ start: d.insertAt, end: d.insertAt, newText: `${lead}${d.canonical}\n${body}` }] }];
    }
    case 'table.missing': {
      const kind = d.sectionNumber ? TABLE_OF[d.sectionNumber] : undefined;
      if (!kind || d.insertAt === undefined) return [];
      return [{ title: { id: 'fix.table.missing' }, edits: [{ start: d.insertAt, end: d.insertAt, newText: '\n' + renderTable(kind, report.format, layout) }] }];
    }
    case 'section.numbering':
    case 'section.title':
    case 'table.row-unknown':
      if (d.replacement === undefined) return [];
      return [{ title: { id: `fix.${f.code}`, args: { text: d.replacement } }, edits: [{ start: f.range.start, end: f.range.end, newText: d.replacement }] }];
    case 'table3.balance':
    case 'table3.outcome-total': {
      if (d.replacement === undefined || d.expected === undefined) return [];
      const edits: TextEdit[] = [{ start: f.range.start, end: f.range.end, newText: d.replacement }];
      // Changing one applicant column of a row moves its 总计 too, so that the row still adds up.
      const row = report.tables.applications?.rows.find((r) => r.cells.some((c) => c.range.start === f.range.start));
      const col = row?.cells.findIndex((c) => c.range.start === f.range.start) ?? -1;
      const cur = row?.cells[col];
      const total = row?.cells[6];
      if (row && col >= 0 && col < 6 && cur?.kind === 'number' && total?.kind === 'number' && total.value !== null && cur.value !== null) {
        edits.push({ start: total.range.start, end: total.range.end, newText: String(total.value + d.expected - cur.value) });
      }
      return [{ title: { id: 'fix.total', args: { value: d.replacement } }, edits }];
    }
    case 'table3.row-total':
    case 'table4.total':
    case 'crossyear.carry-over':
    case 'narrative.mismatch':
      if (d.replacement === undefined) return [];
      return [{ title: { id: f.code === 'narrative.mismatch' ? 'fix.narrative' : 'fix.total', args: { value: d.replacement } }, edits: [{ start: f.range.start, end: f.range.end, newText: d.replacement }] }];
    case 'table.row-missing': {
      if (!d.rowKey || !d.canonical || d.insertAt === undefined) return [];
      const n = rowValues(d.rowKey, report);
      const row = renderRow(d.canonical, Array<string>(n).fill('0'), layout === 'cell-per-line' ? 'cell-per-line' : layout);
      return [{ title: { id: 'fix.row-missing', args: { row: d.canonical } }, edits: [{ start: d.insertAt, end: d.insertAt, newText: row + '\n' }] }];
    }
    case 'section6.fee-missing':
      if (d.insertAt === undefined || !d.insertText) return [];
      return [{ title: { id: 'fix.fee' }, edits: [{ start: d.insertAt, end: d.insertAt, newText: d.insertText }] }];
    case 'text.pinyin-annotation': {
      const inRange = pinyin.filter((p) => p.start >= f.range.start && p.end <= f.range.end);
      if (!inRange.length) return [];
      return [
        { title: { id: 'fix.pinyin' }, edits: inRange.map((p) => ({ start: p.start, end: p.end, newText: '' })) },
        { title: { id: 'fix.pinyin-all' }, edits: pinyin.map((p) => ({ start: p.start, end: p.end, newText: '' })) },
      ];
    }
    default:
      return [];
  }
}

const keyOf = (f: Finding) => `${f.code}\u0000${JSON.stringify(f.message)}`;

/** Findings of `text` read as one report (the way DocumentAnalysis reads a piece). */
export function checkPiece(text: string, opts: CheckOptions = {}): { report: Report | null; findings: Finding[]; pinyin: { start: number; end: number }[] } {
  const a = new DocumentAnalysis(text);
  const p = a.piece(0);
  if (a.pieceCount !== 1 || !p.report) return { report: p.report, findings: [], pinyin: p.pinyin };
  return { report: p.report, findings: a.localFindings(0, opts), pinyin: p.pinyin };
}

/** Tried fixes for the findings of one report's text (local offsets). */
export function fixesFor(text: string, report: Report, findings: Finding[], pinyin: { start: number; end: number }[], targets: Finding[], opts: CheckOptions = {}): Fix[] {
  const out: Fix[] = [];
  const before = new Map<string, number>();
  for (const f of findings) before.set(keyOf(f), (before.get(keyOf(f)) ?? 0) + 1);
  for (const target of targets) {
    candidates(target, text, report, pinyin).forEach((c, i) => {
      const after = checkPiece(applyEdits(text, c.edits), opts).findings;
      const counts = new Map<string, number>();
      for (const f of after) counts.set(keyOf(f), (counts.get(keyOf(f)) ?? 0) + 1);
      // The target is gone (one fewer of its kind), and nothing else appeared.
      const tk = keyOf(target);
      const pinyinAll = c.title.id === 'fix.pinyin-all';
      let ok = pinyinAll ? ![...counts.keys()].some((k) => k.startsWith('text.pinyin-annotation')) : (counts.get(tk) ?? 0) < (before.get(tk) ?? 0);
      for (const [k, n] of counts) if (n > (before.get(k) ?? 0)) ok = false;
      if (ok) out.push({ title: c.title, edits: c.edits, finding: target, preferred: i === 0 });
    });
  }
  return out;
}

/** source.fixAll: the preferred fix of every finding, as long as their edits do not overlap. */
export function fixAll(text: string, report: Report, findings: Finding[], pinyin: { start: number; end: number }[], opts: CheckOptions = {}): TextEdit[] {
  const fixes = fixesFor(text, report, findings, pinyin, findings, opts).filter((f) => f.preferred);
  const edits: TextEdit[] = [];
  for (const f of fixes) {
    if (f.edits.some((e) => edits.some((x) => e.start < x.end && x.start < e.end) || edits.some((x) => x.start === e.start && e.start === e.end))) continue;
    for (const e of f.edits) edits.push(e);
  }
  return edits;
}
