// The report as a PDF (pdfkit), with Debian's Noto Sans CJK. Pages are
// buffered so that every footer can say 第 X 页 共 Y 页 and carry the fingerprint.
import { BODY, BOLD, DEFAULT_FONTS, openCjkPdf, type PdfFonts } from '../lib/cjk-pdf';
import type { Report } from '../domain/report';
import type { MessageKey } from '../i18n';
import type { LeniencyGuide } from './leniency-guide';
import { reportView, type CitationView, type CountsView, type GapView, type ReportView } from './report-view';
import { zh } from './report-words';

export { CJK_FONT_BOLD, CJK_FONT_REGULAR, PdfFontsMissingError, type PdfFonts } from '../lib/cjk-pdf';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 62, bottom: 72, left: 56, right: 56 };
const MONO = 'Courier'; // built in: the fingerprint reads best in a fixed-width face
const SIZE = { title: 18, org: 14, h1: 14, h2: 11.5, h3: 10.5, body: 9.5, small: 8, table: 8.5 };
const GREY = '#555d66';
const RED = '#b3261e';
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Where the flowing text may go on a page. */
function box(doc: Doc): { left: number; right: number; width: number; bottom: number } {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return { left, right, width: right - left, bottom: doc.page.height - doc.page.margins.bottom };
}

/** Starts a new page unless `height` still fits (keeps headings with what follows). */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > box(doc).bottom) doc.addPage();
}

function write(
  doc: Doc,
  text: string,
  options: {
    font?: string;
    size?: number;
    color?: string;
    indent?: number;
    gap?: number;
    align?: 'left' | 'center' | 'right';
  } = {},
): void {
  const b = box(doc);
  const indent = options.indent ?? 0;
  doc
    .font(options.font ?? BODY)
    .fontSize(options.size ?? SIZE.body)
    .fillColor(options.color ?? '#000000');
  doc.text(text, b.left + indent, doc.y, { width: b.width - indent, lineGap: 2.5, align: options.align ?? 'left' });
  doc.y += options.gap ?? 2;
}

/** "标签：值" with the label bold, wrapping as one paragraph. */
function labelled(doc: Doc, label: string, value: string, indent = 0): void {
  const b = box(doc);
  doc.fontSize(SIZE.body).fillColor('#000000');
  doc.font(BOLD).text(`${label}：`, b.left + indent, doc.y, { width: b.width - indent, lineGap: 2.5, continued: true });
  doc.font(BODY).text(value, { lineGap: 2.5 });
  doc.y += 2;
}

function heading(doc: Doc, text: string, size: number, before: number): void {
  doc.y += before;
  doc.font(BOLD).fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width: box(doc).width }) + 40);
  write(doc, text, { font: BOLD, size, gap: 4 });
}

/** One item with a marker (a drawn ☐ box, a number or a dash) and a hanging indent. */
function listItem(doc: Doc, marker: string, text: string, indent = 12): void {
  const b = box(doc);
  doc.font(BODY).fontSize(SIZE.body);
  const textX = b.left + indent + 14;
  ensureSpace(doc, doc.currentLineHeight(true) + 2);
  const y = doc.y;
  if (marker === 'box') {
    doc
      .lineWidth(0.7)
      .strokeColor('#000000')
      .rect(b.left + indent, y + 2.5, 7.5, 7.5)
      .stroke();
  } else {
    doc.fillColor('#000000').text(marker, b.left + indent, y, { width: 14, lineBreak: false });
  }
  doc.fillColor('#000000').text(text, textX, y, { width: b.right - textX, lineGap: 2.5 });
  doc.y += 1.5;
}

interface Column {
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

/** A bordered table that breaks across pages, repeating its header row (if any). */
function table(
  doc: Doc,
  columns: readonly Column[],
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
  footer?: readonly string[],
): void {
  const pad = 3.5;
  const b = box(doc);
  const maxRowHeight = b.bottom - MARGIN.top - 40;
  const rowHeight = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(SIZE.table);
    const h = Math.max(
      ...cells.map((c, i) => doc.heightOfString(c || ' ', { width: columns[i].width - pad * 2, lineGap: 1.5 })),
    );
    return Math.min(h + pad * 2, maxRowHeight);
  };
  const drawRow = (cells: readonly string[], font: string, shaded: boolean | 'first'): void => {
    const h = rowHeight(cells, font);
    let x = box(doc).left;
    const y = doc.y;
    for (let i = 0; i < columns.length; i += 1) {
      const w = columns[i].width;
      if (shaded === true || (shaded === 'first' && i === 0)) doc.rect(x, y, w, h).fill('#eef1f4');
      doc.lineWidth(0.5).strokeColor('#888888').rect(x, y, w, h).stroke();
      doc.font(font).fontSize(SIZE.table).fillColor('#000000');
      // Clipped to the row: a note longer than a page must not spill over the footer.
      doc.text(cells[i] ?? '', x + pad, y + pad, {
        width: w - pad * 2,
        height: h - pad * 2 + 1,
        ellipsis: true,
        lineGap: 1.5,
        align: columns[i].align ?? 'left',
      });
      x += w;
    }
    doc.x = box(doc).left;
    doc.y = y + h;
  };
  const headerHeight = header ? rowHeight(header, BOLD) : 0;
  ensureSpace(doc, headerHeight + (rows.length > 0 ? rowHeight(rows[0], BODY) : 0));
  if (header) drawRow(header, BOLD, true);
  for (const r of rows) {
    if (doc.y + rowHeight(r, BODY) > box(doc).bottom) {
      doc.addPage();
      if (header) drawRow(header, BOLD, true);
    }
    drawRow(r, BODY, header ? false : 'first');
  }
  if (footer) {
    ensureSpace(doc, rowHeight(footer, BOLD));
    drawRow(footer, BOLD, true);
  }
  doc.y += 6;
}

function countsCells(c: CountsView): string[] {
  return [
    String(c.total),
    String(c.compliant),
    String(c.nonCompliant),
    String(c.notApplicable),
    String(c.unsure),
    c.rate,
  ];
}

function headerBlock(doc: Doc, v: ReportView): void {
  write(doc, zh('report.kicker'), { font: BOLD, size: SIZE.title, align: 'center', gap: 4 });
  write(doc, v.org.name, { font: BOLD, size: SIZE.org, align: 'center', gap: 10 });
  const b = box(doc);
  const labelWidth = 110;
  table(doc, [{ width: labelWidth }, { width: b.width - labelWidth }], null, [
    [zh('report.creditCode'), v.org.creditCode],
    [zh('report.region'), v.org.region],
    [zh('report.industry'), v.org.industry],
    [zh('report.size'), v.org.size],
    [zh('report.submitted'), v.submitted],
    [zh('report.checklistVersion'), v.checklistVersion.label],
  ]);
  // The fingerprint, boxed: the proof that this is the report that was submitted.
  const top = doc.y + 2;
  doc.y = top + 6;
  write(doc, zh('report.fingerprint'), { font: BOLD, indent: 8, gap: 1 });
  doc
    .font(MONO)
    .fontSize(9.5)
    .fillColor('#000000')
    .text(v.fingerprint, b.left + 8, doc.y, { width: b.width - 16 });
  doc.y += 2;
  write(doc, `${zh('report.fingerprintHint')}${zh('report.verify')}：`, {
    size: SIZE.small,
    color: GREY,
    indent: 8,
    gap: 0,
  });
  doc
    .font(MONO)
    .fontSize(SIZE.small)
    .fillColor(GREY)
    .text(v.verifyPath, b.left + 8, doc.y, { width: b.width - 16 });
  doc.y += 5;
  doc
    .lineWidth(1)
    .strokeColor('#000000')
    .rect(b.left, top, b.width, doc.y - top)
    .stroke();
  doc.y += 8;
}

function summaryBlock(doc: Doc, v: ReportView, n: string): void {
  heading(doc, `${n}、${zh('report.summary')}`, SIZE.h1, 8);
  const o = v.overall;
  write(doc, `${zh('report.overallRate')}：${o.rate}`, { font: BOLD, size: SIZE.h1, gap: 1 });
  write(
    doc,
    `${zh('report.status.compliant')} ${o.compliant} 项，${zh('report.status.non_compliant')} ${o.nonCompliant} 项，${zh('report.status.unsure')} ${o.unsure} 项，${zh('report.status.not_applicable')} ${o.notApplicable} 项，共 ${o.total} 项。`,
    { gap: 1 },
  );
  write(doc, zh('report.rateNote'), { size: SIZE.small, color: GREY, gap: 6 });
  const c = v.check;
  const head = c.sceneName ? `${c.modeLabel} · ${zh('quick.scene')}：${c.sceneName}` : c.modeLabel;
  write(doc, `${head}\u3000${c.coverageLine}`, { font: BOLD, gap: 2 });
  if (c.uncheckedLine) write(doc, c.uncheckedLine, { gap: 6 });
  write(doc, zh('report.domainTable'), { font: BOLD, align: 'center', gap: 3 });
  const b = box(doc);
  const num = 46;
  const columns: Column[] = [
    { width: b.width - num * 6 },
    ...Array.from({ length: 6 }, (): Column => ({ width: num, align: 'right' })),
  ];
  table(
    doc,
    columns,
    [
      zh('report.domain'),
      zh('report.total'),
      zh('report.status.compliant'),
      zh('report.status.non_compliant'),
      zh('report.status.not_applicable'),
      zh('report.status.unsure'),
      zh('report.rate'),
    ],
    v.domains.map((d) => [`${d.code} ${d.name}`, ...countsCells(d)]),
    [zh('report.allDomains'), ...countsCells(o)],
  );
}

function citation(doc: Doc, c: CitationView): void {
  write(doc, c.heading, { font: BOLD, indent: 12, gap: 1 });
  write(doc, c.text, { indent: 24, color: '#333333' });
}

function guide(doc: Doc, g: LeniencyGuide): void {
  write(doc, g.kindLabel, { font: BOLD, indent: 12 });
  if (g.conditions.length > 0) {
    write(doc, `${zh('report.conditions')}：`, { indent: 12, gap: 1 });
    for (const c of g.conditions) listItem(doc, 'box', c, 24);
  }
  if (g.correctionText) write(doc, g.correctionText, { font: BOLD, indent: 12 });
  labelled(doc, zh('report.outcome'), g.outcome, 12);
  if (g.disqualifiers.length > 0) {
    write(doc, `${zh('report.disqualifiers')}：`, { indent: 12, gap: 1 });
    for (const d of g.disqualifiers) listItem(doc, '–', d, 24);
  }
  if (g.note) write(doc, g.note, { indent: 12 });
  labelled(doc, zh('report.decidedBy'), g.decidedBy, 12);
  write(
    doc,
    `${zh('item.leniencyBasis')}：${g.basis}${g.source ? `；${zh('item.leniencySource')}：${g.source}` : ''}`,
    { size: SIZE.small, color: GREY, indent: 12, gap: 4 },
  );
}

function gap(doc: Doc, g: GapView, position: number): void {
  const numeral = CHINESE_NUMERALS[position] ?? String(position + 1);
  heading(doc, `（${numeral}）${g.code} ${g.title}`, SIZE.h2, 8);
  const tags = [
    g.statusLabel,
    ...(g.high ? [zh('domain.high')] : []),
    ...(g.reviewNeeded ? [zh('item.reviewNeeded')] : []),
    g.domainName,
  ];
  labelled(doc, zh('report.yourAnswer'), tags.join(' · '));
  labelled(doc, zh('item.question'), g.question);
  if (g.note !== null) labelled(doc, zh('report.note'), g.note);
  const sub = (i: number, key: MessageKey): void => {
    heading(doc, `${i}. ${zh(key)}`, SIZE.h3, 3);
  };
  sub(1, 'item.illegal');
  write(doc, g.illegal);
  sub(2, 'item.basis');
  for (const c of g.basis) citation(doc, c);
  write(doc, `${zh('item.penalty')}：`, { font: BOLD, gap: 1 });
  for (const p of g.penalty) {
    citation(doc, p);
    write(doc, p.summary, { font: BOLD, color: RED, indent: 24 });
  }
  if (g.consequences.length > 0) labelled(doc, zh('item.consequences'), g.consequences.join('、'));
  sub(3, 'item.guidance');
  g.guidance.forEach((s, i) => {
    listItem(doc, `${i + 1}.`, s);
  });
  write(doc, `${zh('item.evidence')}：`, { font: BOLD, gap: 1 });
  for (const e of g.evidence) listItem(doc, 'box', e);
  sub(4, 'report.action');
  labelled(doc, zh('report.owner'), g.action.owner ?? zh('report.notSet'), 12);
  labelled(doc, zh('report.due'), g.action.due ?? zh('report.notSet'), 12);
  labelled(doc, zh('report.corrected'), g.action.corrected ?? zh('report.notCorrected'), 12);
  sub(5, 'report.navigator');
  if (g.leniency.length === 0) write(doc, zh('report.noRelief'), { indent: 12 });
  for (const l of g.leniency) guide(doc, l);
}

function gapsBlock(doc: Doc, v: ReportView, n: string): void {
  heading(doc, `${n}、${zh('report.gaps')}`, SIZE.h1, 10);
  if (v.gaps.length === 0) {
    write(doc, zh('report.noGaps'));
    return;
  }
  write(doc, zh('report.gapsLead', { n: v.gapCount, nc: v.gapNonCompliant, u: v.gapUnsure }));
  v.gaps.forEach((g, i) => {
    gap(doc, g, i);
  });
}

function answersBlock(doc: Doc, v: ReportView, n: string): void {
  heading(doc, `${n}、${zh('report.answers')}`, SIZE.h1, 10);
  const b = box(doc);
  const code = 48;
  const status = 46;
  const title = Math.round((b.width - code - status) * 0.6);
  const columns: Column[] = [
    { width: code },
    { width: title },
    { width: status },
    { width: b.width - code - title - status },
  ];
  for (const group of v.answerGroups) {
    ensureSpace(doc, 60);
    write(doc, `${group.code} ${group.name}`, { font: BOLD, align: 'center', gap: 3 });
    table(
      doc,
      columns,
      [zh('report.code'), zh('report.item'), zh('report.yourAnswer'), zh('report.note')],
      group.answers.map((a) => [a.code, a.title, a.statusLabel, a.note ?? '']),
    );
  }
}

function methodBlock(doc: Doc, v: ReportView, n: string): void {
  heading(doc, `${n}、${zh('report.method')}`, SIZE.h1, 10);
  v.methodNotes.forEach((m, i) => {
    listItem(doc, `${i + 1}.`, m, 0);
  });
}

// Written last, on every buffered page: running head, fingerprint, 第 X 页 共 Y 页.
function pageFurniture(doc: Doc, v: ReportView): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { left, right, width } = box(doc);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not add a page
    const head = `${v.org.name} · ${zh('report.kicker')}`;
    doc
      .font(BODY)
      .fontSize(SIZE.small)
      .fillColor(GREY)
      .text(head, left, 34, { width, align: 'right', lineBreak: false });
    doc.lineWidth(0.5).strokeColor('#999999').moveTo(left, 47).lineTo(right, 47).stroke();
    const y = doc.page.height - 52;
    doc
      .moveTo(left, y - 6)
      .lineTo(right, y - 6)
      .stroke();
    // Two faces on one line: place both on the same baseline rather than chaining with `continued`.
    const label = `${zh('report.fingerprint')} `;
    doc.font(BODY).fontSize(7).fillColor(GREY);
    const labelWidth = doc.widthOfString(label);
    doc.text(label, left, y + 7, { lineBreak: false, baseline: 'alphabetic' });
    doc
      .font(MONO)
      .fontSize(7.5)
      .text(v.fingerprint, left + labelWidth, y + 7, { lineBreak: false, baseline: 'alphabetic' });
    // Wider word gaps so that text extraction (pdftotext -layout) keeps the spaces.
    doc
      .font(BODY)
      .fontSize(9)
      .fillColor('#000000')
      .text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, left, y + 11, {
        width,
        align: 'center',
        lineBreak: false,
        wordSpacing: 2,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}

export async function renderReportPdf(
  report: Report,
  fingerprint: string,
  fonts: PdfFonts = DEFAULT_FONTS,
): Promise<Buffer> {
  const v = reportView(report, fingerprint);
  const { doc, done } = openCjkPdf(
    {
      margins: MARGIN,
      bufferPages: true,
      info: { Title: v.title, Author: 'Hegui 合规', Subject: `SHA-256 ${fingerprint}`, Creator: 'Hegui 合规' },
    },
    fonts,
  );
  doc.x = MARGIN.left;
  doc.y = MARGIN.top;
  headerBlock(doc, v);
  summaryBlock(doc, v, '一');
  gapsBlock(doc, v, '二');
  answersBlock(doc, v, '三');
  methodBlock(doc, v, '四');
  pageFurniture(doc, v);
  doc.end();
  return done;
}
