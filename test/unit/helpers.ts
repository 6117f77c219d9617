import './strict-rules';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const corpusFiles = (): string[] => readdirSync(join(FIXTURES, 'corpus')).sort();
export const readCorpus = (name: string): string => readFileSync(join(FIXTURES, 'corpus', name), 'utf8');
export const completeFiles = (): string[] => JSON.parse(readFileSync(join(FIXTURES, 'complete.json'), 'utf8'));
export const expected = (name: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, 'expected', name.replace(/\.[a-z]+$/, '.json')), 'utf8'));
export const byPrefix = (prefix: string): string => corpusFiles().find((f) => f.startsWith(prefix))!;

/** Every .ts file under dir, sorted, depth first. */
export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}
