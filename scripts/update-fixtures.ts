/**
 * Writes the expected outputs the tests compare with:
 * - test/fixtures/expected/<name>.json: the normalized tables of the complete reports
 *   (test/fixtures/complete.json);
 * - test/fixtures/expected-findings/<name>.txt: every finding on every corpus file.
 * Run it only after checking each changed line against the source text by hand.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../server/src/core/parse';
import { lineIndex, normalizeReport } from '../server/src/core/export';
import { findingLines } from '../test/unit/findings-format';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures');
const names: string[] = JSON.parse(readFileSync(join(dir, 'complete.json'), 'utf8'));
for (const name of names) {
  const text = readFileSync(join(dir, 'corpus', name), 'utf8');
  const li = lineIndex(text);
  const reports = parse(text).reports.map((r) => normalizeReport(r, li));
  writeFileSync(join(dir, 'expected', name.replace(/\.[a-z]+$/, '.json')), JSON.stringify({ reports }, null, 2) + '\n');
}
mkdirSync(join(dir, 'expected-findings'), { recursive: true });
const all = readdirSync(join(dir, 'corpus'));
for (const name of all) {
  const text = readFileSync(join(dir, 'corpus', name), 'utf8');
  writeFileSync(
    join(dir, 'expected-findings', name.replace(/\.[a-z]+$/, '.txt')),
    findingLines(text).join('\n') + '\n',
  );
}
console.log(`wrote ${names.length} table fixtures and ${all.length} finding fixtures`);
