// Shared by the editor tests: the tools' locations, a temporary workspace with copies of the seeds,
// code-server started and stopped, Chromium launched. Everything listens on 127.0.0.1.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const t0 = Date.now();
export const log = (tag, ...a) => console.log(`[${tag} ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/** CODE_SERVER, NODE24_BIN, CHROMIUM, NVIM: from the environment, else from test/e2e/setup.sh. */
export function tools() {
  if (!process.env.CODE_SERVER || !process.env.NODE24_BIN) {
    const out = execFileSync('bash', [path.join(ROOT, 'test', 'e2e', 'setup.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    for (const m of out.matchAll(/^export (\w+)='(.*)'$/gm)) process.env[m[1]] = m[2];
  }
  return {
    codeServer: process.env.CODE_SERVER,
    node24: process.env.NODE24_BIN,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    nvim: process.env.NVIM || 'nvim',
  };
}

const SEEDS = [
  '000_083edb9afe0f713f.txt',
  '001_3734af7a9bdc841a.txt',
  '002_81058bd546f48f02.txt',
  '003_f0e1d37416cc1ab7.txt',
  '004_2efb6d9fb4d36fe3.txt',
];

/** A fresh run directory: workspace (seed-00N.txt, report.gkbg), user data with settings, HOME and TMPDIR inside it. */
export function runDir(tag, settings = {}) {
  const tmp = fs.mkdtempSync(path.join(ROOT, 'test-results', `${tag}-`));
  const dirs = {
    tmp,
    ud: path.join(tmp, 'ud'),
    ext: path.join(tmp, 'ext'),
    ws: path.join(tmp, 'ws'),
    home: path.join(tmp, 'home'),
    t: path.join(tmp, 't'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  SEEDS.forEach((s, i) =>
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', s), path.join(dirs.ws, `seed-00${i}.txt`)),
  );
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', SEEDS[0]), path.join(dirs.ws, 'report.gkbg'));
  // seed 001 as a web page, a Word file and a PDF (Chromium's), for binary.test.js
  for (const [from, to] of [
    ['seed-001.html', 'report.html'],
    ['seed-001.docx', 'report.docx'],
    ['seed-001.chrome.pdf', 'report.pdf'],
  ])
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'made', from), path.join(dirs.ws, to));
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.ud, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'editor.wordBasedSuggestions': 'off',
        'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(tmp, 'code-server.yaml'), 'cert: false\n');
  // Keep code-server's, VS Code's and Chromium's files inside the run directory.
  Object.assign(process.env, {
    TMPDIR: dirs.t,
    HOME: dirs.home,
    XDG_CONFIG_HOME: `${dirs.home}/.config`,
    XDG_CACHE_HOME: `${dirs.home}/.cache`,
    XDG_DATA_HOME: `${dirs.home}/.local/share`,
  });
  return dirs;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

export function installVsix(t, dirs, vsix) {
  execFileSync(
    t.codeServer,
    [
      '--config',
      path.join(dirs.tmp, 'code-server.yaml'),
      '--user-data-dir',
      dirs.ud,
      '--extensions-dir',
      dirs.ext,
      '--install-extension',
      vsix,
    ],
    {
      env: { ...process.env, PATH: `${t.node24}:${process.env.PATH}` },
      stdio: 'pipe',
    },
  );
}

/** Starts code-server; resolves when /healthz answers. */
export async function startCodeServer(t, dirs, extraArgs = []) {
  const port = await freePort();
  const out = fs.openSync(path.join(dirs.tmp, 'code-server.log'), 'w');
  const proc = spawn(
    t.codeServer,
    [
      '--config',
      path.join(dirs.tmp, 'code-server.yaml'),
      '--user-data-dir',
      dirs.ud,
      '--extensions-dir',
      dirs.ext,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      // run-exthost.mjs's Restricted Mode variant keeps workspace trust on
      ...(process.env.DISCLOSURE_E2E_RESTRICTED === '1' ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...extraArgs,
    ],
    { env: { ...process.env, PATH: `${t.node24}:${process.env.PATH}` }, detached: true, stdio: ['ignore', out, out] },
  );
  const exited = new Promise((r) => proc.once('exit', r));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null)
      throw new Error(
        `code-server exited: ${fs.readFileSync(path.join(dirs.tmp, 'code-server.log'), 'utf8').slice(-2000)}`,
      );
    await Promise.race([new Promise((r) => setImmediate(r)), exited]);
  }
  return {
    port,
    async stop() {
      // A test fixture: stop the whole process group at once and wait for the exit event.
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      await exited;
    },
  };
}

export async function launchChromium(t, dirs) {
  return chromium.launchPersistentContext(path.join(dirs.tmp, 'chrome'), {
    executablePath: t.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Samples the memory (PSS) of every process below this one; stop() returns the peak in MB. */
export function memorySampler() {
  const pss = (pid) => {
    try {
      return Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const sample = () => {
    const kids = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (!kids.has(ppid)) kids.set(ppid, []);
        kids.get(ppid).push(Number(d));
      } catch {
        /* gone */
      }
    }
    let total = 0;
    const stack = [...(kids.get(process.pid) ?? [])];
    while (stack.length) {
      const p = stack.pop();
      total += pss(p);
      stack.push(...(kids.get(p) ?? []));
    }
    return total;
  };
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, sample())), 500);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peak);
    },
  };
}
