/**
 * Checks of request params: what a handler reads must be there and of the right type, else the
 * request is answered InvalidParams (-32602) with a message naming the parameter, instead of a
 * JavaScript error deep in a feature. Protocol messages are for the client's log, in English.
 */
import { ErrorCodes, ResponseError, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import {
  isExportFormat,
  type DocumentParams,
  type ExportParams,
  type PreviewParams,
  type SkeletonParams,
} from '../../../shared/protocol';

export function invalid(method: string, message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads params as an object (throws InvalidParams otherwise). */
export function object(method: string, p: unknown, name = 'params'): Record<string, unknown> {
  if (!isObject(p)) throw invalid(method, `${name} must be an object`);
  return p;
}

export function string(method: string, v: unknown, name: string): string {
  if (typeof v !== 'string') throw invalid(method, `${name} must be a string`);
  return v;
}

export function textDocumentUri(method: string, p: unknown): string {
  const o = object(method, p);
  const td = object(method, o.textDocument, 'params.textDocument');
  return string(method, td.uri, 'params.textDocument.uri');
}

export function position(method: string, v: unknown, name: string): Position {
  const o = object(method, v, name);
  if (!isUint(o.line)) throw invalid(method, `${name}.line must be a non-negative integer`);
  if (!isUint(o.character)) throw invalid(method, `${name}.character must be a non-negative integer`);
  return { line: o.line, character: o.character };
}

export function range(method: string, v: unknown, name: string): Range {
  const o = object(method, v, name);
  return { start: position(method, o.start, `${name}.start`), end: position(method, o.end, `${name}.end`) };
}

/** A code action request's context: diagnostics (each with a range and a message) and `only`. */
export function codeActionContext(method: string, v: unknown): { diagnostics: Diagnostic[]; only?: string[] } {
  const o = object(method, v, 'params.context');
  if (!Array.isArray(o.diagnostics)) throw invalid(method, 'params.context.diagnostics must be an array');
  o.diagnostics.forEach((d: unknown, i: number) => {
    const name = `params.context.diagnostics[${i}]`;
    const x = object(method, d, name);
    range(method, x.range, `${name}.range`);
    string(method, x.message, `${name}.message`);
  });
  if (o.only !== undefined && (!Array.isArray(o.only) || o.only.some((k) => typeof k !== 'string'))) {
    throw invalid(method, 'params.context.only must be an array of strings');
  }
  return { diagnostics: o.diagnostics as Diagnostic[], ...(o.only ? { only: o.only as string[] } : {}) };
}

/** A nonce as CSP and HTML read it safely: base64 characters. */
export function nonce(method: string, v: unknown): string {
  const s = string(method, v, 'params.nonce');
  if (!/^[A-Za-z0-9+/=_-]{1,256}$/.test(s)) throw invalid(method, 'params.nonce must be 1 to 256 base64 characters');
  return s;
}

/** One CSP source expression, or the keyword 'self'. */
export const CSP_SOURCE = /^(?:'self'|[A-Za-z0-9+.:/*_~%@!$&()[\]?#=-]{1,512})$/;

/** The webview's cspSource: CSP source expressions separated by spaces (code-server gives the
 *  extension's own location before the generic source), no quotes but 'self', no ; , or markup. */
export function cspSource(method: string, v: unknown): string {
  const s = string(method, v, 'params.cspSource');
  if (
    s.length > 1024 ||
    !s.trim() ||
    !s
      .trim()
      .split(/ +/)
      .every((t) => CSP_SOURCE.test(t))
  ) {
    throw invalid(method, 'params.cspSource must be CSP source expressions separated by spaces (no quotes, ; or ,)');
  }
  return s;
}

/** Params of the custom requests (shared/protocol.ts). */
export function documentParams(method: string, p: unknown): DocumentParams {
  return { uri: string(method, object(method, p).uri, 'params.uri') };
}

export function previewParams(method: string, p: unknown): PreviewParams {
  const o = object(method, p);
  const uri = string(method, o.uri, 'params.uri');
  return { uri, nonce: nonce(method, o.nonce), cspSource: cspSource(method, o.cspSource) };
}

export function exportParams(method: string, p: unknown): ExportParams {
  const o = object(method, p);
  const uri = string(method, o.uri, 'params.uri');
  if (!isExportFormat(o.format)) throw invalid(method, 'params.format must be json, csv or markdown');
  return { uri, format: o.format };
}

/** The skeleton's params may be absent (2021). */
export function skeletonParams(method: string, p: unknown): Required<SkeletonParams> {
  const o = p === undefined || p === null ? {} : object(method, p);
  if (o.format !== undefined && o.format !== '2021' && o.format !== '2019') {
    throw invalid(method, 'params.format must be "2021" or "2019"');
  }
  return { format: o.format === '2019' ? '2019' : '2021' };
}
