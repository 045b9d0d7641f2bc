import type { ReportRenderers } from './report-formats';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';

export const defaultRenderers: ReportRenderers = { docx: renderReportDocx, pdf: renderReportPdf };
