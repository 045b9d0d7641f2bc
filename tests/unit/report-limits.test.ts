// The verify upload limit is the size of the largest report a submission can
// produce for the real checklist: large enough for every real report, not more.
import { buildReport } from '../../server/assessment/report-builder';
import { MAX_REPORT_BYTES } from '../../server/assessment/report-limits';
import { Catalogue } from '../../server/catalogue/catalogue';
import { realChecklists } from '../support/app';

it('fits the largest possible report, with at most 25 % to spare', () => {
  const content = realChecklists();
  const catalogue = new Catalogue({ id: 1, hash: '0'.repeat(64), createdAt: new Date() }, content);
  const codes = content.domains.flatMap((d) => d.items.map((i) => i.code));
  const report = buildReport({
    assessmentId: '0b9f6a52-3c1e-4d8a-9f1e-2a7c5d4e8b10',
    org: {
      name: '公'.repeat(100),
      creditCode: '91320594MA1XY2K3LN',
      region: '镇'.repeat(60),
      industry: 'C',
      size: 'small',
    },
    catalogue,
    profileTags: [],
    itemCodes: codes,
    // The longest note (2,000) and owner (100) the answer schema allows, on every item.
    answers: codes.map((itemCode) => ({
      itemCode,
      status: 'non_compliant' as const,
      note: '注'.repeat(2000),
      owner: '人'.repeat(100),
      dueDate: '2026-12-31',
      correctedOn: '2026-12-30',
    })),
    startedAt: new Date(),
    submittedAt: new Date(),
    mode: 'full',
    scene: null,
  });
  const pretty = Buffer.byteLength(JSON.stringify(report, null, 2));
  expect(pretty).toBeLessThanOrEqual(MAX_REPORT_BYTES);
  expect(MAX_REPORT_BYTES).toBeLessThanOrEqual(1.25 * Buffer.byteLength(JSON.stringify(report)));
});
