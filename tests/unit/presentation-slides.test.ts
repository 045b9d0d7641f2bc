// Slide layout: long text is split across columns and slides, never lost or shrunk.
import {
  blockLines,
  buildSlides,
  columnBudget,
  LAYOUT,
  packSections,
  splitBlock,
  textWidth,
  type PlacedSection,
  type Section,
} from '../../server/presentation/slides';
import { fixtureItem } from '../support/fixtures';
import { realChecklists } from '../support/app';

const columnLines = (column: readonly PlacedSection[]): number =>
  column.reduce((n, s) => n + LAYOUT.headingLines + s.blocks.reduce((m, b) => m + blockLines(b), 0), 0);

describe('textWidth', () => {
  it('counts Chinese as one cell and Latin letters and digits as about half', () => {
    expect(textWidth('安全生产')).toBe(4);
    expect(textWidth('AQ-001')).toBeCloseTo(3.3);
  });
});

describe('splitBlock', () => {
  it('splits a quote taller than a column at sentence ends, keeping every character', () => {
    const text = '生产经营单位应当建立安全生产教育和培训档案。'.repeat(30);
    const parts = splitBlock({ style: 'quote', text }, 10);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const p of parts) expect(blockLines(p)).toBeLessThanOrEqual(10);
    expect(parts[0].text.endsWith('。')).toBe(true);
  });

  it('splits a sentence with no stop by length', () => {
    const text = '无标点'.repeat(200);
    const parts = splitBlock({ style: 'para', text }, 6);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const p of parts) expect(blockLines(p)).toBeLessThanOrEqual(6);
  });
});

describe('packSections', () => {
  const long: Section[] = [
    { headingKey: 'item.illegal', blocks: [{ style: 'para', text: '违法行为的具体表现，'.repeat(40) }] },
    {
      headingKey: 'item.guidance',
      blocks: Array.from({ length: 12 }, (_, i) => ({
        style: 'point' as const,
        text: `第${i + 1}步：建立台账并每月检查一次，发现问题当月整改。`,
      })),
    },
  ];

  it('never fills a column beyond its budget and repeats a heading that goes on', () => {
    const pages = packSections(long, 16);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(LAYOUT.columns);
      for (const column of page) expect(columnLines(column)).toBeLessThanOrEqual(16);
    }
    const all = pages.flat(2);
    expect(all.filter((s) => s.headingKey === 'item.guidance' && !s.continued)).toHaveLength(1);
    expect(all.some((s) => s.continued)).toBe(true);
  });

  it('keeps the text and its order', () => {
    const flat = packSections(long, 16)
      .flat(2)
      .flatMap((s) => s.blocks.map((b) => b.text))
      .join('');
    expect(flat).toBe(long.flatMap((s) => s.blocks.map((b) => b.text)).join(''));
  });
});

describe('columnBudget', () => {
  it('leaves fewer lines under a two-line title', () => {
    expect(columnBudget('短标题')).toBe(LAYOUT.linesPerColumn);
    expect(columnBudget('很长的标题'.repeat(10))).toBeLessThan(LAYOUT.linesPerColumn);
  });
});

describe('buildSlides', () => {
  it('orders title, item slides, its case slides, closing', () => {
    const item = fixtureItem('XF-001', {
      cases: [
        { title: '某餐馆灭火器过期（示例）', facts: '事实。', outcome: '结果。', lesson: '启示。', illustrative: true },
      ],
    });
    const slides = buildSlides([
      { item, domainCode: 'XF', lecturerNote: '先问听众' },
      { item: fixtureItem('XF-002'), domainCode: 'XF' },
    ]);
    expect(slides.map((s) => s.id)).toEqual(['title', 'XF-001', 'XF-001-case1', 'XF-002', 'end']);
    const first = slides[1];
    expect(first.kind === 'item' && first.notes).toEqual({
      evidence: item.evidence,
      cases: ['某餐馆灭火器过期（示例）'],
      guidance: item.guidance,
      lecturerNote: '先问听众',
    });
  });

  it('splits every long item of the real checklist within budget, none beyond three slides', () => {
    const entries = realChecklists().domains.flatMap((d) => d.items.map((item) => ({ item, domainCode: d.code })));
    const slides = buildSlides(entries);
    const perItem = new Map<string, number>();
    for (const s of slides) {
      if (s.kind !== 'item') continue;
      perItem.set(s.code, (perItem.get(s.code) ?? 0) + 1);
      for (const column of s.columns) expect(columnLines(column)).toBeLessThanOrEqual(columnBudget(s.title) + 0.001);
    }
    expect(perItem.size).toBe(entries.length);
    expect(Math.max(...perItem.values())).toBeLessThanOrEqual(3);
  });
});

describe('keeping a citation with its quote', () => {
  it('moves a citation that would end a column to the next one', () => {
    const filler = { style: 'para' as const, text: '填充'.repeat(12 * 11) };
    const sections: Section[] = [
      { headingKey: 'item.illegal', blocks: [filler] },
      {
        headingKey: 'item.basis',
        blocks: [
          { style: 'cite', text: '《中华人民共和国消防法》第十六条' },
          { style: 'quote', text: '机关、团体、企业、事业等单位应当履行下列消防安全职责。'.repeat(3) },
        ],
      },
    ];
    for (const column of packSections(sections, 16).flat()) {
      for (const s of column) {
        const last = s.blocks[s.blocks.length - 1];
        expect(last.style).not.toBe('cite');
      }
    }
  });
});
