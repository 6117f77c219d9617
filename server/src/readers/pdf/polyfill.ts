/**
 * pdfjs's display layer builds a DOMMatrix when it loads and, on Node, looks for DOMMatrix,
 * ImageData and Path2D (from @napi-rs/canvas, a native module we neither ship nor need: the reader
 * only extracts text and lines, it never paints). Inert stand-ins, set before pdfjs is imported,
 * let it load in a bundle without the native module and without its warnings.
 */
const g = globalThis as Record<string, unknown>;

class Matrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}
class Inert {}

g.DOMMatrix ??= Matrix;
g.ImageData ??= Inert;
g.Path2D ??= Inert;

export {};
