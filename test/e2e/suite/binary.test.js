// Web pages, Word files and PDFs in the extension host: an HTML report is checked as it is; a .docx
// or .pdf opens as its text rendering (a read-only document on our scheme) with diagnostics and the
// preview. Waits on events (diagnostics and editor changes), never on fixed delays.
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';
const SCHEME = 'disclosure-rendering';
const fileUri = (name) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'disclosure-report');
const codes = (ds) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();

/** Resolves once `get()` gives a value: now, or after one of the events. A bound guards against hanging. */
function when(events, get, what) {
  return new Promise((resolve, reject) => {
    const subs = [];
    const done = (v) => {
      for (const s of subs) s.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    const check = () => {
      const v = get();
      if (v) done(v);
    };
    for (const e of events) subs.push(e(check));
    const timer = setTimeout(() => {
      for (const s of subs) s.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 45000);
    check();
  });
}

const diagnosticsOn = (uri, pred, what) =>
  when([vscode.languages.onDidChangeDiagnostics], () => (pred(ours(uri)) ? ours(uri) : undefined), what);

const renderingEditor = (name) =>
  when(
    [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeVisibleTextEditors],
    () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === SCHEME && e.document.uri.path.endsWith(`/${name}.txt`),
      ),
    `the rendering of ${name}`,
  );

// seed 001 has one finding, its section.numbering warning, whatever the file's form
const seedFinding = (ds) => ds.some((d) => d.code === 'section.numbering');

suite('web pages, Word files and PDFs', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXT_ID).activate();
  });

  test('an HTML report is checked in the editor', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('report.html'));
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(doc.languageId, 'html');
    const ds = await diagnosticsOn(doc.uri, seedFinding, 'the HTML report is checked');
    assert.deepStrictEqual(
      ds.map((d) => d.code),
      ['section.numbering'],
      JSON.stringify(codes(ds)),
    );
  });

  test('检查年报 on a .docx shows its rendering, checked, and its preview', async () => {
    const shown = renderingEditor('report.docx');
    await vscode.commands.executeCommand('disclosureReport.openRendering', fileUri('report.docx'));
    const editor = await shown;
    assert.strictEqual(editor.document.languageId, 'disclosure-report');
    assert.ok(editor.document.getText().includes('总体情况'));
    const ds = await diagnosticsOn(editor.document.uri, seedFinding, 'the .docx rendering is checked');
    assert.deepStrictEqual(
      ds.map((d) => d.code),
      ['section.numbering'],
      JSON.stringify(codes(ds)),
    );
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols && symbols.length > 0, 'outline');
    const isPreview = (t) =>
      t.input instanceof vscode.TabInputWebview && /disclosureReport\.preview/.test(t.input.viewType);
    const preview = when(
      [vscode.window.tabGroups.onDidChangeTabs],
      () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => isPreview(t) && /report\.docx/.test(t.label)),
      'the preview of the rendering',
    );
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('disclosureReport.openPreview');
    assert.ok(await preview);
  });

  test('opening a PDF with the report editor shows its rendering, checked', async () => {
    const shown = renderingEditor('report.pdf');
    await vscode.commands.executeCommand('vscode.openWith', fileUri('report.pdf'), 'disclosureReport.rendering');
    const editor = await shown;
    const ds = await diagnosticsOn(editor.document.uri, seedFinding, 'the PDF rendering is checked');
    assert.ok(
      ds.every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
      JSON.stringify(codes(ds)),
    );
    const client = vscode.extensions.getExtension(EXT_ID).exports.client;
    const tables = await client.sendRequest('disclosureReport/tables', { uri: editor.document.uri.toString() });
    assert.strictEqual(tables.reports.length, 1);
  });
});
