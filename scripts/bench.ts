/**
 * `npm run bench`: parse throughput on the corpus and on a generated 5 MB compilation.
 * Prints medians of several runs; the numbers are quoted in issue notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../server/src/core/parse';

const dir = join(process.cwd(), 'test', 'fixtures', 'corpus');
const files = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(label: string, texts: string[], runs: number): void {
  const size = texts.reduce((n, t) => n + bytes(t), 0);
  for (const t of texts) parse(t); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (const t of texts) parse(t);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  console.log(`${label.padEnd(34)} ${(size / 1e6).toFixed(2).padStart(6)} MB  median ${ms.toFixed(1).padStart(7)} ms  ${(size / 1e6 / (ms / 1000)).toFixed(1).padStart(6)} MB/s  (${runs} runs)`);
}

// A compilation: the complete reports (not the excerpts) repeated until 5 MB.
const complete = readdirSync(dir).sort().filter((f) => /^(0|real-0(0\d|1[0-25]|29))/.test(f) && !f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8'));
const parts: string[] = [];
let n = 0;
for (let i = 0; n < 5_000_000; i++) {
  const t = complete[i % complete.length]!;
  parts.push(t);
  n += bytes(t) + 2;
}
const compilation = parts.join('\n\n');

console.log(`parse throughput (node ${process.version})`);
measure("corpus, each file separately", files, 41);
measure("5 MB compilation, one document", [compilation], 15);
console.log(`reports found in the compilation: ${parse(compilation).reports.length} of ${parts.length}`);
