/**
 * The language status item of a report: it always says what happened to the active document —
 * "已按2021年格式检查 ✓", "3 个错误", "未识别为年报" — and opens the table preview. The server says
 * whether it analyses the document and in which format (disclosureReport/status); the counts are
 * the diagnostics VS Code holds.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { StatusRequest, type StatusResult } from '../../shared/protocol';
import { t } from './l10n';

export interface ReportStatus {
  /** The item's text now (read by the editor tests). */
  text(): string;
  /** Asks again (the server has started). */
  update(): void;
  /** Fires with the document's URI each time the item has been updated for it. */
  readonly onDidUpdate: vscode.Event<string>;
  dispose(): void;
}

export function reportStatus(
  selector: vscode.DocumentSelector,
  client: () => BaseLanguageClient | undefined,
  log: (m: string) => void,
): ReportStatus {
  const item = vscode.languages.createLanguageStatusItem('disclosureReport.status', selector);
  item.name = t('Annual report');
  item.text = t('Not recognised as a report');
  item.command = { command: 'disclosureReport.openPreview', title: t('Open the table preview') };
  const said = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const updated = new vscode.EventEmitter<string>();

  const show = (text: string, severity: vscode.LanguageStatusSeverity, detail: string) => {
    item.text = text;
    item.severity = severity;
    item.detail = detail;
  };

  async function update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || vscode.languages.match(selector, doc) === 0) return;
    const mine = ++generation;
    const c = client();
    let s: StatusResult = { report: false, formats: [], reports: 0 };
    if (c?.isRunning()) {
      try {
        s = (await c.sendRequest(StatusRequest.method, { uri: doc.uri.toString() })) as StatusResult;
      } catch {
        return; // the document changed or the server restarts: the next change asks again
      }
    }
    if (mine !== generation) return;
    // when-clauses of Fix All and Export (package.json)
    void vscode.commands.executeCommand('setContext', 'disclosureReport.isReport', s.report);
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'disclosure-report');
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const detail = t('{0} errors, {1} warnings, {2} reports', errors, warnings, s.reports);
    const S = vscode.LanguageStatusSeverity;
    const why = t(
      'The document holds no table of a report; set disclosureReport.detect to "always" to check it anyway.',
    );
    if (!s.report) show(t('Not recognised as a report'), S.Information, why);
    else if (errors) show(`$(error) ${t('{0} errors', errors)}`, S.Error, detail);
    else if (warnings) show(`$(warning) ${t('{0} warnings', warnings)}`, S.Warning, detail);
    else show(t('Checked against the {0} format ✓', s.formats.join('/') || '2021'), S.Information, detail);
    const key = doc.uri.toString();
    updated.fire(key);
    const line = s.report ? `report (${s.formats.join('/')}), ${errors} errors, ${warnings} warnings` : 'not a report';
    if (said.get(key) !== line) {
      said.set(key, line);
      log(`status ${key}: ${line}`);
    }
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 150);
  };
  const subs = [
    item,
    updated,
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) later();
    }),
    vscode.window.onDidChangeActiveTextEditor(later),
  ];
  later();
  return {
    text: () => item.text,
    update: later,
    onDidUpdate: updated.event,
    dispose: () => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
    },
  };
}
