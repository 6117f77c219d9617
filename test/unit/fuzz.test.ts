// The fuzz job, bounded for npm test (~25 s): mutated corpus reports, every feature within a bound,
// the incremental document equal to a fresh open, formatting losing nothing. `npm run fuzz` runs
// the long version (100,000 cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('fuzz: mutated reports never throw, hang, diverge or lose text', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'fuzz', 'run.ts'), '--seed', String(seed), '--cases', '100000', '--seconds', '25', '--features-every', '8'],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 },
  );
  console.log(r.stdout.trim());
  assert.equal(r.signal, null, 'the fuzz run hung and was killed');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /fuzz: seed \d+, [1-9]\d* cases/);
});
