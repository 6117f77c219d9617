/**
 * The preview: each report's three tables drawn in the national layout (rowspan/colspan as the
 * template prints them), every wrong cell marked with its expected value, every cell clickable
 * (its offset in the document travels in data-offset). Everything from the report is escaped;
 * the page loads nothing from anywhere and runs only its own nonce'd script.
 */
import type { Finding } from '../rules/findings';
import { localize, type Locale } from '../i18n';
import type { Cell, Report, Row, Table } from '../model';
import { activeTable, APPLICANT_COLUMNS, applicationRows, REVIEW_BLOCKS, REVIEW_COLUMNS, TABLE3_CORNER_NOTE } from '../template';

/** Bidirectional controls (embeddings, overrides, isolates, marks): a title holding U+202E shows
 *  its text reversed. Report text is shown without them. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Escapes text (or a number) for HTML text and quoted attributes, and drops bidi controls. */
export function escapeHtml(s: string | number): string {
  return String(s)
    .replace(BIDI, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A nonce as CSP reads it (base64 characters only): anything else could end the source list. */
export function cspNonce(s: string): string {
  return s.replace(/[^A-Za-z0-9+/=_-]/g, '');
}

/** One CSP source expression (a scheme, host or URL with wildcards): no quotes, separators or spaces. */
export function cspSource(s: string): string {
  return s.replace(/[^A-Za-z0-9+.:/*_~%@!$&()[\]?#=-]/g, '');
}

interface Marks {
  expected: Map<number, string>;
  messages: Map<number, string[]>;
}

function marksOf(findings: Finding[], locale: Locale): Marks {
  const expected = new Map<number, string>();
  const messages = new Map<number, string[]>();
  for (const f of findings) {
    const list = messages.get(f.range.start) ?? [];
    list.push(localize(f.message, locale));
    messages.set(f.range.start, list);
    if (f.data?.expected !== undefined && /^table3\.|^table4\./.test(f.code)) expected.set(f.range.start, String(f.data.expected));
  }
  return { expected, messages };
}

function td(cell: Cell | undefined, m: Marks): string {
  if (!cell) return '<td class="absent"></td>';
  const exp = m.expected.get(cell.range.start);
  const msgs = m.messages.get(cell.range.start);
  const cls = [cell.kind === 'blank' ? 'blank' : '', cell.kind === 'unknown' ? 'unknown' : '', exp !== undefined || msgs ? 'bad' : ''].filter(Boolean).join(' ');
  const text = cell.kind === 'number' || cell.kind === 'na' ? cell.raw : cell.kind === 'unknown' ? '?' : '';
  const title = msgs ? ` title="${escapeHtml(msgs.join('\n'))}"` : '';
  const fix = exp !== undefined ? `<span class="expected">→ ${escapeHtml(exp)}</span>` : '';
  return `<td class="${escapeHtml(cls)}" data-offset="${escapeHtml(cell.range.start)}"${title}>${escapeHtml(text)}${fix}</td>`;
}

function labelCell(row: Row | undefined, text: string, attrs = ''): string {
  const off = row ? ` data-offset="${escapeHtml(row.labelRange.start)}"` : '';
  return `<th class="label"${attrs}${off}>${escapeHtml(text)}</th>`;
}

function active(report: Report, t: Table | null, m: Marks): string {
  const out = ['<table class="t2">'];
  for (const cap of activeTable(report.format).captions) {
    out.push(`<tr><th class="caption" colspan="4">${escapeHtml(cap.label)}</th></tr>`);
    const span = cap.header.length === 2 ? ' colspan="3"' : cap.header.length === 3 ? ' colspan="1"' : '';
    out.push(`<tr>${cap.header.map((h, i) => `<th${i === 1 ? span : ''}>${escapeHtml(h)}</th>`).join('')}</tr>`);
    for (const d of cap.rows) {
      const row = t?.rows.find((r) => r.key === d.key);
      const cells = Array.from({ length: d.values }, (_, i) => td(row?.cells[i], m));
      if (d.values === 1) cells[0] = cells[0]!.replace('<td', '<td colspan="3"');
      if (d.values === 2) cells[1] = cells[1]!.replace('<td', '<td colspan="2"');
      out.push(`<tr class="${row ? '' : 'missing'}">${labelCell(row, d.label)}${cells.join('')}</tr>`);
    }
  }
  out.push('</table>');
  return out.join('\n');
}

function applications(report: Report, t: Table | null, m: Marks): string {
  const defs = applicationRows(report.format);
  const out = ['<table class="t3">'];
  out.push(`<tr><th colspan="3" rowspan="3" class="corner">${escapeHtml(TABLE3_CORNER_NOTE)}</th><th colspan="7">申请人情况</th></tr>`);
  out.push('<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>');
  out.push(`<tr>${APPLICANT_COLUMNS.slice(1, 6).map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`);
  const outcomeRows = defs.filter((d, i) => i > defs.findIndex((x) => x.label === '三、本年度办理结果') && d.key !== 'carriedForward');
  let groupLeft = 0;
  let outcomeStarted = false;
  defs.forEach((d, i) => {
    if (d.label === '三、本年度办理结果') return;
    if (!d.values) return;
    const row = t?.rows.find((r) => r.key === d.key) ?? (d.key === 'other' ? undefined : undefined);
    const cells = Array.from({ length: 7 }, (_, c) => td(row?.cells[c], m)).join('');
    let lead = '';
    const inOutcome = outcomeRows.includes(d) && d.key !== 'carriedForward';
    if (inOutcome && !outcomeStarted) {
      outcomeStarted = true;
      lead += `<th class="group" rowspan="${escapeHtml(outcomeRows.filter((x) => x.values).length)}">三、本年度办理结果</th>`;
    }
    if (d.group) {
      if (groupLeft === 0) {
        const members = defs.filter((x) => x.group === d.group);
        const g = defs.slice(0, i).reverse().find((x) => !x.values && x.label.startsWith('（'));
        lead += `<th class="group" rowspan="${escapeHtml(members.length)}">${escapeHtml(g?.label ?? '')}</th>`;
        groupLeft = members.length;
      }
      groupLeft--;
      lead += labelCell(row, d.label);
    } else if (inOutcome) lead += labelCell(row, d.label, ' colspan="2"');
    else lead += labelCell(row, d.label, ' colspan="3"');
    out.push(`<tr class="${row ? '' : 'missing'}">${lead}${cells}</tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

function review(t: Table | null, m: Marks): string {
  const row = t?.rows[0];
  const out = ['<table class="t4">'];
  out.push('<tr><th colspan="5" rowspan="2">行政复议</th><th colspan="10">行政诉讼</th></tr>');
  out.push('<tr><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>');
  out.push(`<tr>${REVIEW_BLOCKS.flatMap(() => REVIEW_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`)).join('')}</tr>`);
  out.push(`<tr>${Array.from({ length: 15 }, (_, i) => td(row?.cells[i], m)).join('')}</tr>`);
  out.push('</table>');
  return out.join('\n');
}

export interface PreviewOptions {
  nonce: string;
  cspSource: string;
  locale: Locale;
  title: string;
}

export function previewHtml(reports: Report[], findings: Finding[], o: PreviewOptions): string {
  const m = marksOf(findings, o.locale);
  const en = o.locale === 'en';
  const body = reports.length
    ? reports
        .map((r, i) => {
          const head = `${escapeHtml(r.title ?? r.organ ?? (en ? `Report ${i + 1}` : `报告 ${i + 1}`))} <span class="format">${escapeHtml(r.format)}${en ? ' format' : '年格式'}</span>`;
          return `<section class="report"><h1 data-offset="${escapeHtml(r.range.start)}">${head}</h1>
<h2>${en ? 'Table 二 — proactive disclosure' : '二、主动公开政府信息情况'}</h2>${active(r, r.tables.active, m)}
<h2>${en ? 'Table 三 — applications' : '三、收到和处理政府信息公开申请情况'}</h2>${applications(r, r.tables.applications, m)}
<h2>${en ? 'Table 四 — reconsideration and litigation' : '四、政府信息公开行政复议、行政诉讼情况'}</h2>${review(r.tables.review, m)}</section>`;
        })
        .join('\n')
    : `<p class="empty">${en ? 'No report found in this document.' : '此文档中没有找到年报。'}</p>`;
  const nonce = escapeHtml(cspNonce(o.nonce));
  const source = escapeHtml(cspSource(o.cspSource));
  return `<!DOCTYPE html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${source} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground, #222); background: var(--vscode-editor-background, #fff); padding: 0 1em 2em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 13px; }
th, td { border: 1px solid var(--vscode-panel-border, #999); padding: 2px 6px; }
th { font-weight: normal; background: var(--vscode-editorWidget-background, #f3f3f3); }
th.label { text-align: left; cursor: pointer; }
td { text-align: right; min-width: 2.5em; cursor: pointer; font-variant-numeric: tabular-nums; }
td.bad { background: var(--vscode-inputValidation-errorBackground, #fdd); outline: 1px solid var(--vscode-inputValidation-errorBorder, #c00); }
td.blank { background: var(--vscode-inputValidation-warningBackground, #ffe9b3); }
td.unknown { color: var(--vscode-disabledForeground, #888); }
tr.missing th, tr.missing td { opacity: .45; }
.expected { color: var(--vscode-errorForeground, #c00); margin-left: .4em; font-size: 12px; }
.format { font-size: 12px; opacity: .7; margin-left: .5em; }
.toolbar { position: sticky; top: 0; padding: .4em 0; background: var(--vscode-editor-background, #fff); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; margin-right: 4px; cursor: pointer; }
</style></head>
<body>
<div class="toolbar"><button data-export="csv">CSV</button><button data-export="markdown">Markdown</button><button data-export="json">JSON</button></div>
${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const t = e.target instanceof Element ? e.target : null;
  if (!t) return;
  const exp = t.closest('[data-export]');
  if (exp) { vscode.postMessage({ type: 'export', format: exp.getAttribute('data-export') }); return; }
  const c = t.closest('[data-offset]');
  if (c) vscode.postMessage({ type: 'reveal', offset: Number(c.getAttribute('data-offset')) });
});
</script>
</body></html>`;
}
