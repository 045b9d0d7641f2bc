import type { ReportRenderers } from './report-formats';

// docx and pdfkit are loaded on the first report, not at start (tens of MB the server may never need).
export const defaultRenderers: ReportRenderers = {
  docx: async (report, fingerprint) =>
    (require('./report-docx') as typeof import('./report-docx')).renderReportDocx(report, fingerprint),
  pdf: async (report, fingerprint) =>
    (require('./report-pdf') as typeof import('./report-pdf')).renderReportPdf(report, fingerprint),
};
