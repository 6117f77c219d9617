/**
 * 按模板新建年报 (the command, File → New File → 政府信息公开年报, and an empty document's code lens):
 * the template in the chosen format, written into the empty document it was asked from, else into a
 * new untitled document of our language.
 */
import * as vscode from 'vscode';
import type { SkeletonFormat } from '../../shared/protocol';
import { t } from './l10n';

const FORMATS: readonly string[] = ['2021', '2019'];

/** target: the empty document of a code lens; format: given (tests, links), else picked. */
export function newReport(skeleton: (format: SkeletonFormat) => Promise<string>) {
  return async (target?: unknown, given?: unknown): Promise<void> => {
    let format = typeof given === 'string' && FORMATS.includes(given) ? (given as SkeletonFormat) : undefined;
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: t('2021 format'), description: '国办公开办函〔2021〕30号', value: '2021' as const },
          { label: t('2019 format'), description: '国办公开办函〔2019〕60号', value: '2019' as const },
        ],
        { placeHolder: t('Choose the report format') },
      );
      format = pick?.value;
    }
    if (!format) return;
    const content = await skeleton(format);
    const uri = target instanceof vscode.Uri ? target.toString() : undefined;
    const empty = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
    if (empty && empty.getText().trim() === '') {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(empty.uri, new vscode.Range(0, 0, empty.lineCount, 0), content);
      await vscode.workspace.applyEdit(edit);
      if (empty.languageId === 'plaintext') await vscode.languages.setTextDocumentLanguage(empty, 'disclosure-report');
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'disclosure-report', content });
    await vscode.window.showTextDocument(doc);
  };
}
