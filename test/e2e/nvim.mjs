// Another real editor: headless Neovim (Debian's: 0.7.2 on bookworm) runs the README's Neovim snippet
// as its init.lua — the only changes: the path of dist/server.js and the node binary — opens a seed,
// receives the published diagnostics, edits a total and receives the new ones; the server asks it
// for no dynamic registration (Neovim 0.7 supports none for didChangeConfiguration).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, log, runDir, tools } from './lib.mjs';

/** The first ```lua block after **Neovim** in README.md, pointed at this checkout. */
export function readmeSnippet(server, node) {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('**Neovim**');
  const m = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  if (at < 0 || !m) throw new Error('README.md has no Neovim snippet');
  const lua = m[1];
  const withPaths = lua
    .replace("'/path/to/disclosure-report/dist/server.js'", JSON.stringify(server))
    .replace("{ 'node', ", `{ ${JSON.stringify(node)}, `);
  if (withPaths === lua || !withPaths.includes(JSON.stringify(node))) throw new Error('the snippet changed shape');
  return withPaths;
}

const t = tools();
const dirs = runDir('nvim');
const out = path.join(dirs.tmp, 'out.txt');
const init = path.join(dirs.tmp, 'init.lua');
fs.writeFileSync(init, readmeSnippet(path.join(ROOT, 'dist', 'server.js'), process.execPath));
const r = spawnSync(
  t.nvim,
  ['--headless', '-u', init, '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'e2e', 'nvim.lua')}`],
  {
    cwd: dirs.ws,
    env: { ...process.env, DR_FILE: path.join(dirs.ws, 'seed-000.txt'), DR_OUT: out },
    encoding: 'utf8',
    timeout: 120000,
  },
);
const lines = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').trim().split('\n') : [];
log('nvim', lines.join(' | ') || r.stderr);
const checks = [
  /^version \d+\.\d+\.\d+$/.test(lines[0] ?? ''),
  lines[1] === 'open true 5:report.title-missing',
  /^edit true .*61:table3\.balance/.test(lines[2] ?? ''),
  lines[3] === 'clients 1 registrations 0',
];
const passed = checks.filter(Boolean).length;
console.log(`nvim (${lines[0] ?? 'no version'}): ${passed} passed, ${checks.length - passed} failed`);
if (passed === checks.length) fs.rmSync(dirs.tmp, { recursive: true, force: true });
process.exit(passed === checks.length ? 0 : 1);
