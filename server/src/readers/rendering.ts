/**
 * What a reader of a binary report (PDF, Word) hands back: the report as text, in the layout the
 * core reads best (prose as paragraphs, one per line; tables as pipe rows `| label | 1 | 0 | … |`,
 * one row per line, blank cells empty), so every feature of the core works on it unchanged.
 * Readers take bytes, never a path: no `node:fs` here, so they can run in the editor, the CLI and
 * a browser worker alike.
 */
export interface Rendering {
  /** The report as text; what the user sees in the read-only document and what the core analyses. */
  text: string;
  kind: 'pdf' | 'docx';
  /** Where each page starts in `text` (PDF only): 0-based page number and offset. */
  pages?: { page: number; start: number }[];
}

/** Why a file could not be read; each becomes a `report.not-found` finding with its own message. */
export type UnreadableReason =
  | 'scanned' // a PDF whose pages carry no text (images only)
  | 'encrypted' // a password-protected PDF or Word file
  | 'legacy-word' // .doc / .wps: save as .docx
  | 'corrupt' // not a valid PDF / OOXML package
  | 'reader-missing'; // the reader itself could not be loaded (an incomplete installation): not the file's fault

export type ReadResult = { ok: true; rendering: Rendering } | { ok: false; reason: UnreadableReason; detail?: string };
