import { readFileSync } from 'node:fs';
import { parse } from '../server/src/core/parse';
import { normalizeReport, lineIndex } from '../server/src/core/normalized';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const m = parse(text);
  const li = lineIndex(text);
  console.log('=====', f, (m as any).error ?? '');
  for (const r of m.reports) {
    const n = normalizeReport(r, li);
    console.log(JSON.stringify({ ...n, sections: n.sections.map((s) => `${s.number}@${s.line}`).join(' ') }));
    for (const note of r.notes) console.log('  note', note.kind, note.table, note.detail.slice(0, 80));
    for (const t of Object.values(r.tables)) if (t) for (const row of t.rows) if (row.split || row.match !== 'exact' || row.displaced) console.log('  row', t.kind, row.key, row.match, row.label.slice(0,20), row.split?.how ?? '', row.split?.candidates.length ?? '', row.displaced ? 'displaced' : '');
  }
}
