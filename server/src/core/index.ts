/**
 * The door of the core: the language server (lsp/), the command line (cli/) and the node helpers
 * reach the analysis through this module only (test/unit/boundaries.test.ts checks it).
 *
 * openDocument(text) gives a ReportDocument: edit it, ask it for findings, completions, fixes,
 * hovers, outlines, formatting, exports. Everything else here is data and types to read its answers.
 */
export { openDocument, type ReportDocument } from './document/document';
export { readReports } from './parse';
export type { EditResult, EditScope } from './document/analysis';
export { anyOrganKey, refOf, reportKey, reportsOf, titleKeys, type CheckOptions } from './rules/check';
export { CODES, type Code, type Finding, type Message, type Severity } from './rules/findings';
export { CODE_DESCRIPTION, DOCS_URL, SARIF_LEVEL, sarifRules, type SarifRule } from './rules/index';
export type { ReportRef } from './rules/rule';
export type { DocumentModel, Range, Report } from './model';
export type { Position } from './text/lines';
export { LineIndex } from './text/lines';
export { localize, toLocale, type Locale } from './i18n';
export { templateYear, type CompletionEntry, type TemplateYearSetting } from './features/completion';
export { canDismiss, fingerprintOf, isDismissed } from './features/dismiss';
export { byEdit, type Fix } from './features/fixes';
export type { FormatLayout, Refusal, TextEdit } from './features/format';
export type { InlayHint, OutlineNode } from './features/navigation';
export { renderSkeleton, type TextLayout } from './features/render';
export {
  previewFrame,
  previewGrid,
  previewReport,
  type PreviewCell,
  type PreviewGrid,
  type PreviewNote,
  type PreviewReport,
  type PreviewRow,
  type PreviewTable,
} from './features/preview';
export { normalizeReport, toCsv, toMarkdown, type NormalizedReport } from './export';
export { proseSketches, type ProseSketch } from './crossyear/shingles';
export { organIdentity, sameOrgan } from './crossyear/identity';
export { tablePlace, type TablePlace } from './features/locate';
