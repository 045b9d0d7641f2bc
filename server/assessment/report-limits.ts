// The largest JSON report a submission can produce: every item of the checklist
// answered 不符合 with the longest note and owner allowed. Measured for 433 items
// (2026-12): 6.84 MB compact, 7.14 MB pretty-printed. Uploads for verification
// are refused above this, so nothing larger than a real report is ever parsed;
// tests/unit/report-limits.test.ts keeps it within 1.25× of the real maximum.
export const MAX_REPORT_BYTES = 8 * 1024 * 1024;
