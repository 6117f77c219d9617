/**
 * What the client and the server say to each other beyond LSP: the custom requests (method, params,
 * result), the fix-all code action kind, and the messages the preview's page posts to the client.
 * Imported by server/src/lsp and client/src; esbuild bundles it into both.
 *
 * Plain data and types, no dependency: the client's and the server's vscode-jsonrpc are different
 * copies, whose RequestType classes TypeScript does not treat as one type. Each side sends or
 * registers `Request.method`; the phantom types keep params and result in step at compile time.
 */
import type { NormalizedReport } from '../server/src/core';

/** A custom request: its method; `P` and `R` (params, result) exist only for the compiler. */
export interface Request<P, R> {
  readonly method: string;
  /** Never set: carries the types. */
  readonly types?: { params: P; result: R };
}

const request = <P, R>(method: string): Request<P, R> => ({ method });

export type ParamsOf<T> = T extends Request<infer P, unknown> ? P : never;
export type ResultOf<T> = T extends Request<unknown, infer R> ? R : never;

export const EXPORT_FORMATS = ['json', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (v: unknown): v is ExportFormat => EXPORT_FORMATS.includes(v as ExportFormat);

export const SKELETON_FORMATS = ['2021', '2019'] as const;
export type SkeletonFormat = (typeof SKELETON_FORMATS)[number];

export interface DocumentParams {
  /** An open document's URI. */
  uri: string;
}

export interface PreviewParams extends DocumentParams {
  /** The page's script nonce: 1 to 256 base64 characters. */
  nonce: string;
  /** The webview's cspSource: one CSP source expression. */
  cspSource: string;
}

export interface ExportParams extends DocumentParams {
  format: ExportFormat;
}

export interface SkeletonParams {
  /** 2021 by default. */
  format?: SkeletonFormat;
}

export interface TablesResult {
  reports: NormalizedReport[];
}

/** The normalized reports of a document (contract.md, "Normalized report"). */
export const TablesRequest = request<DocumentParams, TablesResult>('disclosureReport/tables');
/** The preview page of a document: a whole HTML document, strict CSP with the given nonce. */
export const PreviewRequest = request<PreviewParams, string>('disclosureReport/preview');
/** A document's tables as JSON, CSV or Markdown text. */
export const ExportRequest = request<ExportParams, string>('disclosureReport/export');
/** The text of an empty report in a format, in the user's table layout. */
export const SkeletonRequest = request<SkeletonParams | null, string>('disclosureReport/skeleton');

/** The code action kind of "fix everything that can be fixed safely". */
export const FIX_ALL_KIND = 'source.fixAll.disclosureReport';

/** The server's command behind the quick fix 标记为已审核 (`workspace/executeCommand`): adds the
 *  finding to the baseline of dismissals beside the report (server/src/lsp/baselines.ts). */
export const DISMISS_COMMAND = 'disclosureReport.dismiss';

/** Its one argument. */
export interface DismissArgs {
  uri: string;
  /** The finding's fingerprint (core/features/dismiss.ts). */
  fingerprint: string;
  /** For the reader of the baseline: the finding's code and message. */
  code: string;
  message: string;
}

/** What the preview's page posts: show a document offset in the editor, or export the tables. */
export const PREVIEW_REVEAL = 'reveal';
export const PREVIEW_EXPORT = 'export';
export type PreviewMessage =
  { type: typeof PREVIEW_REVEAL; offset: number } | { type: typeof PREVIEW_EXPORT; format: ExportFormat };

/** A message from the page, checked (the page is not trusted more than any other input). */
export function readPreviewMessage(m: unknown): PreviewMessage | null {
  if (!m || typeof m !== 'object') return null;
  const o = m as { type?: unknown; offset?: unknown; format?: unknown };
  if (o.type === PREVIEW_REVEAL && typeof o.offset === 'number' && Number.isInteger(o.offset) && o.offset >= 0) {
    return { type: PREVIEW_REVEAL, offset: o.offset };
  }
  if (o.type === PREVIEW_EXPORT && isExportFormat(o.format)) return { type: PREVIEW_EXPORT, format: o.format };
  return null;
}

/** A PDF or Word file's bytes, for its text rendering (the client reads them; the server runs the reader). */
export interface RenderParams {
  /** The file's name or URI: its extension picks the reader (.pdf, .docx, .doc, .wps). */
  name: string;
  /** The file's bytes, base64. */
  data: string;
}

/** The rendering's text, or why the file cannot be read (`message` in the user's language). */
export type RenderResult = { ok: true; text: string } | { ok: false; reason: string; message: string };

/** The text rendering of a PDF or Word report (server/src/readers), shown as a read-only document. */
export const RenderRequest = request<RenderParams, RenderResult>('disclosureReport/render');

/** The URI scheme of the read-only renderings: `disclosure-rendering:<path>.txt?<the file's URI>`. */
export const RENDERING_SCHEME = 'disclosure-rendering';
/** The file extensions opened through their rendering. */
export const RENDERED_EXTENSIONS = ['.pdf', '.docx', '.doc', '.wps'] as const;

/** What the editor's status item says of a document: analysed as a report or not, and in which formats. */
export interface StatusResult {
  /** The server analyses the document (its language, a rendering, or detection took it for a report). */
  report: boolean;
  /** The formats of its reports ('2021', '2019'), from the first few. */
  formats: string[];
  /** Report slots. */
  reports: number;
}
/** The status of an open document: cheap (no findings are computed). */
export const StatusRequest = request<DocumentParams, StatusResult>('disclosureReport/status');
