// Another real editor: headless Neovim starts `dist/server.js --stdio`, opens a seed, receives the
// published diagnostics, edits a total and receives the new ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, log, runDir, tools } from './lib.mjs';

const t = tools();
const dirs = runDir('nvim');
const out = path.join(dirs.tmp, 'out.txt');
const r = spawnSync(
  t.nvim,
  ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'e2e', 'nvim.lua')}`],
  {
    env: {
      ...process.env,
      DR_FILE: path.join(dirs.ws, 'seed-000.txt'),
      DR_OUT: out,
      DR_SERVER: path.join(ROOT, 'dist', 'server.js'),
      DR_NODE: process.execPath,
    },
    encoding: 'utf8',
    timeout: 120000,
  },
);
const lines = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n') : [];
log('nvim', lines.join(' | ') || r.stderr);
const pass = lines[0] === 'open true 5:report.title-missing' && /^edit true .*61:table3\.balance/.test(lines[1] ?? '');
console.log(pass ? 'nvim: 2 passed, 0 failed' : 'nvim: 0 passed, 2 failed');
if (pass) fs.rmSync(dirs.tmp, { recursive: true, force: true });
process.exit(pass ? 0 : 1);
