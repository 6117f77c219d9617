// Issue 13: Chinese first whatever VS Code's display language, the status item, detection, empty
// documents, Restricted Mode. Waits on events (diagnostics changes, the status item's updates), never
// on fixed delays; each wait has a guard that fails instead of hanging.
const assert = require('assert');
const vscode = require('vscode');

const EXT_ID = 'disclosure-report.disclosure-report';
const folder = () => vscode.workspace.workspaceFolders[0].uri;
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'disclosure-report');
/** A message in Chinese: Chinese characters and no English word (codes and figures aside). */
const chinese = (s) => /[\u4e00-\u9fff]/.test(s) && !/[A-Za-z]{4,}/.test(s);
const api = () => vscode.extensions.getExtension(EXT_ID).exports;

function guard(what, ms = 45000) {
  let timer;
  const p = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)));
  return { p, done: () => clearTimeout(timer) };
}

/** Resolves when pred holds for uri's diagnostics: now or at a later change. */
function diagnosticsWhere(uri, pred, what) {
  const g = guard(what);
  const wait = new Promise((resolve) => {
    const check = () => {
      const ds = ours(uri);
      if (!pred(ds)) return;
      sub.dispose();
      g.done();
      resolve(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
  return Promise.race([wait, g.p]);
}

/** Resolves with the status item's text once it satisfies pred for uri (now or at an update). */
function statusWhere(uri, pred, what) {
  const g = guard(`status ${what}; last: ${api().status.text()}`);
  const wait = new Promise((resolve) => {
    const check = (u) => {
      if (u !== uri.toString() || !pred(api().status.text())) return;
      sub.dispose();
      g.done();
      resolve(api().status.text());
    };
    const sub = api().status.onDidUpdate(check);
    api().status.update();
  });
  return Promise.race([wait, g.p]);
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

async function untitled(content) {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const NOTICE = [
  '关于做好2024年度政府信息公开工作年度报告编制和发布工作的通知',
  '各县（市、区）人民政府办公室：',
  '年度报告应包括以下内容：',
  ...SECTIONS,
  '请于1月20日前报送。',
].join('\n');

suite('Chinese first, status, detection', () => {
  suiteSetup(async () => {
    await open('seed-000.txt');
    await vscode.extensions.getExtension(EXT_ID).activate();
  });

  test('VS Code is English here, and the findings are Chinese', async () => {
    assert.match(vscode.env.language, /^en/);
    const doc = await open('seed-001.txt');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'seed 001 is checked');
    for (const d of ds) assert.ok(chinese(d.message), d.message);
  });

  test('quick-fix titles, hover and completion details are Chinese', async () => {
    const doc = await open('seed-001.txt');
    const ds = await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'seed 001 is checked');
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      ds[0].range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = actions.filter((a) => a.edit);
    assert.ok(fixes.length > 0, 'a quick fix is offered');
    for (const a of fixes) assert.ok(chinese(a.title), a.title);

    const zero = await open('seed-000.txt');
    const at = zero.positionAt(zero.getText().indexOf('(七)总计 | 1') + 8);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', zero.uri, at);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /本行：总计 1 = /);

    const two = await open('seed-002.txt');
    const line = two
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('2. 重复申请'));
    await vscode.window.activeTextEditor.edit((e) => e.delete(two.lineAt(line).rangeIncludingLineBreak));
    await diagnosticsWhere(two.uri, (d) => d.some((x) => x.code === 'table.row-missing'), 'the row is missing');
    const list = await vscode.commands.executeCommand(
      'vscode.executeCompletionItemProvider',
      two.uri,
      new vscode.Position(line, 2),
    );
    const details = list.items.map((i) => i.detail).filter(Boolean);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(details.length > 0, 'completion items with details');
    for (const d of details) assert.ok(chinese(d), d);
  });

  test('the status item says a clean report was checked, and in which format', async () => {
    const doc = await open('seed-002.txt');
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'seed 002 is clean');
    const text = await statusWhere(doc.uri, (s) => /^已按20(21|19)年格式检查 ✓$/.test(s), 'checked ✓');
    assert.match(text, /✓/);
  });

  test('the status item counts the errors of a report with errors', async () => {
    const doc = await open('seed-000.txt');
    await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'seed 000 has findings');
    const errors = ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const want = errors ? new RegExp(`${errors} 个错误`) : /个警告|✓/;
    await statusWhere(doc.uri, (s) => want.test(s), String(want));
  });

  test('a notice listing the sections stays silent: 未识别为年报', async () => {
    const doc = await untitled(NOTICE);
    await statusWhere(doc.uri, (s) => s === '未识别为年报', '未识别为年报');
    assert.deepStrictEqual(ours(doc.uri), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an empty document offers 按模板新建年报; a report pasted into it is checked', async () => {
    const doc = await untitled('');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some((l) => l.command && l.command.title === '按模板新建年报'),
      JSON.stringify(lenses.map((l) => l.command && l.command.title)),
    );
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'seed-001.txt'));
    const seed = new TextDecoder().decode(bytes);
    await vscode.window.activeTextEditor.edit((e) => e.insert(new vscode.Position(0, 0), seed));
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === 'section.numbering'), 'the pasted report');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('File → New File lists 政府信息公开年报: an untitled report from the template', async () => {
    const menu = vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.menus['file/newFile'];
    assert.ok(menu.some((m) => m.command === 'disclosureReport.newFile'));
    await vscode.commands.executeCommand('disclosureReport.newFile', '2021');
    const doc = vscode.window.activeTextEditor.document;
    assert.strictEqual(doc.isUntitled, true);
    assert.strictEqual(doc.languageId, 'disclosure-report');
    assert.ok(
      doc.getText().includes('一、总体情况') && doc.getText().includes('第二十条'),
      doc.getText().slice(0, 200),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the code lens 按模板新建年报 writes the template into the empty document', async () => {
    const doc = await untitled('');
    await vscode.commands.executeCommand('disclosureReport.newReport', doc.uri, '2021');
    assert.ok(doc.getText().includes('一、总体情况'), doc.getText().slice(0, 200));
    assert.strictEqual(vscode.window.activeTextEditor.document, doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Restricted Mode (DISCLOSURE_E2E_RESTRICTED=1): the workspace is not trusted, reports are still checked', async () => {
    const restricted = process.env.DISCLOSURE_E2E_RESTRICTED === '1';
    assert.strictEqual(vscode.workspace.isTrusted, !restricted);
    const doc = await open('seed-001.txt');
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => x.code === 'section.numbering'), 'checked');
  });
});
