/**
 * PDF and Word reports in the editor: their text rendering, shown as a read-only document on our
 * own scheme (`disclosure-rendering:<the file's path>.txt?<the file's URI>`), which the language
 * client serves like any report (diagnostics, outline, hover, preview, export).
 *
 * The client stays thin: it reads the file's bytes (workspace.fs, any file system) and asks the
 * server for the rendering (RenderRequest); the server runs the reader. Opened by the command
 * "检查年报" (disclosureReport.openRendering, Explorer context menu) or by the custom editor
 * (priority "option": "Open With…" → the report's text), which opens the rendering in its place.
 */
import * as vscode from 'vscode';
import { RENDERED_EXTENSIONS, RENDERING_SCHEME, type RenderResult } from '../../shared/protocol';

export const RENDERING_VIEW_TYPE = 'disclosureReport.rendering';

/** Sends the render request (the client may not be started yet: the caller waits for it). */
export type Render = (params: { name: string; data: string }) => Promise<RenderResult>;

/** Bytes → base64, in bounded chunks (no unbounded spread into a call). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x6000; // a multiple of 3: the chunks' base64 joins up without padding inside
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    let bin = '';
    for (let j = 0; j < part.length; j++) bin += String.fromCharCode(part[j]!);
    out += btoa(bin);
  }
  return out;
}

export const isRendered = (uri: vscode.Uri): boolean =>
  RENDERED_EXTENSIONS.some((e) => uri.path.toLowerCase().endsWith(e));

/** The rendering's URI of a file. */
export const renderingUri = (file: vscode.Uri): vscode.Uri =>
  vscode.Uri.from({ scheme: RENDERING_SCHEME, path: `${file.path}.txt`, query: file.toString() });

/** The file a rendering's URI shows. */
export const fileOf = (rendering: vscode.Uri): vscode.Uri => vscode.Uri.parse(rendering.query, true);

export class Renderings implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, Promise<RenderResult>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly send: Render) {}

  /** Reads the file and asks the server for its rendering (once per file until it changes). */
  rendered(file: vscode.Uri): Promise<RenderResult> {
    const key = file.toString();
    const known = this.texts.get(key);
    if (known) return known;
    const r = (async (): Promise<RenderResult> => {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(file);
      } catch (e) {
        return { ok: false, reason: 'unreadable', message: String((e as Error)?.message ?? e) };
      }
      return this.send({ name: file.path, data: toBase64(bytes) });
    })();
    this.texts.set(key, r);
    // a failure is asked again next time (the file may have been fixed, the server restarted)
    r.then(
      (x) => x.ok || this.texts.delete(key),
      () => this.texts.delete(key),
    );
    return r;
  }

  /** The file changed on disk: its rendering is read again. */
  refresh(file: vscode.Uri): void {
    if (!this.texts.delete(file.toString())) return;
    this.changed.fire(renderingUri(file));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const r = await this.rendered(fileOf(uri));
    return r.ok ? r.text : r.message;
  }

  /** Opens a file's rendering in an editor; shows why when the file cannot be read (undefined). */
  async open(file: vscode.Uri, column?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
    const r = await this.rendered(file);
    if (!r.ok) {
      void vscode.window.showErrorMessage(r.message);
      return undefined;
    }
    let doc = await vscode.workspace.openTextDocument(renderingUri(file));
    if (doc.languageId !== 'disclosure-report') {
      doc = await vscode.languages.setTextDocumentLanguage(doc, 'disclosure-report');
    }
    return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** "Open With… → 年报文本": opens the rendering in the custom editor's place. */
export class RenderingEditor implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly renderings: Renderings) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false, localResourceRoots: [] };
    const page = (text: string) =>
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
      `</head><body><p>${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p></body></html>`;
    panel.webview.html = page('…');
    const r = await this.renderings.rendered(document.uri);
    if (!r.ok) {
      panel.webview.html = page(r.message);
      return;
    }
    const editor = await this.renderings.open(document.uri, panel.viewColumn);
    if (editor) panel.dispose();
  }
}
