/**
 * index.html: the dashboard, one self-contained page (no remote resource, no external file): the
 * summary's columns as a table that sorts on a click of its header and filters as one types, with
 * a switch for the reports that have errors. Its style and script are inline and allowed by their
 * hashes in the page's Content-Security-Policy (nothing else runs, nothing is fetched).
 */
import { localize, type Locale } from '../../core';
import { columns } from './sheets';
import type { ReviewRow } from './rows';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A relative link to a file under the output folder (each segment percent-encoded). */
const href = (p: string) => p.split('/').map(encodeURIComponent).join('/');

const STYLE = `
body { font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; margin: 0 0 .3em; }
.bar { display: flex; gap: 1.5em; align-items: center; margin: .8em 0; flex-wrap: wrap; }
.bar input[type=search] { width: 24em; padding: .3em .5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; user-select: none; white-space: nowrap; position: sticky; top: 0; }
th[aria-sort=ascending]::after { content: " ▲"; }
th[aria-sort=descending]::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td.c-error { background: #fde2e2; font-weight: bold; }
tr.warning td.c-warning { background: #fff3cd; }
td.c-file { max-width: 18em; overflow-wrap: anywhere; }
td.c-problems { min-width: 22em; max-width: 40em; }
td.c-problems div + div { margin-top: .2em; }
.muted { color: #777; }
`;

const SCRIPT = `
(function () {
  var table = document.getElementById('reports');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filter = document.getElementById('filter');
  var only = document.getElementById('only-errors');
  var shown = document.getElementById('shown');
  function apply() {
    var q = filter.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!only.checked || r.classList.contains('error'));
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' / ' + rows.length;
  }
  function key(r, i, numeric) {
    var c = r.cells[i];
    var v = c.getAttribute('data-v');
    if (numeric) return v === null || v === '' ? -Infinity : Number(v);
    return c.textContent;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var numeric = th.getAttribute('data-type') === 'n';
      var sign = dir === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = key(a, i, numeric), y = key(b, i, numeric);
        var d = numeric ? (x === y ? 0 : x < y ? -1 : 1) : String(x).localeCompare(String(y), 'zh-CN');
        return d * sign || Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  filter.addEventListener('input', apply);
  only.addEventListener('change', apply);
  apply();
})();
`;

/** The CSP source of an inline style or script. node:crypto is required here, when a dashboard is
 *  written, not imported: it loads Node's streams and a dozen other modules that every other command
 *  would load at startup for nothing (`check` of one file: 891 → 885 M instructions). */
const sha = (s: string) => {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
};

export function dashboard(rows: ReviewRow[], files: number, locale: Locale): string {
  const t = (id: string, args?: Record<string, string | number>) => localize({ id, args }, locale);
  const cols = columns(locale);
  const head = cols
    .map(
      (c) =>
        `<th data-col="${c.id}" data-type="${c.numeric ? 'n' : 's'}" title="${esc(t('review.sort-hint'))}">` +
        `${esc(c.header)}</th>`,
    )
    .join('');
  const body = rows
    .map((r, i) => {
      const cls = r.counts.error ? 'error' : r.counts.warning ? 'warning' : 'clean';
      const cells = cols.map((c) => {
        const v = c.value(r);
        const data = v === null ? '' : String(v);
        let inner: string;
        if (c.id === 'problems')
          inner = r.problems.length
            ? r.problems.map((p) => `<div>${esc(p)}</div>`).join('')
            : `<span class="muted">${esc(r.report ? t('review.none') : '')}</span>`;
        else if (c.id === 'memo')
          inner = r.memo
            ? `<a href="${esc(href(`${r.memo}.md`))}">.md</a> · <a href="${esc(href(`${r.memo}.docx`))}">.docx</a>`
            : '';
        else inner = esc(data);
        return `<td class="c-${c.id}${c.numeric ? ' n' : ''}" data-v="${esc(data)}">${inner}</td>`;
      });
      return `<tr class="${cls}" data-i="${i}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const withErrors = rows.filter((r) => r.report && r.counts.error).length;
  const withWarnings = rows.filter((r) => r.report && r.counts.warning).length;
  const reports = rows.filter((r) => r.report).length;
  const csp =
    `default-src 'none'; style-src ${sha(STYLE)}; script-src ${sha(SCRIPT)}; ` + `base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('review.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(t('review.title'))}</h1>
<p id="summary">${esc(t('review.summary', { files, reports, withErrors, withWarnings }))}</p>
<div class="bar">
<input type="search" id="filter" placeholder="${esc(t('review.filter'))}" aria-label="${esc(t('review.filter'))}">
<label><input type="checkbox" id="only-errors"> ${esc(t('review.only-errors'))}</label>
<span id="shown" class="muted"></span>
</div>
<table id="reports">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
