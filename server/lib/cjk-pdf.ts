// One way to start a Chinese PDF with pdfkit, shared by the report, the
// statistics report and the handouts: check the fonts, register them, collect
// the output into a Buffer.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export const CJK_FONT_REGULAR = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
/** Font names registered on every document this module opens. */
export const BODY = 'cjk';
export const BOLD = 'cjk-bold';

export interface PdfFonts {
  /** .ttc files holding the faces NotoSansCJKsc-Regular and NotoSansCJKsc-Bold. */
  readonly regular: string;
  readonly bold: string;
}

export const DEFAULT_FONTS: PdfFonts = { regular: CJK_FONT_REGULAR, bold: CJK_FONT_BOLD };

export class PdfFontsMissingError extends Error {
  constructor(missing: readonly string[]) {
    super(`PDF reports need the Noto CJK fonts (${missing.join(', ')} missing): apt-get install fonts-noto-cjk`);
    this.name = 'PdfFontsMissingError';
  }
}

export interface OpenPdf {
  readonly doc: PDFKit.PDFDocument;
  /** Resolves with the whole file once doc.end() has been called. */
  readonly done: Promise<Buffer>;
}

export function openCjkPdf(options: PDFKit.PDFDocumentOptions, fonts: PdfFonts = DEFAULT_FONTS): OpenPdf {
  const missing = [fonts.regular, fonts.bold].filter((f) => !existsSync(f));
  if (missing.length > 0) throw new PdfFontsMissingError(missing);
  const doc = new PDFDocument({ size: 'A4', lang: 'zh-CN', displayTitle: true, ...options });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  // A .ttc holds several faces: name the Simplified Chinese one.
  doc.registerFont(BODY, fonts.regular, 'NotoSansCJKsc-Regular');
  doc.registerFont(BOLD, fonts.bold, 'NotoSansCJKsc-Bold');
  return { doc, done };
}
