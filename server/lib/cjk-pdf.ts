// One way to start a Chinese PDF with pdfkit, shared by the report, the
// statistics report and the handouts: check the fonts, register them, collect
// the output into a Buffer.
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
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

// Shaping with the glyph composition feature (ccmp) is most of the time a CJK
// PDF takes (in fontkit, 2.4 s of 2.9 s for the checklist's text), and in Noto
// Sans CJK it only ever changes text holding a combining mark (U+0300, U+0304,
// U+030C, U+3099, U+309A): checked over every catalogue text and every one of
// the font's 44,810 code points (tests/unit/cjk-pdf.test.ts keeps checking). So
// text without a mark is shaped without it, to the same glyphs and positions.
const COMBINING_MARK = /\p{M}/u;
const WITHOUT_CCMP = { ccmp: false };

let parsedFonts = 0;
const fonts = new Map<string, fontkit.Font>();

/** The face, parsed once per process and shared by every document (pdfkit makes a subset per document). */
export function parsedFont(file: string, face: string): fontkit.Font {
  const key = `${file}#${face}`;
  let font = fonts.get(key);
  if (!font) {
    font = fontkit.create(readFileSync(file), face);
    const layout = font.layout.bind(font);
    font.layout = (text, features, ...rest) =>
      layout(text, features ?? (COMBINING_MARK.test(text) ? undefined : WITHOUT_CCMP), ...rest);
    fonts.set(key, font);
    parsedFonts += 1;
  }
  return font;
}

/** How many font faces this process has parsed: stays at two however many PDFs are made. */
export function parsedFontCount(): number {
  return parsedFonts;
}

export interface OpenPdf {
  readonly doc: PDFKit.PDFDocument;
  /** Resolves with the whole file once doc.end() has been called. */
  readonly done: Promise<Buffer>;
}

export function openCjkPdf(options: PDFKit.PDFDocumentOptions, files: PdfFonts = DEFAULT_FONTS): OpenPdf {
  const missing = [files.regular, files.bold].filter((f) => !existsSync(f));
  if (missing.length > 0) throw new PdfFontsMissingError(missing);
  // A .ttc holds several faces: name the Simplified Chinese one.
  const regular = parsedFont(files.regular, 'NotoSansCJKsc-Regular');
  const bold = parsedFont(files.bold, 'NotoSansCJKsc-Bold');
  const doc = new PDFDocument({ size: 'A4', lang: 'zh-CN', displayTitle: true, ...options });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  // pdfkit takes a parsed font where it takes a file (PDFFontFactory.open); its types only name files.
  doc.registerFont(BODY, regular as unknown as Buffer);
  doc.registerFont(BOLD, bold as unknown as Buffer);
  return { doc, done };
}
