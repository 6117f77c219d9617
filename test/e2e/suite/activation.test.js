// Issue 12 item 5: the language server starts only for a report. Runs first (file order): the
// extension is activated here from cold, with only a text file that is not a report open.
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';
const folder = () => vscode.workspace.workspaceFolders[0].uri;

/** Resolves when pred() holds: now or at a later diagnostics change (the server's first publish). */
function until(pred, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), 45_000);
    const check = () => {
      if (!pred()) return;
      sub.dispose();
      clearTimeout(timer);
      resolve();
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}

suite('activation', () => {
  test('activation starts no server while no report is open', async () => {
    const api = await vscode.extensions.getExtension(EXT_ID).activate();
    console.log(`activation: activate took ${api.activationMs} ms`);
    const open = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!open.some((u) => /seed|report/.test(u)), `no report is open: ${open.join(', ')}`);
    assert.strictEqual(api.client.isRunning(), false);
  });

  test('a text file that is not a report starts no server', async () => {
    const notes = vscode.Uri.joinPath(folder(), 'notes.txt');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('会议纪要\n一、总体情况\n讨论了预算。\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    const api = vscode.extensions.getExtension(EXT_ID).exports;
    assert.strictEqual(api.client.isRunning(), false, 'the server is not started for a text that is no report');
  });

  test('opening a report starts the server', async () => {
    const api = vscode.extensions.getExtension(EXT_ID).exports;
    const seed = vscode.Uri.joinPath(folder(), 'seed-001.txt');
    const t0 = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
    const ours = () => vscode.languages.getDiagnostics(seed).filter((d) => d.source === 'disclosure-report');
    await until(() => ours().length > 0, 'the report is checked');
    console.log(`activation: first diagnostics ${Date.now() - t0} ms after opening the report`);
    assert.ok(api.client.isRunning());
  });
});
