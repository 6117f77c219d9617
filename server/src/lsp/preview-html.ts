/**
 * The preview page: the core's grid (core/features/preview.ts) drawn as HTML for the webview. Every
 * cell is clickable (its document offset travels in data-offset), a wrong total shows its expected
 * value, and everything from the report is escaped; the page loads nothing from anywhere and runs
 * only its own nonce'd script, which posts the messages of shared/protocol.ts.
 */
import { PREVIEW_EXPORT, PREVIEW_REVEAL } from '../../../shared/protocol';
import { CSP_SOURCE } from './params';
import {
  previewGrid,
  type Finding,
  type Locale,
  type PreviewCell,
  type PreviewGrid,
  type PreviewNote,
  type PreviewReport,
  type PreviewRow,
  type PreviewTable,
  type Report,
} from '../core';

/** Bidirectional controls (embeddings, overrides, isolates, marks): a title holding U+202E shows
 *  its text reversed. Report text is shown without them. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text (or a number) for HTML text and quoted attributes, and drops bidi controls. */
export function escapeHtml(s: string | number): string {
  return String(s)
    .replace(BIDI, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A nonce as CSP reads it (base64 characters only): anything else could end the source list. */
export function cspNonce(s: string): string {
  return s.replace(/[^A-Za-z0-9+/=_-]/g, '');
}

/** The webview's CSP source expressions (schemes, hosts or URLs with wildcards, or 'self'), separated
 *  by spaces; anything else (other quotes, ; or ,) is dropped. */
export function cspSource(s: string): string {
  return s
    .split(/\s+/)
    .filter((t) => CSP_SOURCE.test(t))
    .join(' ');
}

const attr = (name: string, v: string | number | undefined) => (v === undefined ? '' : ` ${name}="${escapeHtml(v)}"`);

/** The columns of the labels' area (table 三's two group columns and its labels) that stay in view
 *  when a table scrolls sideways: a cell starting there is sticky at its column (class c0, c1, c2). */
const STICKY_COLUMNS = 3;

function cellHtml(c: PreviewCell, column: number): string {
  const colspan = attr('colspan', c.colspan);
  const rowspan = attr('rowspan', c.rowspan);
  const sticky = column < STICKY_COLUMNS ? ` sticky c${column}` : '';
  switch (c.kind) {
    case 'caption':
      return `<th class="caption"${colspan}>${escapeHtml(c.text)}</th>`;
    case 'head':
      return `<th${colspan}${rowspan}>${escapeHtml(c.text)}</th>`;
    case 'corner':
      return `<th${colspan}${rowspan} class="corner">${escapeHtml(c.text)}</th>`;
    case 'group':
      return `<th class="group${sticky}"${rowspan}>${escapeHtml(c.text)}</th>`;
    case 'label': {
      const title = attr('title', c.text);
      return `<th class="label${sticky}"${title}${colspan}${attr('data-offset', c.offset)}>${escapeHtml(c.text)}</th>`;
    }
    case 'absent':
      return `<td${colspan} class="absent"></td>`;
    case 'value': {
      const bad = c.expected !== undefined || c.messages;
      const cls = [c.cell === 'blank' ? 'blank' : '', c.cell === 'unknown' ? 'unknown' : '', bad ? 'bad' : ''];
      const title = c.messages ? attr('title', c.messages.join('\n')) : '';
      const fix = c.expected !== undefined ? `<span class="expected">→ ${escapeHtml(c.expected)}</span>` : '';
      const attrs = `${colspan}${attr('class', cls.filter(Boolean).join(' '))}${attr('data-offset', c.offset)}${title}`;
      return `<td${attrs}>${escapeHtml(c.text)}${fix}</td>`;
    }
  }
}

/** The column each cell of each row starts at, with the row and column spans of the rows above. */
function startColumns(rows: readonly PreviewRow[]): number[][] {
  const taken: Set<number>[] = rows.map(() => new Set());
  return rows.map((r, y) => {
    let x = 0;
    return r.cells.map((c) => {
      while (taken[y]!.has(x)) x++;
      const at = x;
      for (let dy = 0; dy < (c.rowspan ?? 1) && y + dy < rows.length; dy++) {
        for (let dx = 0; dx < (c.colspan ?? 1); dx++) taken[y + dy]!.add(at + dx);
      }
      x += c.colspan ?? 1;
      return at;
    });
  });
}

function rowHtml(r: PreviewRow, columns: readonly number[]): string {
  const open = r.missing === undefined ? '<tr>' : `<tr class="${r.missing ? 'missing' : ''}">`;
  return `${open}${r.cells.map((c, i) => cellHtml(c, columns[i]!)).join('')}</tr>`;
}

const TABLE_CLASS = { active: 't2', applications: 't3', review: 't4' } as const;

function tableHtml(t: PreviewTable): string {
  const columns = startColumns(t.rows);
  const rows = t.rows.map((r, i) => rowHtml(r, columns[i]!));
  const lines = [`<div class="scroll"><table class="${TABLE_CLASS[t.kind]}">`, ...rows, '</table></div>'];
  return `<h2>${escapeHtml(t.heading)}</h2>${lines.join('\n')}`;
}

/** The findings on no cell, each one clickable to its place. */
function notesHtml(notes: readonly PreviewNote[], heading: string): string {
  if (!notes.length) return '';
  const items = notes.map(
    (n) =>
      `<li class="${escapeHtml(n.severity)}" data-offset="${escapeHtml(n.offset)}">` +
      `<span class="severity">${escapeHtml(n.severityText)}</span>${escapeHtml(n.message)}</li>`,
  );
  return `\n<h2>${escapeHtml(heading)}</h2>\n<ul class="notes">\n${items.join('\n')}\n</ul>`;
}

export interface PageOptions {
  nonce: string;
  cspSource: string;
  title: string;
}

const STYLE = `body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); \
background: var(--vscode-editor-background, #fff); padding: 0 1em 2em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid var(--vscode-panel-border, #999); padding: 2px 6px; }
th { font-weight: normal; background: var(--vscode-editorWidget-background, #f3f3f3); }
th.label { text-align: left; cursor: pointer; min-width: 12em; max-width: 26em; white-space: normal; }
th.group { box-sizing: border-box; width: 5em; min-width: 5em; max-width: 5em; }
.scroll { overflow-x: auto; margin: .5em 0 1.5em; }
.scroll table { margin: 0; }
th.sticky { position: sticky; z-index: 1; }
th.c0 { left: 0; }
th.c1 { left: 5em; }
th.c2 { left: 10em; }
td { text-align: right; min-width: 2.5em; cursor: pointer; font-variant-numeric: tabular-nums; }
td.bad { background: var(--vscode-inputValidation-errorBackground, #fdd); \
outline: 1px solid var(--vscode-inputValidation-errorBorder, #c00); }
td.blank { background: var(--vscode-inputValidation-warningBackground, #ffe9b3); }
td.unknown { color: var(--vscode-disabledForeground, #888); }
tr.missing th, tr.missing td { opacity: .45; }
.expected { color: var(--vscode-errorForeground, #c00); margin-left: .4em; font-size: 12px; }
.summary { margin: -.3em 0 .8em; }
.summary.errors { color: var(--vscode-errorForeground, #c00); }
.summary.warnings { color: var(--vscode-editorWarning-foreground, #a60); }
ul.notes { padding-left: 1.2em; }
ul.notes li { cursor: pointer; margin: .2em 0; }
.severity { display: inline-block; min-width: 3em; margin-right: .5em; font-size: 12px; opacity: .8; }
li.error .severity { color: var(--vscode-errorForeground, #c00); }
li.warning .severity { color: var(--vscode-editorWarning-foreground, #a60); }
.toolbar { position: sticky; top: 0; padding: .4em 0; background: var(--vscode-editor-background, #fff); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; \
padding: 3px 10px; margin-right: 4px; cursor: pointer; }`;

const SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  if (!t) return;
  const exp = t.closest('[data-export]');
  if (exp) { vscode.postMessage({ type: '${PREVIEW_EXPORT}', format: exp.getAttribute('data-export') }); return; }
  const c = t.closest('[data-offset]');
  if (c) vscode.postMessage({ type: '${PREVIEW_REVEAL}', offset: Number(c.getAttribute('data-offset')) });
});`;

/** One report's section of the page. */
export function reportHtml(r: PreviewReport, notesHeading: string): string {
  const head = escapeHtml(r.title);
  const state = r.errors ? 'errors' : r.warnings ? 'warnings' : 'clean';
  const line = `\n<p class="summary ${state}">${escapeHtml(r.summary)}</p>`;
  const tables = r.tables.map((t) => `\n${tableHtml(t)}`).join('');
  const notes = notesHtml(r.notes, notesHeading);
  return `<section class="report"><h1 data-offset="${escapeHtml(r.offset)}">${head}</h1>${line}${tables}${notes}</section>`;
}

/** The page around the reports' sections (reportHtml, in order) and the findings outside them. */
export function pageHtml(sections: readonly string[], frame: Omit<PreviewGrid, 'reports'>, o: PageOptions): string {
  const body = sections.length
    ? sections.join('\n') + notesHtml(frame.notes, frame.notesHeading)
    : `<p class="empty">${escapeHtml(frame.empty)}</p>${notesHtml(frame.notes, frame.notesHeading)}`;
  const nonce = escapeHtml(cspNonce(o.nonce));
  const source = escapeHtml(cspSource(o.cspSource));
  const csp = `default-src 'none'; style-src ${source} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${frame.locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style nonce="${nonce}">
${STYLE}
</style></head>
<body>
<div class="toolbar"><button data-export="csv">CSV</button><button data-export="markdown">Markdown</button>\
<button data-export="json">JSON</button></div>
${body}
<script nonce="${nonce}">
${SCRIPT}
</script>
</body></html>`;
}

/** The whole page of a grid. */
export function renderPreview(grid: PreviewGrid, o: PageOptions): string {
  return pageHtml(
    grid.reports.map((r) => reportHtml(r, grid.notesHeading)),
    grid,
    o,
  );
}

/** The preview page of a document's reports, marked with its findings. */
export function previewHtml(
  reports: readonly Report[],
  findings: readonly Finding[],
  o: PageOptions & { locale: Locale },
): string {
  return renderPreview(previewGrid(reports, findings, o.locale), o);
}
