// The report as a Word document (DOCX), laid out after GB/T 9704 without the
// look of a 公文: A4, 仿宋 body, 黑体 headings, 第 X 页 共 Y 页 and the
// fingerprint in every footer. Every string goes in as text: docx escapes it.
import type { MessageKey } from '../i18n';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
  type IRunOptions,
} from 'docx';
import type { Report } from '../domain/report';
import type { LeniencyGuide } from './leniency-guide';
import { reportView, type CitationView, type CountsView, type GapView, type ReportView } from './report-view';
import { zh } from './report-words';

// Word picks the font per script: Chinese from eastAsia, Latin and digits from ascii/hAnsi.
const BODY_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '仿宋',
};
const HEADING_FONT: IFontAttributesProperties = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' };
const SUBHEADING_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '楷体',
};
const MONO_FONT: IFontAttributesProperties = {
  ascii: 'Courier New',
  hAnsi: 'Courier New',
  cs: 'Courier New',
  eastAsia: '仿宋',
};

const MM = 56.6929; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// Characters XML 1.0 forbids would make Word refuse the whole file.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD');
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Text as runs, keeping the line breaks a user typed. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function para(
  text: string,
  style: RunStyle = {},
  options: { indent?: number; after?: number; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
): Paragraph {
  return new Paragraph({
    children: runs(text, style),
    ...(options.alignment ? { alignment: options.alignment } : {}),
    ...(options.indent ? { indent: { left: options.indent } } : {}),
    ...(options.after !== undefined ? { spacing: { after: options.after } } : {}),
  });
}

/** "标签：值" with the label bold. */
function labelled(label: string, value: string, indent = 0): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: `${label}：`, bold: true }), ...runs(value)],
    ...(indent ? { indent: { left: indent } } : {}),
  });
}

/** A list item with a hanging marker (1. / ☐ / –), so wrapped lines align with the text. */
function listItem(marker: string, text: string, indent = 420): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: marker }), new TextRun({ children: [new Tab()] }), ...runs(text)],
    indent: { left: indent, hanging: 420 },
    tabStops: [{ type: 'left', position: indent }],
  });
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(text) });
}

function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(text) });
}

function heading3(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children: runs(text) });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const CELL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; shade?: boolean; right?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.shade ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F4', color: 'auto' } } : {}),
    children: [
      new Paragraph({
        children: runs(text, { bold: options.bold ?? false, size: 21 }),
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
      }),
    ],
  });
}

function table(
  widths: readonly number[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> = new Set(),
  footer?: readonly string[],
): Table {
  const row = (values: readonly string[], style: { bold?: boolean; shade?: boolean }): TableRow =>
    new TableRow({
      cantSplit: true,
      children: values.map((v, i) => cell(v, widths[i], { ...style, right: numeric.has(i) })),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell(h, widths[i], { bold: true, shade: true, right: numeric.has(i) })),
      }),
      ...rows.map((r) => row(r, {})),
      ...(footer ? [row(footer, { bold: true, shade: true })] : []),
    ],
  });
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

function headerBlock(v: ReportView): (Paragraph | Table)[] {
  const w = [Math.round(TEXT_WIDTH * 0.3), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.3)];
  const meta: [string, string][] = [
    [zh('report.creditCode'), v.org.creditCode],
    [zh('report.region'), v.org.region],
    [zh('report.industry'), v.org.industry],
    [zh('report.size'), v.org.size],
    [zh('report.submitted'), v.submitted],
    [zh('report.checklistVersion'), v.checklistVersion.label],
  ];
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: runs(zh('report.kicker')),
    }),
    para(v.org.name, { bold: true, size: 32, font: HEADING_FONT }, { alignment: AlignmentType.CENTER, after: 240 }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      rows: meta.map(
        ([k, val]) =>
          new TableRow({ cantSplit: true, children: [cell(k, w[0], { bold: true, shade: true }), cell(val, w[1])] }),
      ),
    }),
    new Paragraph({
      spacing: { before: 240 },
      border: {
        top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        left: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        right: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      },
      children: [new TextRun({ text: zh('report.fingerprint'), bold: true })],
    }),
    new Paragraph({
      border: {
        left: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        right: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      },
      children: [new TextRun({ text: v.fingerprint, font: MONO_FONT, size: 19 })],
    }),
    new Paragraph({
      border: {
        bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        left: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        right: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      },
      spacing: { after: 240 },
      children: [
        new TextRun({ text: `${zh('report.fingerprintHint')}${zh('report.verify')}：${v.verifyPath}`, size: 20 }),
      ],
    }),
  ];
}

/** Quick or full, the trade, the coverage and the items left 未自查. */
function checkParagraphs(v: ReportView): Paragraph[] {
  const c = v.check;
  const head = c.sceneName ? `${c.modeLabel} · ${zh('quick.scene')}：${c.sceneName}` : c.modeLabel;
  return [
    para(`${head}\u3000${c.coverageLine}`, { bold: true }, { after: 60 }),
    ...(c.uncheckedLine ? [para(c.uncheckedLine, {}, { after: 120 })] : []),
  ];
}

function summaryBlock(v: ReportView, n: string): (Paragraph | Table)[] {
  const first = Math.round(TEXT_WIDTH * 0.37);
  const rest = Math.floor((TEXT_WIDTH - first) / 6);
  const widths = [first, rest, rest, rest, rest, rest, TEXT_WIDTH - first - rest * 5];
  const o = v.overall;
  return [
    heading1(`${n}、${zh('report.summary')}`),
    new Paragraph({
      children: [
        new TextRun({ text: `${zh('report.overallRate')}：`, bold: true }),
        new TextRun({ text: o.rate, bold: true, size: 32 }),
        new TextRun({
          text: `（${zh('report.status.compliant')} ${o.compliant} 项，${zh('report.status.non_compliant')} ${o.nonCompliant} 项，${zh('report.status.unsure')} ${o.unsure} 项，${zh('report.status.not_applicable')} ${o.notApplicable} 项，共 ${o.total} 项）`,
        }),
      ],
    }),
    para(zh('report.rateNote'), { size: 20, color: '555D66' }, { after: 120 }),
    ...checkParagraphs(v),
    para(zh('report.domainTable'), { bold: true }, { alignment: AlignmentType.CENTER }),
    table(
      widths,
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
      new Set([1, 2, 3, 4, 5, 6]),
      [zh('report.allDomains'), ...countsCells(o)],
    ),
  ];
}

function citationParagraphs(c: CitationView): Paragraph[] {
  return [para(c.heading, { bold: true }, { indent: 420 }), para(c.text, { size: 22 }, { indent: 840 })];
}

function guideParagraphs(g: LeniencyGuide): Paragraph[] {
  return [
    para(g.kindLabel, { bold: true }, { indent: 420 }),
    ...(g.conditions.length > 0
      ? [para(`${zh('report.conditions')}：`, {}, { indent: 420 }), ...g.conditions.map((c) => listItem('☐', c, 840))]
      : []),
    ...(g.correctionText ? [para(g.correctionText, { bold: true }, { indent: 420 })] : []),
    labelled(zh('report.outcome'), g.outcome, 420),
    ...(g.disqualifiers.length > 0
      ? [
          para(`${zh('report.disqualifiers')}：`, {}, { indent: 420 }),
          ...g.disqualifiers.map((d) => listItem('–', d, 840)),
        ]
      : []),
    ...(g.note ? [para(g.note, {}, { indent: 420 })] : []),
    labelled(zh('report.decidedBy'), g.decidedBy, 420),
    labelled(zh('item.leniencyBasis'), g.basis, 420),
    ...(g.source ? [labelled(zh('item.leniencySource'), g.source, 420)] : []),
  ];
}

function gapParagraphs(g: GapView, position: number): Paragraph[] {
  const numeral = CHINESE_NUMERALS[position] ?? String(position + 1);
  const tags = [
    g.statusLabel,
    ...(g.high ? [zh('domain.high')] : []),
    ...(g.reviewNeeded ? [zh('item.reviewNeeded')] : []),
    g.domainName,
  ];
  const sub = (i: number, key: MessageKey): Paragraph => heading3(`${i}. ${zh(key)}`);
  const a = g.action;
  return [
    heading2(`（${numeral}）${g.code} ${g.title}`),
    labelled(zh('report.yourAnswer'), tags.join(' · ')),
    labelled(zh('item.question'), g.question),
    ...(g.note !== null ? [labelled(zh('report.note'), g.note)] : []),
    sub(1, 'item.illegal'),
    para(g.illegal),
    sub(2, 'item.basis'),
    ...g.basis.flatMap(citationParagraphs),
    para(`${zh('item.penalty')}：`, { bold: true }),
    ...g.penalty.flatMap((p) => [
      ...citationParagraphs(p),
      para(p.summary, { bold: true, color: 'B3261E' }, { indent: 840 }),
    ]),
    ...(g.consequences.length > 0 ? [labelled(zh('item.consequences'), g.consequences.join('、'))] : []),
    sub(3, 'item.guidance'),
    ...g.guidance.map((s, i) => listItem(`${i + 1}.`, s)),
    para(`${zh('item.evidence')}：`, { bold: true }),
    ...g.evidence.map((e) => listItem('☐', e)),
    sub(4, 'report.action'),
    labelled(zh('report.owner'), a.owner ?? zh('report.notSet'), 420),
    labelled(zh('report.due'), a.due ?? zh('report.notSet'), 420),
    labelled(zh('report.corrected'), a.corrected ?? zh('report.notCorrected'), 420),
    sub(5, 'report.navigator'),
    ...(g.leniency.length > 0
      ? g.leniency.flatMap(guideParagraphs)
      : [para(zh('report.noRelief'), {}, { indent: 420 })]),
  ];
}

function gapsBlock(v: ReportView, n: string): Paragraph[] {
  if (v.gaps.length === 0) return [heading1(`${n}、${zh('report.gaps')}`), para(zh('report.noGaps'))];
  return [
    heading1(`${n}、${zh('report.gaps')}`),
    para(zh('report.gapsLead', { n: v.gapCount, nc: v.gapNonCompliant, u: v.gapUnsure })),
    ...v.gaps.flatMap(gapParagraphs),
  ];
}

function answersBlock(v: ReportView, n: string): (Paragraph | Table)[] {
  const widths = [1150, 0, 1100, 0];
  widths[1] = Math.round((TEXT_WIDTH - widths[0] - widths[2]) * 0.6);
  widths[3] = TEXT_WIDTH - widths[0] - widths[1] - widths[2];
  return [
    heading1(`${n}、${zh('report.answers')}`),
    ...v.answerGroups.flatMap((group) => [
      para(`${group.code} ${group.name}`, { bold: true }, { alignment: AlignmentType.CENTER }),
      table(
        widths,
        [zh('report.code'), zh('report.item'), zh('report.yourAnswer'), zh('report.note')],
        group.answers.map((a) => [a.code, a.title, a.statusLabel, a.note ?? '']),
      ),
      para(''),
    ]),
  ];
}

function methodBlock(v: ReportView, n: string): Paragraph[] {
  return [heading1(`${n}、${zh('report.method')}`), ...v.methodNotes.map((m, i) => listItem(`${i + 1}.`, m))];
}

function footer(fingerprint: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${zh('report.fingerprint')} `, size: 15 }),
          new TextRun({ text: fingerprint, size: 15, font: MONO_FONT }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ size: 20, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] }),
        ],
      }),
    ],
  });
}

function header(v: ReportView): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 2 } },
        children: runs(`${v.org.name} · ${zh('report.kicker')}`, { size: 18, color: '555D66' }),
      }),
    ],
  });
}

export async function renderReportDocx(report: Report, fingerprint: string): Promise<Buffer> {
  const v = reportView(report, fingerprint);
  const headingRun = (size: number, font: IFontAttributesProperties = HEADING_FONT): RunStyle => ({
    font,
    size,
    bold: false,
    color: '000000',
  });
  const doc = new Document({
    creator: 'Hegui 合规',
    title: clean(v.title),
    description: `SHA-256 ${fingerprint}`,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 360, after: 60 } },
        },
        title: {
          run: headingRun(40),
          paragraph: { spacing: { before: 0, after: 200 }, alignment: AlignmentType.CENTER },
        },
        heading1: { run: headingRun(32), paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: {
          run: { ...headingRun(28, SUBHEADING_FONT), bold: true },
          paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: BODY_FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(12 * MM) },
          },
        },
        headers: { default: header(v) },
        footers: { default: footer(fingerprint) },
        children: [
          ...headerBlock(v),
          ...summaryBlock(v, '一'),
          ...gapsBlock(v, '二'),
          ...answersBlock(v, '三'),
          ...methodBlock(v, '四'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
