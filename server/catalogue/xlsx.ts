// The whole catalogue as an XLSX workbook: an overview sheet, then one sheet
// per domain with Chinese headers, frozen header row and wrapped text.
import ExcelJS from 'exceljs';
import type { Catalogue } from './catalogue';
import type { Item } from '../domain/checklist';
import { translateAny } from '../i18n';
import { leniencyTextZh } from './leniency-label';

function cite(c: { law: string; article: string; text: string }): string {
  return `《${c.law}》${c.article}：${c.text}`;
}

function leniencyText(item: Item): string {
  return item.leniency
    .map((l) => {
      const { label, caveat } = leniencyTextZh(l, (key, params) => translateAny('zh-CN', key, params));
      return [
        label,
        caveat ?? '',
        l.conditions?.length ? `条件：${l.conditions.join('；')}` : '',
        l.correctionDays !== undefined ? `改正期限：${l.correctionDays}日` : '',
        `依据：${l.basis}`,
        l.source ? `出处：${l.source}` : '',
        l.note ?? '',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n\n');
}

const COLUMNS: Array<{ header: string; key: string; width: number }> = [
  { header: '编号', key: 'code', width: 9 },
  { header: '违法行为', key: 'title', width: 28 },
  { header: '自查问题', key: 'question', width: 32 },
  { header: '什么是违法', key: 'illegal', width: 40 },
  { header: '违了什么法', key: 'basis', width: 50 },
  { header: '处罚依据', key: 'penalty', width: 50 },
  { header: '处罚幅度', key: 'summary', width: 36 },
  { header: '怎么不违法', key: 'guidance', width: 50 },
  { header: '应留存的记录', key: 'evidence', width: 30 },
  { header: '免罚轻罚', key: 'leniency', width: 40 },
  { header: '适用对象', key: 'appliesTo', width: 16 },
  { header: '高频', key: 'high', width: 6 },
  { header: '待复核', key: 'review', width: 8 },
];

export async function catalogueXlsx(catalogue: Catalogue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hegui';
  wb.created = catalogue.version.createdAt;
  const overview = wb.addWorksheet('说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  overview.columns = [
    { header: '序号', key: 'position', width: 6 },
    { header: '代码', key: 'code', width: 6 },
    { header: '领域', key: 'name', width: 30 },
    { header: '英文名称', key: 'nameEn', width: 40 },
    { header: '主管部门', key: 'department', width: 28 },
    { header: '事项数', key: 'itemCount', width: 8 },
    { header: '高频事项', key: 'highCount', width: 8 },
    { header: '可免罚轻罚', key: 'leniencyCount', width: 10 },
  ];
  overview.getRow(1).font = { bold: true };
  for (const d of catalogue.domainSummaries()) overview.addRow(d);
  overview.addRow([]);
  overview.addRow(['', '', `清单版本 ${catalogue.version.id}，内容校验值 ${catalogue.version.hash}`]);

  for (const domain of catalogue.domains) {
    const ws = wb.addWorksheet(`${domain.code} ${domain.name}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    });
    ws.columns = COLUMNS;
    ws.getRow(1).font = { bold: true };
    for (const item of domain.items) {
      ws.addRow({
        code: item.code,
        title: item.title,
        question: item.question,
        illegal: item.illegal,
        basis: item.basis.map(cite).join('\n'),
        penalty: item.penalty.map(cite).join('\n'),
        summary: item.penalty.map((p) => p.summary).join('\n'),
        guidance: item.guidance.map((g, i) => `${i + 1}. ${g}`).join('\n'),
        evidence: item.evidence.join('\n'),
        leniency: leniencyText(item),
        appliesTo: (item.appliesTo ?? []).join(', '),
        high: item.frequency === 'high' ? '是' : '',
        review: item.reviewNeeded ? '是' : '',
      }).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
