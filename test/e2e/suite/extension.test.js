// The extension in a real VS Code extension host, on copies of the seeds in a temporary workspace.
// Waits on events (diagnostics changes), never on fixed delays.
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';
const folder = () => vscode.workspace.workspaceFolders[0].uri;
const fileUri = (name) => vscode.Uri.joinPath(folder(), name);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'disclosure-report');
const summary = (ds) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`).sort();

/** Resolves when pred(diagnostics of uri) holds: now, or at a later diagnostics change. */
function diagnosticsWhere(uri, pred, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = ours(uri);
      if (pred(ds)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    // A guard against hanging forever, not a wait: the promise settles on the event above.
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics where ${what}; last: ${JSON.stringify(summary(ours(uri)))}`));
    }, 45000);
    check();
  });
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

// Expected findings of the seeds (line and code), as the corpus fixtures list them.
const EXPECTED = {
  'seed-000.txt': ['5 report.title-missing'],
  'seed-001.txt': ['13 section.numbering'],
  'seed-002.txt': [],
  'seed-004.txt': [
    '1 overview.topic-missing',
    '1 overview.topic-missing',
    '1 overview.topic-missing',
    '1 overview.topic-missing',
    '1 report.title-missing',
  ],
};

suite('disclosure-report in the extension host', () => {
  suiteSetup(async () => {
    await open('seed-000.txt');
    await vscode.extensions.getExtension(EXT_ID).activate();
  });

  test('activates on a .txt report and on the language’s own extension', async () => {
    assert.ok(vscode.extensions.getExtension(EXT_ID).isActive);
    const own = await open('report.gkbg');
    assert.strictEqual(own.languageId, 'disclosure-report');
    await diagnosticsWhere(
      own.uri,
      (ds) => ds.some((d) => d.code === 'report.title-missing'),
      'the .gkbg report is checked',
    );
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`expected diagnostics on ${name}`, async () => {
      const doc = await open(name);
      const ds = await diagnosticsWhere(
        doc.uri,
        (d) => JSON.stringify(summary(d)) === JSON.stringify([...expected].sort()),
        `${name} has ${JSON.stringify(expected)}`,
      );
      assert.deepStrictEqual(summary(ds), [...expected].sort());
    });
  }

  test('the Traditional seed is analysed (pinyin, numbering)', async () => {
    const doc = await open('seed-003.txt');
    const ds = await diagnosticsWhere(
      doc.uri,
      (d) => d.filter((x) => x.code === 'text.pinyin-annotation').length === 1,
      'seed 003 shows its pinyin as one finding',
    );
    const pinyin = ds.find((d) => d.code === 'text.pinyin-annotation');
    assert.match(pinyin.message, /本报告共305处/);
    assert.strictEqual(pinyin.relatedInformation.length, 20);
    assert.strictEqual(ds.filter((d) => d.code === 'section.numbering').length, 3);
  });

  test('editing a total makes table3.balance appear, undoing it makes it disappear', async () => {
    const doc = await open('seed-000.txt');
    const editor = vscode.window.activeTextEditor;
    const at = doc.getText().indexOf('(七)总计 | 1') + 8;
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 1));
    await editor.edit((e) => e.replace(range, '2'));
    const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === 'table3.balance'), 'balance appears');
    const balance = ds.find((x) => x.code === 'table3.balance');
    assert.strictEqual(balance.range.start.line, range.start.line);
    assert.strictEqual(balance.range.start.character, range.start.character);
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhere(
      doc.uri,
      (d) => !d.some((x) => x.code === 'table3.balance') && d.length === 1,
      'balance disappears',
    );
    assert.strictEqual(doc.getText().includes('(七)总计 | 1'), true);
  });

  test('completion at a table row offers the missing row labels', async () => {
    const doc = await open('seed-002.txt');
    const editor = vscode.window.activeTextEditor;
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('2. 重复申请'));
    await editor.edit((e) => e.delete(doc.lineAt(line).rangeIncludingLineBreak));
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === 'table.row-missing'), 'the row is missing');
    const list = await vscode.commands.executeCommand(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(line, 2),
    );
    const first = [...list.items].sort((a, b) => (a.sortText || '').localeCompare(b.sortText || ''))[0];
    assert.strictEqual(typeof first.label === 'string' ? first.label : first.label.label, '2. 重复申请');
    await vscode.commands.executeCommand('undo');
  });

  const FIXES = [
    ['section.numbering', 'seed-000.txt', '二、主动公开政府信息情况', '二.主动公开政府信息情况'],
    ['section.missing', 'seed-000.txt', '五、存在的主要问题及改进情况\n', ''],
    ['section.title', 'seed-000.txt', '五、存在的主要问题及改进情况', '五、存在问题及改进情况'],
    ['table.row-unknown', 'seed-000.txt', '2.其他法律行政法规禁止公开', '2.其他法律行政止公开'],
    ['table.row-missing', 'seed-000.txt', '行政强制 | 19 | ||\n', ''],
    [
      'table3.row-total',
      'seed-000.txt',
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 2',
    ],
    ['table4.total', 'seed-000.txt', '\n0 | 0 | 0 | 0 | 0 | 0 |', '\n0 | 0 | 0 | 0 | 7 | 0 |'],
    ['narrative.mismatch', 'seed-000.txt', '共收到依申请公开1件', '共收到依申请公开3件'],
    ['section6.fee-missing', 'seed-000.txt', '本年度无收取信息处理费情况。', ''],
    ['text.pinyin-annotation', 'seed-000.txt', '一、总体情况\n', '一、总体情况\n文號(hào)\n'],
  ];
  for (const [code, name, from, to] of FIXES) {
    test(`quick fix removes ${code}`, async () => {
      const doc = await open(name);
      const editor = vscode.window.activeTextEditor;
      const start = doc.getText().indexOf(from);
      assert.ok(start >= 0);
      await editor.edit((e) =>
        e.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(start + from.length)), to),
      );
      const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === code), `${code} appears`);
      const before = ds.length;
      const target = ds.find((x) => x.code === code);
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        doc.uri,
        target.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix =
        actions.find((a) => a.edit && (a.diagnostics || []).some((d) => d.code === code)) ||
        actions.find((a) => a.edit);
      assert.ok(fix, `no fix among ${actions.map((a) => a.title).join(' / ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const after = await diagnosticsWhere(
        doc.uri,
        (d) => d.filter((x) => x.code === code).length < ds.filter((x) => x.code === code).length,
        `${code} disappears`,
      );
      assert.ok(after.length < before);
      // Back to the seed for the next test.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await diagnosticsWhere(
        doc.uri,
        (d) => JSON.stringify(summary(d)) === JSON.stringify(EXPECTED[name] || []),
        'back to the seed',
      );
    });
  }

  test('formatting keeps every value', async () => {
    const doc = await open('seed-002.txt');
    const client = vscode.extensions.getExtension(EXT_ID).exports.client;
    const before = await client.sendRequest('disclosureReport/tables', { uri: doc.uri.toString() });
    const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', doc.uri, {
      tabSize: 4,
      insertSpaces: true,
    });
    assert.ok(edits && edits.length > 0);
    const we = new vscode.WorkspaceEdit();
    we.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    assert.ok(doc.getText().includes('行政事业性收费 | 194.3525 |'));
    const after = await client.sendRequest('disclosureReport/tables', { uri: doc.uri.toString() });
    const strip = (x) => JSON.stringify(x.reports.map((r) => ({ ...r, sections: r.sections.map((s) => s.number) })));
    assert.strictEqual(strip(after), strip(before));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preview command opens a webview panel', async () => {
    await open('seed-001.txt');
    const isPreview = (t) =>
      t.input instanceof vscode.TabInputWebview && /disclosureReport\.preview/.test(t.input.viewType);
    // this document's preview (binary.test.js leaves the preview of report.docx open)
    const find = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => isPreview(t) && /seed-001\.txt/.test(t.label));
    // The tab may appear after the command returns: wait for the tab change event.
    const appeared = new Promise((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (find()) {
          sub.dispose();
          resolve(find());
        }
      });
    });
    await vscode.commands.executeCommand('disclosureReport.openPreview');
    const preview = find() || (await appeared);
    assert.ok(preview);
    assert.match(preview.label, /seed-001\.txt/);
  });
});
