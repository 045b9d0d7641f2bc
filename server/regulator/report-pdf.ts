// The statistics report as PDF (pdfkit, Noto Sans CJK): the same content as the
// DOCX, with the domain compliance rates drawn as a bar chart.
import { BODY, BOLD, DEFAULT_FONTS, openCjkPdf } from '../lib/cjk-pdf';
import type { Catalogue } from '../catalogue/catalogue';
import { statsReportContent } from './report-content';
import type { Summary } from './stats';

const MARGIN = 56;

export async function renderStatsPdf(summary: Summary, catalogue: Catalogue, fonts = DEFAULT_FONTS): Promise<Buffer> {
  const c = statsReportContent(summary, catalogue);
  const { doc, done } = openCjkPdf(
    { margin: MARGIN, bufferPages: true, info: { Title: c.title, Author: 'Hegui 合规' } },
    fonts,
  );
  const width = doc.page.width - 2 * MARGIN;
  const heading = (t: string): void => {
    doc.moveDown(0.8).font(BOLD).fontSize(13).text(t).moveDown(0.3).font(BODY).fontSize(10);
  };
  doc.font(BOLD).fontSize(18).text(c.title, { align: 'center' }).moveDown(0.5);
  doc.font(BODY).fontSize(10).text(c.scope).text(c.generated);
  heading('一、总体情况');
  for (const t of c.headline) doc.text(t).moveDown(0.2);
  heading('二、各领域合规率');
  // Horizontal bars: label, bar scaled to 100 %, value; suppressed rows say <5.
  const labelW = 150;
  const barW = width - labelW - 60;
  for (const d of c.domains) {
    if (doc.y > doc.page.height - MARGIN - 20) doc.addPage();
    const y = doc.y;
    doc
      .font(BODY)
      .fontSize(9)
      .fillColor('#000000')
      .text(`${d.code} ${d.name}`, MARGIN, y, { width: labelW, lineBreak: false, ellipsis: true });
    doc
      .rect(MARGIN + labelW, y + 1, barW, 9)
      .fillColor('#e8ecef')
      .fill();
    if (d.rateValue !== null)
      doc
        .rect(MARGIN + labelW, y + 1, barW * d.rateValue, 9)
        .fillColor('#1d70b8')
        .fill();
    doc.fillColor('#000000').text(d.rate, MARGIN + labelW + barW + 6, y, { width: 54, lineBreak: false });
    doc.x = MARGIN;
    doc.y = y + 14;
  }
  heading('三、最常见的问题（前 20 项）');
  if (c.gaps.length === 0) doc.text('没有可显示的事项。');
  c.gaps.forEach((g, i) => {
    doc
      .font(BOLD)
      .fontSize(10)
      .text(`${i + 1}. ${g.code} ${g.title}`)
      .font(BODY)
      .fontSize(9.5)
      .text(g.figures);
    if (g.basis.length) doc.text(`违了什么法：${g.basis.join('；')}`);
    for (const t of g.guidance.slice(0, 3)) doc.text(`怎么不违法：${t}`);
    if (g.leniency) doc.text(g.leniency);
    doc.moveDown(0.4);
  });
  heading('四、统计方法与数据保护');
  for (const t of c.method) doc.text(t).moveDown(0.2);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY)
      .fontSize(9)
      .fillColor('#000000')
      .text(`第 ${i - range.start + 1} 页 共 ${range.count} 页`, MARGIN, doc.page.height - 40, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
