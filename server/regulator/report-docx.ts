// The statistics report as DOCX: A4, 仿宋 body, 黑体 headings, bars drawn as
// text in the domain table (Word shows them without embedded images).
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import type { Catalogue } from '../catalogue/catalogue';
import { statsReportContent } from './report-content';
import type { Summary } from './stats';

const BODY_FONT: IFontAttributesProperties = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  eastAsia: '仿宋',
};
const HEADING_FONT: IFontAttributesProperties = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: '黑体' };

const p = (text: string, bold = false): Paragraph =>
  new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: 24, bold })], spacing: { after: 120 } });
const h = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text, font: HEADING_FONT, size: 28, bold: true })],
    spacing: { before: 240, after: 120 },
  });
const cell = (text: string): TableCell =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: 20 })] })] });
const bar = (rate: number | null): string => (rate === null ? '' : '█'.repeat(Math.round(rate * 20)));

export async function renderStatsDocx(summary: Summary, catalogue: Catalogue): Promise<Buffer> {
  const c = statsReportContent(summary, catalogue);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['编号', '领域', '企业数', '合规率', '', '不符合/不确定'].map(cell),
      }),
      ...c.domains.map(
        (d) => new TableRow({ children: [d.code, d.name, d.orgs, d.rate, bar(d.rateValue), d.gaps].map(cell) }),
      ),
    ],
  });
  const doc = new Document({
    creator: '合规 Hegui',
    title: c.title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: c.title, font: HEADING_FONT, size: 36, bold: true })],
            spacing: { after: 240 },
          }),
          p(c.scope),
          p(c.generated),
          h('一、总体情况'),
          ...c.headline.map((t) => p(t)),
          h('二、各领域合规率'),
          table,
          h('三、最常见的问题（前 20 项）'),
          ...(c.gaps.length === 0
            ? [p('没有可显示的事项。')]
            : c.gaps.flatMap((g, i) => [
                p(`${i + 1}. ${g.code} ${g.title}`, true),
                p(g.figures),
                ...(g.basis.length ? [p(`违了什么法：${g.basis.join('；')}`)] : []),
                ...g.guidance.slice(0, 3).map((t) => p(`怎么不违法：${t}`)),
                ...(g.leniency ? [p(g.leniency)] : []),
              ])),
          h('四、统计方法与数据保护'),
          ...c.method.map((t) => p(t)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
