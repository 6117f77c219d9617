// The reviewer's commands in the extension host (client/src/review.ts): 检查文件夹中的全部年报 runs
// the `disclosure-report` task, whose problem matchers fill the Problems panel for files no editor
// has opened; 打开审核汇总 shows the review's dashboard in a webview. Waits on events, never on delays.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';

/** Resolves once `get()` gives a value: now, or after one of the events. A bound guards against hanging. */
function when(events, get, what) {
  return new Promise((resolve, reject) => {
    const subs = [];
    const timer = setTimeout(() => {
      for (const s of subs) s.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 45000);
    const check = () => {
      const v = get();
      if (!v) return;
      for (const s of subs) s.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    for (const e of events) subs.push(e(check));
    check();
  });
}

suite('review', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXT_ID).activate();
  });

  test('检查文件夹中的全部年报: the task’s matchers put a closed file’s findings in the Problems panel', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    // seed 001 (one section.numbering warning) under a name no other test opens
    const seed = fs.readFileSync(vscode.Uri.joinPath(folder, 'seed-001.txt').fsPath, 'utf8');
    const uri = vscode.Uri.joinPath(folder, 'review-only.txt');
    fs.writeFileSync(uri.fsPath, seed);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    await vscode.commands.executeCommand('disclosureReport.checkWorkspace');
    const found = await when(
      [vscode.languages.onDidChangeDiagnostics],
      () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'section.numbering'),
      'the task’s diagnostics on review-only.txt',
    );
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(found.range.start.line > 0);
  });

  test('标记为已审核 from the quick-fix menu: the finding goes, and comes back when the baseline is deleted', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    // In a folder of its own with its own (empty) baseline: a dismissal matches the text, not the
    // file, so the seed's finding must not be dismissed for the other tests' copies of it.
    const dir = vscode.Uri.joinPath(folder, 'dismiss-here');
    fs.mkdirSync(dir.fsPath, { recursive: true });
    const baseline = vscode.Uri.joinPath(dir, '.disclosure-report-baseline.json');
    fs.writeFileSync(baseline.fsPath, JSON.stringify({ version: 1, entries: [] }));
    const seed = fs.readFileSync(vscode.Uri.joinPath(folder, 'seed-000.txt').fsPath, 'utf8');
    const uri = vscode.Uri.joinPath(dir, 'wrong-total.txt');
    fs.writeFileSync(uri.fsPath, seed.replace('(七)总计 | 1', '(七)总计 | 2'));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const balance = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'table3.balance');
      const diag = await when([vscode.languages.onDidChangeDiagnostics], balance, 'the balance finding');
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        uri,
        diag.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The cell has three findings (its row, its column, the balance): one 标记为已审核 each, named.
      const dismiss = actions.find(
        (a) => a.command && a.command.command === 'disclosureReport.dismiss' && /table3\.balance/.test(a.title),
      );
      assert.ok(dismiss, actions.map((a) => a.title).join(' / '));
      assert.match(dismiss.title, /^标记为已审核：table3\.balance/);
      await vscode.commands.executeCommand(dismiss.command.command, ...(dismiss.command.arguments || []));
      await when([vscode.languages.onDidChangeDiagnostics], () => !balance(), 'the finding dismissed');
      const written = JSON.parse(fs.readFileSync(baseline.fsPath, 'utf8'));
      assert.deepEqual(
        written.entries.map((e) => [e.code, e.path]),
        [['table3.balance', 'wrong-total.txt']],
      );
      // The baseline deleted: the file watcher tells the server, the finding is back.
      await vscode.workspace.fs.delete(baseline);
      await when([vscode.languages.onDidChangeDiagnostics], balance, 'the finding back');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(dir.fsPath, { recursive: true, force: true });
    }
  });

  test('打开审核汇总 shows the dashboard in a webview', async () => {
    const isReview = (tab) =>
      tab.input instanceof vscode.TabInputWebview && /disclosureReport\.review/.test(tab.input.viewType);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await vscode.commands.executeCommand('disclosureReport.openReview');
    const tab = await when([vscode.window.tabGroups.onDidChangeTabs], () => tabs().find(isReview), 'the review tab');
    assert.ok(tab.label.length > 0);
  });
});
