// Runs the extension-host suite (test/e2e/suite) one of two ways, and says which:
// - @vscode/test-electron's runTests, when a VS Code can be had (VSCODE_EXECUTABLE, or its download
//   when DISCLOSURE_E2E_DOWNLOAD=1);
// - otherwise inside code-server's real extension host, the workbench loaded in headless Chromium
//   with VS Code's test payload (extensionDevelopmentPath, extensionTestsPath).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ROOT, log, runDir, startCodeServer, launchChromium, tools, installVsix } from './lib.mjs';

const SUITE = path.join(ROOT, 'test', 'e2e', 'suite', 'index.js');
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });

if (process.env.VSCODE_EXECUTABLE || process.env.DISCLOSURE_E2E_DOWNLOAD === '1') {
  const { runTests } = await import('@vscode/test-electron');
  const dirs = runDir('electron');
  log('exthost', 'launcher: @vscode/test-electron', process.env.VSCODE_EXECUTABLE ?? '(download)');
  try {
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [dirs.ws, '--disable-workspace-trust', '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext],
    });
    process.exit(0);
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
}

log('exthost', 'launcher: code-server extension host (offline)');
const t = tools();
// DISCLOSURE_E2E_RESTRICTED=1: the workspace is not trusted (Restricted Mode) and the extension is the packaged
// .vsix, installed as a user would (an extension under development runs whatever the trust): it must still check.
// The development path is then an empty extension that only carries the suite.
const restricted = process.env.DISCLOSURE_E2E_RESTRICTED === '1';
const trust = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};
const dirs = restricted ? runDir('exthost-restricted', trust) : runDir('exthost');
let development = ROOT;
if (restricted) {
  log('exthost', 'Restricted Mode: workspace trust enabled, the folder not trusted, the .vsix installed');
  installVsix(t, dirs, path.join(ROOT, 'disclosure-report.vsix'));
  development = path.join(dirs.tmp, 'carrier');
  fs.mkdirSync(development);
  const carrier = { name: 'e2e-carrier', publisher: 'test', version: '0.0.0', engines: { vscode: '*' } };
  fs.writeFileSync(path.join(development, 'package.json'), JSON.stringify(carrier));
}
const cs = await startCodeServer(t, dirs, ['--vscode-option', 'enable-smoke-test-driver']);
let code = 1;
let browser;
try {
  browser = await launchChromium(t, dirs);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...args);
    if (!/open-vsx\.org|^\s+at /.test(line)) console.log(type === 'info' ? line : `[${type}] ${line.split('\n')[0]}`);
  });
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (c) => resolve(c)));
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(development)],
    ['extensionTestsPath', remote(SUITE)],
  ];
  await page.goto(
    `http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(dirs.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const limit = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('extension-host suite did not finish in 10 minutes')), 600_000).unref(),
  );
  code = await Promise.race([exited, limit]);
  log('exthost', 'extension host exited with code', code);
} catch (e) {
  console.error('FAILED:', e);
} finally {
  await browser?.close().catch(() => undefined);
  await cs.stop();
  if (code === 0) fs.rmSync(dirs.tmp, { recursive: true, force: true });
  else log('exthost', 'kept', dirs.tmp);
}
process.exit(code === 0 ? 0 : 1);
