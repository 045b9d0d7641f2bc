// The renderers are injected so the app can be built (and tested) without the
// CJK fonts a PDF needs; main.ts wires the real ones.
import type { Report } from '../domain/report';

export interface ReportRenderers {
  readonly docx: (report: Report, fingerprint: string) => Promise<Buffer>;
  readonly pdf: (report: Report, fingerprint: string) => Promise<Buffer>;
}
