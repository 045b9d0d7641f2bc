// The handout as a Word document for lecturers to edit: A4, two items per page
// (a page break before every odd item), each with its QR code.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  TextRun,
  type IFontAttributesProperties,
} from 'docx';
import type { Catalogue } from '../catalogue/catalogue';
import { translate, translateAny, type MessageKey, type MessageParams } from '../i18n';
import type { DeckSource } from './deck-view';
import { handoutItems, type HandoutItem } from './handout-model';
import { qrPng } from './qr';

// Word picks the font per script: Chinese from eastAsia, Latin and digits from ascii/hAnsi.
const BODY_FONT: IFontAttributesProperties = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '微软雅黑' };
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const zh = (key: MessageKey, params: MessageParams = {}): string => translate('zh-CN', key, params);
const text = (s: string, opts: { bold?: boolean; color?: string; size?: number } = {}): TextRun =>
  new TextRun({ text: s.replace(XML_INVALID, ''), ...opts });

async function itemParagraphs(item: HandoutItem, pageBreak: boolean): Promise<Paragraph[]> {
  const qr = await qrPng(item.url, 240);
  const h = (key: MessageKey): Paragraph =>
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text(zh(key), { color: '084685' })] });
  return [
    new Paragraph({
      children: [
        ...(pageBreak ? [new PageBreak()] : []),
        new ImageRun({
          type: 'png',
          data: qr,
          transformation: { width: 72, height: 72 },
          floating: {
            horizontalPosition: { relative: 'margin', align: 'right' },
            verticalPosition: { relative: 'paragraph', offset: 0 },
            wrap: { type: 1, side: 'left' },
          },
        }),
        text(`${item.code} · ${item.domainName}`, { color: '0B5CAD', bold: true }),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(item.title)] }),
    h('item.illegal'),
    new Paragraph({ children: [text(item.illegal)] }),
    h('item.basis'),
    ...item.basis.flatMap((b) => [
      new Paragraph({ children: [text(b.cite, { bold: true })] }),
      new Paragraph({ indent: { left: 360 }, children: [text(b.text, { color: '2B3036' })] }),
    ]),
    new Paragraph({ children: [text(`${zh('item.penalty')}：`, { bold: true }), text(item.penalty)] }),
    h('item.guidance'),
    ...item.guidance.map((g, i) => new Paragraph({ indent: { left: 240 }, children: [text(`${i + 1}. ${g}`)] })),
    h('item.leniency'),
    ...item.leniency.flatMap((l) => [
      new Paragraph({
        children: [
          text(translateAny('zh-CN', l.labelKey), { bold: true }),
          ...(l.detail ? [text(`（${l.detail}）`)] : []),
          ...(l.note ? [text(`：${l.note}`)] : []),
        ],
      }),
      ...l.conditions.map((c) => new Paragraph({ indent: { left: 240 }, children: [text(`· ${c}`)] })),
      new Paragraph({ children: [text(l.basis, { color: '4F5861', size: 18 })] }),
    ]),
    new Paragraph({ children: [text(zh('present.handout.scan') + '：' + item.url, { color: '4F5861', size: 16 })] }),
  ];
}

export async function handoutDocx(source: DeckSource, catalogue: Catalogue, origin: string): Promise<Buffer> {
  const items = handoutItems(source, catalogue, origin);
  const body: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [text(`${source.title} · ${zh('present.handout.title')}`)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        text(`${zh('present.itemTotal', { n: items.length })} · ${zh('present.version', { id: source.version.id })}`, {
          color: '4F5861',
        }),
      ],
    }),
  ];
  for (let i = 0; i < items.length; i += 1) body.push(...(await itemParagraphs(items[i], i > 0 && i % 2 === 0)));
  const doc = new Document({
    creator: 'Hegui 合规',
    title: `${source.title} · ${zh('present.handout.title')}`.replace(XML_INVALID, ''),
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 20, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 300, after: 40 } },
        },
        heading2: {
          run: { font: BODY_FONT, size: 26, bold: true, color: '000000' },
          paragraph: { spacing: { before: 60, after: 80 }, keepNext: true },
        },
        heading3: {
          run: { font: BODY_FONT, size: 21, bold: true },
          paragraph: { spacing: { before: 100, after: 30 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
