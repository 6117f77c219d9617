// The fuzz job, bounded for npm test (~25 s): mutated corpus reports, every feature within a bound,
// the incremental document equal to a fresh open, formatting losing nothing. `npm run fuzz` runs
// the long version (100,000 cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs test/fuzz/run.ts with these arguments in a child process, killed after timeoutMs. */
const fuzz = (args: (string | number)[], timeoutMs: number) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'fuzz', 'run.ts'), ...args.map(String)],
    {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 1 << 26,
    },
  );

test('fuzz: mutated reports never throw, hang, diverge or lose text', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  const r = fuzz(['--seed', seed, '--cases', 100000, '--seconds', 25, '--features-every', 8], 120_000);
  console.log(r.stdout.trim());
  assert.equal(r.signal, null, 'the fuzz run hung and was killed');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /fuzz: seed \d+, [1-9]\d* cases/);
});

test('fuzz: the cases that once failed still pass (seed, case)', () => {
  // Each was a divergence or a failure the fuzz job found and a commit fixed; replayed exactly.
  const found: [number, number][] = [
    [1, 10],
    [1, 521],
    [3, 770],
    [4, 762],
    [5, 2590],
    [5, 4470],
    [11, 216],
    [21, 20627],
    [31, 30933],
    [41, 2394],
  ];
  for (const [seed, from] of found) {
    const r = fuzz(['--seed', seed, '--from', from, '--cases', 1, '--features-every', 1], 60_000);
    assert.equal(r.status, 0, `seed ${seed} case ${from}: ${r.stdout}${r.stderr}`);
  }
});
