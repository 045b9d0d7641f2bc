// Pure parts of the regulator statistics: suppression, applicability masks,
// months in China time, demo credit codes, charts.
import { validateCreditCode } from '../../server/accounts/credit-code';
import { Catalogue } from '../../server/catalogue/catalogue';
import { applies, domainMask, itemMask, tagMask } from '../../server/regulator/applicability';
import { barChart, fitLabel, heatClass, heatMap, lineChart } from '../../server/regulator/charts';
import { monthOf } from '../../server/regulator/record';
import { demoCreditCode, failureRate, prng } from '../../server/tools/demo-data';
import { figure, rate } from '../../server/regulator/stats';
import { isSmall, MIN_ORGS, secondarySuppress } from '../../server/regulator/suppression';
import { fixtureContent, fixtureItem } from '../support/fixtures';

const content = {
  ...fixtureContent(
    [fixtureItem('XF-001'), fixtureItem('XF-002', { appliesTo: ['employees'] })],
    [
      {
        code: 'LD',
        position: 11,
        name: '劳动用工',
        nameEn: 'Employment',
        department: '人社局',
        summary: '用工。',
        items: [
          fixtureItem('LD-001', { appliesTo: ['employees'] }),
          fixtureItem('LD-002', { appliesTo: ['nonexistent'] }),
        ],
      },
    ],
  ),
};
const catalogue = new Catalogue({ id: 1, hash: 'h', createdAt: new Date() }, content);

describe('suppression', () => {
  it('withholds fewer than 5 organisations', () => {
    expect(MIN_ORGS).toBe(5);
    expect(isSmall(4)).toBe(true);
    expect(isSmall(5)).toBe(false);
    expect(figure(4, 9, { compliant: 9, non_compliant: 0, not_applicable: 0, unsure: 0 })).toEqual({
      organisations: null,
      assessments: null,
      counts: null,
      complianceRate: null,
      gaps: null,
      suppressed: true,
    });
    expect(figure(5, 5, { compliant: 3, non_compliant: 1, not_applicable: 1, unsure: 0 })).toMatchObject({
      organisations: 5,
      complianceRate: 0.75,
      gaps: 1,
      suppressed: false,
    });
  });

  it('withholds a second row when only one row of a breakdown is withheld', () => {
    const rows = [
      { key: 'a', organisations: 3, suppressed: true },
      { key: 'b', organisations: 9, suppressed: false },
      { key: 'c', organisations: 6, suppressed: false },
    ];
    expect(secondarySuppress(rows).map((r) => r.suppressed)).toEqual([true, false, true]);
    const two = [
      { key: 'a', organisations: 3, suppressed: true },
      { key: 'b', organisations: 2, suppressed: true },
      { key: 'c', organisations: 6, suppressed: false },
    ];
    expect(secondarySuppress(two).map((r) => r.suppressed)).toEqual([true, true, false]);
  });

  it('computes the compliance rate without not-applicable answers', () => {
    expect(rate({ compliant: 2, non_compliant: 1, not_applicable: 5, unsure: 1 })).toBe(0.5);
    expect(rate({ compliant: 0, non_compliant: 0, not_applicable: 3, unsure: 0 })).toBeNull();
  });
});

describe('applicability masks', () => {
  it('follows appliesTo like applicableItems', () => {
    const employees = tagMask(catalogue, ['employees']);
    expect(employees).toBe(1);
    expect(applies(itemMask(catalogue, undefined), 0)).toBe(true);
    expect(applies(itemMask(catalogue, ['employees']), 0)).toBe(false);
    expect(applies(itemMask(catalogue, ['employees']), employees)).toBe(true);
    expect(applies(itemMask(catalogue, ['nonexistent']), employees)).toBe(false);
    expect(domainMask(catalogue, 'XF')).toBe(0); // XF-001 applies to all
    expect(domainMask(catalogue, 'LD')).toBe(1);
  });
});

describe('monthOf', () => {
  it('uses China time', () => {
    expect(monthOf(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01');
    expect(monthOf(new Date('2026-01-31T15:30:00Z'))).toBe('2026-01-01');
  });
});

describe('demo data', () => {
  it('makes valid, distinct credit codes', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = demoCreditCode(3, i * 97);
      expect(validateCreditCode(code).ok).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('fails high-frequency items far more often', () => {
    for (const code of ['AQ-001', 'XF-010', 'LD-003']) {
      expect(failureRate(code, true)).toBeGreaterThanOrEqual(0.15);
      expect(failureRate(code, false)).toBeLessThan(0.12);
    }
    const r = prng(1);
    expect(r()).toBe(prng(1)());
  });
});

describe('charts', () => {
  it('escape labels and draw withheld values without a bar', () => {
    const svg = barChart('图 <1>', [
      { label: '<script>', value: null, text: '<5' },
      { label: 'b', value: 0.5, text: '50.0%' },
    ]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;5');
    expect(svg.match(/class="chart-bar"/g)?.length).toBe(1);
    expect(
      lineChart('t', [
        { label: '2026-01', value: 3 },
        { label: '2026-02', value: null },
      ]),
    ).toContain('chart-dot-withheld');
    expect(heatMap('h', ['杨舍镇'], [{ label: 'XF', cells: [{ value: 0.95, text: '95.0%' }] }])).toContain('heat-5');
    expect(heatClass(null)).toBe('heat-na');
  });

  it('cuts a label too long for its column, keeping the whole text as its tooltip', () => {
    expect(fitLabel('XF 消防安全', 160)).toBe('XF 消防安全');
    const cut = fitLabel('AQ 安全生产（含应急预案、事故报告）', 160);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('AQ 安全生产')).toBe(true);
    expect(cut.length).toBeLessThan('AQ 安全生产（含应急预案、事故报告）'.length);
    const svg = barChart('t', [{ label: 'AQ 安全生产（含应急预案、事故报告）', value: 0.7, text: '70.0%' }]);
    expect(svg).toContain(
      `<title>AQ 安全生产（含应急预案、事故报告）</title><text x="164" y="20" text-anchor="end" class="chart-label">${cut}</text>`,
    );
  });
});
