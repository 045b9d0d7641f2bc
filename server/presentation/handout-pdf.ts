// The handout as an A4 PDF (pdfkit + Noto Sans CJK): two items per page, each
// with a QR code to its page; an item too long for half a page flows on.
import { BODY, BOLD, openCjkPdf } from '../lib/cjk-pdf';
import type { Catalogue } from '../catalogue/catalogue';
import { translate, translateAny, type MessageKey } from '../i18n';
import type { DeckSource } from './deck-view';
import { handoutItems, type HandoutItem } from './handout-model';
import { qrPng } from './qr';

type Doc = PDFKit.PDFDocument;
const MARGIN = 42;
const QR = 64;
const BRAND = '#084685';
const GREY = '#4f5861';

function para(
  doc: Doc,
  text: string,
  opts: { font?: string; size?: number; color?: string; indent?: number; width?: number } = {},
): void {
  const width = (opts.width ?? doc.page.width - 2 * MARGIN) - (opts.indent ?? 0);
  doc
    .font(opts.font ?? BODY)
    .fontSize(opts.size ?? 9)
    .fillColor(opts.color ?? '#000000')
    .text(text, MARGIN + (opts.indent ?? 0), doc.y, { width, lineGap: 1.5 });
  doc.y += 1.5;
}

function heading(doc: Doc, key: MessageKey): void {
  doc.y += 3;
  para(doc, translate('zh-CN', key), { font: BOLD, size: 9.5, color: BRAND });
}

async function writeItem(doc: Doc, item: HandoutItem): Promise<void> {
  const top = doc.y;
  const textWidth = doc.page.width - 2 * MARGIN - QR - 12;
  doc.image(await qrPng(item.url, 192), doc.page.width - MARGIN - QR, top, { width: QR, height: QR });
  doc
    .font(BODY)
    .fontSize(6.5)
    .fillColor(GREY)
    .text(translate('zh-CN', 'present.handout.scan'), doc.page.width - MARGIN - QR - 6, top + QR + 2, {
      width: QR + 12,
      align: 'center',
    });
  doc.y = top;
  para(doc, `${item.code} · ${item.domainName}`, {
    font: BOLD,
    size: 9,
    color: '#0b5cad',
    width: textWidth + MARGIN * 0,
  });
  para(doc, item.title, { font: BOLD, size: 12.5, width: textWidth });
  doc.y = Math.max(doc.y, top + QR + 12);
  heading(doc, 'item.illegal');
  para(doc, item.illegal);
  heading(doc, 'item.basis');
  for (const b of item.basis) {
    para(doc, b.cite, { font: BOLD, color: GREY });
    para(doc, b.text, { indent: 10, color: '#2b3036' });
  }
  para(doc, `${translate('zh-CN', 'item.penalty')}：${item.penalty}`);
  heading(doc, 'item.guidance');
  item.guidance.forEach((g, i) => {
    para(doc, `${i + 1}. ${g}`, { indent: 4 });
  });
  heading(doc, 'item.leniency');
  for (const l of item.leniency) {
    para(
      doc,
      `${translateAny('zh-CN', l.labelKey)}${l.detail ? `（${l.detail}）` : ''}${l.note ? `：${l.note}` : ''}`,
      {
        font: BOLD,
      },
    );
    for (const c of l.conditions) para(doc, `· ${c}`, { indent: 6 });
    para(doc, l.basis, { color: GREY, size: 8 });
  }
}

export async function handoutPdf(source: DeckSource, catalogue: Catalogue, origin: string): Promise<Buffer> {
  const { doc, done } = openCjkPdf({
    margin: MARGIN,
    info: { Title: `${source.title} · 讲义`, Author: 'Hegui 合规', Creator: 'Hegui 合规' },
  });
  const items = handoutItems(source, catalogue, origin);
  para(doc, `${source.title} · ${translate('zh-CN', 'present.handout.title')}`, { font: BOLD, size: 15 });
  para(
    doc,
    `${translate('zh-CN', 'present.itemTotal', { n: items.length })} · ${translate('zh-CN', 'present.version', { id: source.version.id })}`,
    { color: GREY },
  );
  doc.y += 6;
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0 && i % 2 === 0) doc.addPage();
    else if (i % 2 === 1) {
      // The second item of a page starts below a rule, or on a new page if little room is left.
      if (doc.y > doc.page.height - MARGIN - 160) doc.addPage();
      else {
        doc.y += 6;
        doc
          .moveTo(MARGIN, doc.y)
          .lineTo(doc.page.width - MARGIN, doc.y)
          .dash(3, { space: 3 })
          .strokeColor('#999999')
          .stroke()
          .undash();
        doc.y += 10;
      }
    }
    await writeItem(doc, items[i]);
  }
  doc.end();
  return done;
}
