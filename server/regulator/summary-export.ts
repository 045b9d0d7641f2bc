// summary.csv / .xlsx / .json: one row per domain and per item with
// organisations, assessments, the four status counts, rates and the
// suppression flag. Withheld rows keep their code and name but no numbers.
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Figure, Summary } from './stats';
import type { MessageKey, MessageParams } from '../i18n';
import { exportLabel, exportText, type ExportLang } from './export-labels';
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
  /** 领域 / 事项: the level in the reader's language (appended, so column positions stay). */
  readonly level_name: string;
}

const SUMMARY_COLUMNS: ReadonlyArray<{
  key: keyof SummaryRow;
  header: MessageKey;
  width: number;
  numFmt?: string;
}> = [
  { key: 'level', header: 'reg.col.level', width: 10 },
  { key: 'code', header: 'reg.col.code', width: 10 },
  { key: 'name', header: 'reg.col.name', width: 36 },
  { key: 'domain', header: 'reg.col.domain', width: 8 },
  { key: 'organisations', header: 'reg.col.organisations', width: 12, numFmt: '#,##0' },
  { key: 'assessments', header: 'reg.col.assessments', width: 12, numFmt: '#,##0' },
  { key: 'compliant', header: 'reg.col.compliant', width: 12, numFmt: '#,##0' },
  { key: 'non_compliant', header: 'reg.col.nonCompliant', width: 12, numFmt: '#,##0' },
  { key: 'not_applicable', header: 'reg.col.notApplicable', width: 12, numFmt: '#,##0' },
  { key: 'unsure', header: 'reg.col.unsure', width: 12, numFmt: '#,##0' },
  { key: 'compliance_rate', header: 'reg.col.complianceRate', width: 12, numFmt: '0.0%' },
  { key: 'non_compliant_rate', header: 'reg.col.nonCompliantShare', width: 12, numFmt: '0.0%' },
  { key: 'not_applicable_rate', header: 'reg.col.notApplicableShare', width: 12, numFmt: '0.0%' },
  { key: 'unsure_rate', header: 'reg.col.unsureShare', width: 12, numFmt: '0.0%' },
  { key: 'suppressed', header: 'reg.col.suppressed', width: 14 },
  { key: 'level_name', header: 'regx.col.levelName', width: 10 },
];

const share = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function row(
  level: 'domain' | 'item',
  code: string,
  name: string,
  domain: string,
  f: Figure,
  lang: ExportLang,
): SummaryRow {
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
    level_name: exportText(lang, `regx.level.${level}`),
  };
}

function summaryRows(s: Summary, lang: ExportLang = 'both'): { domains: SummaryRow[]; items: SummaryRow[] } {
  return {
    domains: s.domains.map((d) => row('domain', d.code, d.name, d.code, d, lang)),
    items: s.items.map((i) => row('item', i.code, i.title, i.domain, i, lang)),
  };
}

export function filterDescription(s: Summary, lang: ExportLang = 'both'): string {
  const f = s.filters;
  const text = (key: MessageKey, params?: MessageParams): string => exportText(lang, key, params);
  return [
    text('reg.export.version', { version: s.checklistVersion.id }),
    f.from || f.to
      ? text('reg.export.period', { from: f.from ?? '…', to: f.to ?? '…' })
      : text('reg.export.allPeriods'),
    f.region ? text('reg.export.region', { value: f.region }) : '',
    f.industry ? text('reg.export.industry', { value: industryLabel(f.industry) }) : '',
    f.size ? text('reg.export.size', { value: f.size }) : '',
    f.domain ? text('reg.export.domain', { value: f.domain }) : '',
  ]
    .filter(Boolean)
    .join(text('reg.export.separator'));
}

export const BOM = '\uFEFF';

export async function sendSummaryCsv(res: Response, s: Summary, filename: string, lang: ExportLang): Promise<void> {
  const { domains, items } = summaryRows(s, lang);
  res.type('text/csv; charset=utf-8').attachment(filename);
  res.write(BOM);
  const csv = stringify({
    header: true,
    columns: SUMMARY_COLUMNS.map((c) => ({ key: c.key, header: exportLabel(lang, c.header) })),
    cast: { boolean: (v) => (v ? '1' : '0') },
  });
  await pipeline(Readable.from([...domains, ...items]), csv, res);
}

export async function sendSummaryXlsx(res: Response, s: Summary, filename: string, lang: ExportLang): Promise<void> {
  const { domains, items } = summaryRows(s, lang);
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(filename);
  const { default: ExcelJS } = await import('exceljs'); // loaded on first use: large
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  wb.creator = exportLabel('both', 'app.name');
  for (const [sheet, rows] of [
    ['reg.sheet.domains', domains],
    ['reg.sheet.items', items],
  ] as const) {
    const ws = wb.addWorksheet(exportLabel(lang, sheet), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = SUMMARY_COLUMNS.map((c) => ({
      key: c.key,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const note = ws.addRow([
      exportText(lang, 'reg.export.withheld', { filters: filterDescription(s, lang), threshold: s.threshold }),
    ]);
    note.commit();
    const header = ws.addRow(SUMMARY_COLUMNS.map((c) => exportLabel(lang, c.header)));
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
