// The part of fontkit (pdfkit's own font parser) that cjk-pdf.ts uses;
// fontkit ships no types of its own.
declare module 'fontkit' {
  /** A parsed font. pdfkit takes one wherever it takes a font file (its PDFFontFactory checks for layout()). */
  interface Font {
    layout(text: string, features?: Record<string, boolean> | string[], ...rest: unknown[]): unknown;
  }
  /** Parses a font file; for a collection (.ttc), postscriptName picks the face. */
  function create(buffer: Uint8Array, postscriptName?: string): Font;
}
