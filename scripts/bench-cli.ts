/**
 * The command line at scale (issue 12, item 2), run by `npm run bench` after bench.ts's figures:
 * `check` and `tables` on folders of generated reports (one report per file, the corpus's seeds
 * under other organs and years, five years per organ), against a single regex pass over the same
 * bytes (read, decode, /\d+/g); the growth exponent of `check` from 1,000 to 10,000 reports; the
 * peak RSS of `check` on a 50 MB input. Each figure is the median of RUNS runs of a child process
 * (CPU time: user + system, as /usr/bin/time -f reports it; wall time printed beside it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const CLI = join(root, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const corpus = join(root, 'test', 'fixtures', 'corpus');
const seeds = readdirSync(corpus)
  .filter((f) => /^00[0-4]_/.test(f))
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8'));
const DIGITS = '甲乙丙丁戊己庚辛壬癸';
const organ = (k: number) => `${[...String(k)].map((d) => DIGITS[Number(d)]).join('')}镇人民政府`;

/** Report i: seed i mod 5, organ i / 5, year 2020 + i mod 5. */
function report(i: number): string {
  const title = `# ${organ(Math.floor(i / 5))} ${2020 + (i % 5)} 年政府信息公开工作年度报告`;
  return seeds[i % seeds.length]!.replace(/^.*政府信息公开工作年度报告.*$/m, title);
}

function folder(base: string, name: string, reports: number): { dir: string; bytes: number } {
  const dir = join(base, name);
  mkdirSync(dir);
  let bytes = 0;
  for (let i = 0; i < reports; i++) {
    const t = report(i);
    bytes += Buffer.byteLength(t);
    writeFileSync(join(dir, `r${String(i).padStart(6, '0')}.txt`), t);
  }
  return { dir, bytes };
}

const REGEX_PASS = `const fs = require('node:fs'); const path = require('node:path'); const d = process.argv[1]; let n = 0;
for (const f of fs.readdirSync(d).sort()) { const s = new TextDecoder().decode(fs.readFileSync(path.join(d, f))); for (const m of s.matchAll(/\\d+/g)) n++; }
process.stdout.write(String(n));`;

interface Run {
  cpu: number;
  wall: number;
  rssMb: number;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function once(args: string[]): Run {
  if (TIME) {
    const r = spawnSync(TIME, ['-f', '%U %S %e %M', process.execPath, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const [u, s, e, m] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return { cpu: u! + s!, wall: e!, rssMb: m! / 1024 };
  }
  const t = performance.now();
  spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t) / 1000;
  return { cpu: wall, wall, rssMb: NaN };
}

function median(args: string[]): Run {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(once(args));
  const mid = (k: keyof Run) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return { cpu: mid('cpu'), wall: mid('wall'), rssMb: mid('rssMb') };
}

const show = (label: string, mb: number, r: Run, extra = '') =>
  console.log(
    `${label.padEnd(40)} ${mb.toFixed(1).padStart(6)} MB  cpu ${r.cpu.toFixed(2).padStart(6)} s  wall ${r.wall.toFixed(2).padStart(6)} s  peak RSS ${r.rssMb.toFixed(0).padStart(5)} MB${extra}`,
  );

export function benchCli(): void {
  const base = mkdtempSync(join(tmpdir(), 'dr-bench-cli-'));
  try {
    console.log(`\ncommand line (median of ${RUNS} runs; ${TIME ? 'cpu = user + system' : 'cpu = wall'})`);
    const small = folder(base, 'r1000', 1000);
    const large = folder(base, 'r10000', 10000);
    const results: Record<string, Run> = {};
    for (const [name, f] of [
      ['1,000', small],
      ['10,000', large],
    ] as const) {
      const mb = f.bytes / 1e6;
      const rx = (results[`rx${name}`] = median(['-e', REGEX_PASS, f.dir]));
      const check = (results[`check${name}`] = median([CLI, 'check', f.dir]));
      const tables = median([CLI, 'tables', f.dir]);
      show(`regex pass: ${name} reports`, mb, rx);
      show(`check: ${name} reports`, mb, check, `  ${(check.cpu / rx.cpu).toFixed(1)}× the regex pass`);
      show(`tables: ${name} reports`, mb, tables, `  ${(tables.cpu / rx.cpu).toFixed(1)}× the regex pass`);
    }
    const exponent = (k: keyof Run) => Math.log(results['check10,000']![k] / results['check1,000']![k]) / Math.log(10);
    console.log(
      `check growth exponent 1,000 → 10,000 reports: ${exponent('cpu').toFixed(2)} (cpu), ${exponent('wall').toFixed(2)} (wall)`,
    );
    // 50 MB: the 10,000 reports' folder cut to 50 MB.
    const big = join(base, 'mb50');
    mkdirSync(big);
    let bytes = 0;
    for (let i = 0; bytes < 50e6; i++) {
      const t = report(i);
      bytes += Buffer.byteLength(t);
      writeFileSync(join(big, `r${String(i).padStart(6, '0')}.txt`), t);
    }
    show('check: 50 MB folder', bytes / 1e6, median([CLI, 'check', '--format', 'json', big]), '  (json)');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench-cli.ts') || process.argv[1]?.endsWith('bench-cli.mjs')) benchCli();
