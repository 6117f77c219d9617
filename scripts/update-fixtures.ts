/**
 * Writes test/fixtures/expected/<name>.json from the current parser, for the files listed in
 * test/fixtures/complete.json. Run it only after checking each changed value against the source
 * text by hand; the tests compare the parser with these files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../server/src/core/parse';
import { lineIndex, normalizeReport } from '../server/src/core/normalized';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures');
const names: string[] = JSON.parse(readFileSync(join(dir, 'complete.json'), 'utf8'));
for (const name of names) {
  const text = readFileSync(join(dir, 'corpus', name), 'utf8');
  const li = lineIndex(text);
  const reports = parse(text).reports.map((r) => normalizeReport(r, li));
  writeFileSync(join(dir, 'expected', name.replace(/\.[a-z]+$/, '.json')), JSON.stringify({ reports }, null, 2) + '\n');
}
console.log(`wrote ${names.length} fixtures`);
