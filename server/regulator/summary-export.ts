// summary.csv / .xlsx / .json: one row per domain and per item with
// organisations, assessments, the four status counts, rates and the
// suppression flag. Withheld rows keep their code and name but no numbers.
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Figure, Summary } from './stats';
import { industryLabel } from '../domain/organisation';

export interface SummaryRow {
  readonly level: 'domain' | 'item';
  readonly code: string;
  readonly name: string;
  readonly domain: string;
  readonly organisations: number | null;
  readonly assessments: number | null;
  readonly compliant: number | null;
  readonly non_compliant: number | null;
  readonly not_applicable: number | null;
  readonly unsure: number | null;
  /** compliant ÷ (answers − not applicable) */
  readonly compliance_rate: number | null;
  /** each status ÷ all answers */
  readonly non_compliant_rate: number | null;
  readonly not_applicable_rate: number | null;
  readonly unsure_rate: number | null;
  readonly suppressed: boolean;
}

export const SUMMARY_COLUMNS: ReadonlyArray<{ key: keyof SummaryRow; header: string; width: number; numFmt?: string }> =
  [
    { key: 'level', header: '层级 level', width: 10 },
    { key: 'code', header: '编号 code', width: 10 },
    { key: 'name', header: '名称 name', width: 36 },
    { key: 'domain', header: '领域 domain', width: 8 },
    { key: 'organisations', header: '企业数 organisations', width: 12, numFmt: '#,##0' },
    { key: 'assessments', header: '自评数 assessments', width: 12, numFmt: '#,##0' },
    { key: 'compliant', header: '符合 compliant', width: 12, numFmt: '#,##0' },
    { key: 'non_compliant', header: '不符合 non-compliant', width: 12, numFmt: '#,##0' },
    { key: 'not_applicable', header: '不适用 not applicable', width: 12, numFmt: '#,##0' },
    { key: 'unsure', header: '不确定 unsure', width: 12, numFmt: '#,##0' },
    { key: 'compliance_rate', header: '合规率 compliance rate', width: 12, numFmt: '0.0%' },
    { key: 'non_compliant_rate', header: '不符合占比 non-compliant share', width: 12, numFmt: '0.0%' },
    { key: 'not_applicable_rate', header: '不适用占比 not-applicable share', width: 12, numFmt: '0.0%' },
    { key: 'unsure_rate', header: '不确定占比 unsure share', width: 12, numFmt: '0.0%' },
    { key: 'suppressed', header: '已抑制（少于5家）suppressed (<5 orgs)', width: 14 },
  ];

const share = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function row(level: 'domain' | 'item', code: string, name: string, domain: string, f: Figure): SummaryRow {
  const c = f.counts;
  const all = c ? c.compliant + c.non_compliant + c.not_applicable + c.unsure : 0;
  return {
    level,
    code,
    name,
    domain,
    organisations: f.organisations,
    assessments: f.assessments,
    compliant: c?.compliant ?? null,
    non_compliant: c?.non_compliant ?? null,
    not_applicable: c?.not_applicable ?? null,
    unsure: c?.unsure ?? null,
    compliance_rate: f.complianceRate,
    non_compliant_rate: c ? share(c.non_compliant, all) : null,
    not_applicable_rate: c ? share(c.not_applicable, all) : null,
    unsure_rate: c ? share(c.unsure, all) : null,
    suppressed: f.suppressed,
  };
}

export function summaryRows(s: Summary): { domains: SummaryRow[]; items: SummaryRow[] } {
  return {
    domains: s.domains.map((d) => row('domain', d.code, d.name, d.code, d)),
    items: s.items.map((i) => row('item', i.code, i.title, i.domain, i)),
  };
}

export function filterDescription(s: Summary): string {
  const f = s.filters;
  return [
    `清单版本 v${s.checklistVersion.id}`,
    f.from || f.to ? `期间 ${f.from ?? '…'} 至 ${f.to ?? '…'}` : '全部期间',
    f.region ? `地区 ${f.region}` : '',
    f.industry ? `行业 ${industryLabel(f.industry)}` : '',
    f.size ? `规模 ${f.size}` : '',
    f.domain ? `领域 ${f.domain}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

export const BOM = '\uFEFF';

export async function sendSummaryCsv(res: Response, s: Summary, filename: string): Promise<void> {
  const { domains, items } = summaryRows(s);
  res.type('text/csv; charset=utf-8').attachment(filename);
  res.write(BOM);
  const csv = stringify({
    header: true,
    columns: SUMMARY_COLUMNS.map((c) => ({ key: c.key, header: c.header })),
    cast: { boolean: (v) => (v ? '1' : '0') },
  });
  await pipeline(Readable.from([...domains, ...items]), csv, res);
}

export async function sendSummaryXlsx(res: Response, s: Summary, filename: string): Promise<void> {
  const { domains, items } = summaryRows(s);
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(filename);
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: large
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  wb.creator = '合规 Hegui';
  for (const [name, rows] of [
    ['领域 Domains', domains],
    ['事项 Items', items],
  ] as const) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = SUMMARY_COLUMNS.map((c) => ({
      key: c.key,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const note = ws.addRow([
      `${filterDescription(s)}。少于 ${s.threshold} 家企业的数字不予显示（留空，已抑制列为 1）。`,
    ]);
    note.commit();
    const header = ws.addRow(SUMMARY_COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for (const r of rows)
      ws.addRow(SUMMARY_COLUMNS.map((c) => (c.key === 'suppressed' ? (r.suppressed ? 1 : 0) : r[c.key]))).commit();
    ws.commit();
  }
  await wb.commit();
}

export function summaryJson(s: Summary): Record<string, unknown> {
  const { domains, items } = summaryRows(s);
  return {
    filters: s.filters,
    checklistVersion: s.checklistVersion,
    threshold: s.threshold,
    suppressed: s.suppressed,
    domains,
    items,
  };
}
