/** pdfjs's worker module ships without types; the reader only hands it to pdfjs. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
