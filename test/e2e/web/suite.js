// The web build in code-server's web worker extension host (test/e2e/web.mjs): loaded by the host as
// extensionTestsPath, a plain CommonJS file that may require 'vscode' only (no mocha, no Node). It
// writes what happened to web-result.json in the workspace, which web.mjs reads. Waits on events
// (diagnostics and editor changes); a bound on each wait guards against hanging, it is not a delay.
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';
const SCHEME = 'disclosure-rendering';
const folder = () => vscode.workspace.workspaceFolders[0].uri;
const fileUri = (name) => vscode.Uri.joinPath(folder(), name);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'disclosure-report');
const codes = (ds) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();

function check(ok, what) {
  if (!ok) throw new Error(what);
}

/** Resolves once `get()` gives a value: now, or after one of the events. */
function when(events, get, what) {
  return new Promise((resolve, reject) => {
    const subs = [];
    const done = (v) => {
      for (const s of subs) s.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    const test = () => {
      const v = get();
      if (v) done(v);
    };
    for (const e of events) subs.push(e(test));
    const timer = setTimeout(() => {
      for (const s of subs) s.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 60000);
    test();
  });
}

const diagnosticsOn = (uri, pred, what) =>
  when([vscode.languages.onDidChangeDiagnostics], () => (pred(ours(uri)) ? ours(uri) : undefined), `${what}`);

async function open(uri) {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

const STEPS = {
  async 'the extension host is a web worker (no Node): the browser entry runs'() {
    check(typeof process === 'undefined' || !process.versions || !process.versions.node, 'Node in the host');
    check(typeof importScripts === 'function', 'not a worker');
  },
  async 'a report is checked by the server in its Web Worker'() {
    const doc = await open(fileUri('seed-000.txt'));
    await vscode.extensions.getExtension(EXT_ID).activate();
    const ds = await diagnosticsOn(doc.uri, (d) => d.length > 0, 'diagnostics on seed-000.txt');
    check(JSON.stringify(codes(ds)) === JSON.stringify(['5 report.title-missing']), JSON.stringify(codes(ds)));
  },
  async 'the cross-year check reads last year’s report through workspace.fs'() {
    // seed 002's organ under another name, so that only these two files are its reports
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('seed-002.txt')));
    const organ = (s) => s.split('克井镇人民政府').join('网页镇人民政府');
    const last = organ(base)
      .replace('四、结转下年度继续办理\t\t0', '四、结转下年度继续办理\t\t5')
      .replace('0\t0\t0\t0\t0\t0\t\n\n####', '0\t0\t0\t0\t0\t5\t\n\n####');
    const now = organ(base).replace('2024 年政府信息公开工作年度报告', '2025 年政府信息公开工作年度报告');
    check(last.includes('继续办理\t\t5') && now.includes('2025 年'), 'the test cases were not made');
    await vscode.workspace.fs.writeFile(fileUri('web/2024.txt'), new TextEncoder().encode(last));
    await vscode.workspace.fs.writeFile(fileUri('web/2025.txt'), new TextEncoder().encode(now));
    const doc = await open(fileUri('web/2025.txt'));
    await diagnosticsOn(doc.uri, (d) => d.some((x) => x.code === 'crossyear.carry-over'), 'crossyear.carry-over');
  },
  async 'a Word report opens as its rendering, read in the worker and checked'() {
    const shown = when(
      [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeVisibleTextEditors],
      () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.scheme === SCHEME && e.document.uri.path.endsWith('/report.docx.txt'),
        ),
      'the rendering of report.docx',
    );
    await vscode.commands.executeCommand('disclosureReport.openRendering', fileUri('report.docx'));
    const editor = await shown;
    await diagnosticsOn(editor.document.uri, (d) => d.some((x) => x.code === 'section.numbering'), 'docx checked');
  },
  async 'a PDF is answered “needs the desktop”, in the user’s words'() {
    const client = vscode.extensions.getExtension(EXT_ID).exports.client;
    const r = await client.sendRequest('disclosureReport/render', { name: 'report.pdf', data: 'JVBERi0=' });
    check(r.ok === false && r.reason === 'needs-desktop' && /PDF/.test(r.message), JSON.stringify(r));
  },
};

exports.run = async function run() {
  const results = [];
  for (const [name, step] of Object.entries(STEPS)) {
    try {
      await step();
      results.push({ name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, error: String((e && e.stack) || e) });
    }
  }
  const out = JSON.stringify({ results }, null, 2);
  await vscode.workspace.fs.writeFile(fileUri('web-result.json'), new TextEncoder().encode(out));
};
