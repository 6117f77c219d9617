// The web build (package.json "browser") in a browser: code-server's web worker extension host runs
// the extension under development as a web extension (payload extensionDevelopmentKind=web) in
// headless Chromium, and the suite test/e2e/web/suite.js checks, from inside that worker host, that
// reports get diagnostics from the server in its Web Worker, the cross-year check through
// workspace.fs, a Word file's rendering, and a PDF's "needs the desktop" answer. The suite writes
// web-result.json into the workspace; this script waits for that file (fs.watch: an event).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, log, runDir, startCodeServer, launchChromium, tools } from './lib.mjs';

const SUITE = path.join(ROOT, 'test', 'e2e', 'web', 'suite.js');
for (const f of ['dist/web/extension.js', 'dist/web/server.js'])
  if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: npm run build first`);
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });

/**
 * The extension as a web extension only: its package.json without "main" (the workbench then runs it
 * in the web worker extension host; the payload's extensionDevelopmentKind alone is not honoured by
 * code-server's browser workbench), with the files the web build needs.
 */
function webOnlyCopy(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  delete pkg.main;
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const f of fs.readdirSync(ROOT))
    if (/^package\.nls.*\.json$/.test(f)) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  for (const d of ['dist/web', 'syntaxes', 'l10n'])
    if (fs.existsSync(path.join(ROOT, d))) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  // the suite inside the extension: the workbench runs tests in the host of the extension that holds them
  fs.mkdirSync(path.join(dir, 'test'));
  fs.copyFileSync(SUITE, path.join(dir, 'test', 'suite.js'));
  return dir;
}

const t = tools();
const dirs = runDir('web');
const extension = webOnlyCopy(path.join(dirs.tmp, 'extension'));
const result = path.join(dirs.ws, 'web-result.json');
const cs = await startCodeServer(t, dirs, ['--vscode-option', 'enable-smoke-test-driver']);
let ok = false;
let browser;
try {
  browser = await launchChromium(t, dirs);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (m) => {
    if (/disclosure|web-result|\[Extension Host\]/i.test(m.text())) console.log(`[page] ${m.text().split('\n')[0]}`);
  });
  await page.exposeFunction('codeAutomationLog', () => undefined);
  await page.exposeFunction('codeAutomationExit', () => undefined);
  const written = new Promise((resolve) => {
    const w = fs.watch(dirs.ws, () => {
      if (!fs.existsSync(result)) return;
      try {
        const r = JSON.parse(fs.readFileSync(result, 'utf8'));
        w.close();
        resolve(r);
      } catch {
        // still being written: the next event
      }
    });
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionDevelopmentKind', 'web'],
    ['extensionTestsPath', remote(path.join(extension, 'test', 'suite.js'))],
  ];
  await page.goto(
    `http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(dirs.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const limit = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('the web suite did not finish in 6 minutes')), 360_000).unref(),
  );
  const r = await Promise.race([written, limit]);
  for (const s of r.results) log('web', s.ok ? 'ok  ' : 'FAIL', s.name, s.ok ? '' : `\n${s.error}`);
  ok = r.results.length > 0 && r.results.every((s) => s.ok);
} catch (e) {
  console.error('FAILED:', e);
} finally {
  await browser?.close().catch(() => undefined);
  await cs.stop();
  if (ok) fs.rmSync(dirs.tmp, { recursive: true, force: true });
  else log('web', 'kept', dirs.tmp);
}
log('web', ok ? 'passed' : 'failed');
process.exit(ok ? 0 : 1);
