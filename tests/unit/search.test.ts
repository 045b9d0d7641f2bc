import { Catalogue } from '../../server/catalogue/catalogue';
import { markTerms, snippetOf } from '../../server/catalogue/search/snippet';
import type { ChecklistContent, Item } from '../../server/domain/checklist';
import { contentHash } from '../../server/catalogue/version-import';
import { fixtureContent, fixtureItem } from '../support/fixtures';

function catalogueOf(content: ChecklistContent): Catalogue {
  return new Catalogue({ id: 1, hash: contentHash(content), createdAt: new Date() }, content);
}

const exits = fixtureItem('XF-002', {
  title: '占用、堵塞、封闭疏散通道、安全出口',
  question: '疏散通道、安全出口是否保持畅通？',
  illegal: '在疏散通道堆放货物，或者营业期间锁闭安全出口。',
});
const charging = fixtureItem('XF-010', {
  title: '在楼梯间停放电动自行车或者为电动自行车充电',
  question: '是否禁止在楼梯间停放电动自行车、为其充电？',
  illegal: '在高层民用建筑的楼梯间、疏散走道停放电动自行车，或者飞线为电动自行车充电。',
  keywords: ['电瓶车', '楼道充电', '飞线充电', '电动车停放'],
});

describe('search: segmentation, synonyms, ranking', () => {
  const withSynonyms = catalogueOf({
    ...fixtureContent([exits, charging]),
    synonyms: [
      { terms: ['消防通道'], means: ['疏散通道', '消防车通道'] },
      { terms: ['电驴'], means: ['电动自行车'] },
    ],
  });

  it('applies synonyms.yaml to the query: an everyday word finds the legal term', () => {
    expect(withSynonyms.search('消防通道堆了东西')[0].code).toBe('XF-002');
    expect(withSynonyms.search('电驴')[0].code).toBe('XF-010');
  });

  it('finds an item by its everyday phrasings (keywords)', () => {
    expect(withSynonyms.search('电瓶车').map((h) => h.code)).toEqual(['XF-010']);
  });

  it('keeps terms of the checklist whole: a keyword is one word, not its characters', () => {
    const terms = withSynonyms.find('飞线充电').terms;
    expect(terms).toContain('飞线充电');
  });

  it('gives the domain facets and the total, and filters by domain', () => {
    const content = fixtureContent(
      [exits],
      [
        {
          code: 'AQ',
          position: 1,
          name: '安全生产',
          nameEn: 'Work safety',
          department: '应急管理局',
          summary: '测试',
          items: [fixtureItem('AQ-001', { title: '安全出口未设置警示标志', illegal: '安全出口没有标志。' })],
        },
      ],
    );
    const c = catalogueOf(content);
    const all = c.find('安全出口');
    expect(all.total).toBe(2);
    expect(all.facets).toEqual([
      { code: 'XF', count: 1 },
      { code: 'AQ', count: 1 },
    ]);
    const aq = c.find('安全出口', { domain: 'aq' });
    expect(aq.total).toBe(1);
    expect(aq.hits.map((h) => h.code)).toEqual(['AQ-001']);
    expect(aq.facets).toEqual(all.facets);
  });

  it('pages with limit and offset', () => {
    const items: Item[] = [1, 2, 3, 4].map((n) => fixtureItem(`XF-00${n}`, { title: `灭火器问题${n}` }));
    const c = catalogueOf(fixtureContent(items));
    const first = c.find('灭火器', { limit: 2 });
    const second = c.find('灭火器', { limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    expect([...first.hits, ...second.hits].map((h) => h.code).sort()).toEqual(['XF-001', 'XF-002', 'XF-003', 'XF-004']);
  });

  it('boosts a high-frequency item a little when all else is equal', () => {
    const high = fixtureItem('XF-002', {
      title: '灭火器问题',
      frequency: 'high',
      cases: [{ title: '例（示例）', facts: '事实', outcome: '结果', lesson: '启示', illustrative: true }],
    });
    const c = catalogueOf(fixtureContent([fixtureItem('XF-001', { title: '灭火器问题' }), high]));
    expect(c.search('灭火器').map((h) => h.code)).toEqual(['XF-002', 'XF-001']);
  });

  it('matches item codes and code prefixes exactly, ahead of everything else', () => {
    expect(withSynonyms.search('xf-010')[0].code).toBe('XF-010');
    expect(
      withSynonyms
        .search('XF-0')
        .map((h) => h.code)
        .sort(),
    ).toEqual(['XF-002', 'XF-010']);
  });

  it('finds items citing a law by its short name', () => {
    // The fixture items cite 中华人民共和国消防法.
    expect(withSynonyms.search('消防法').length).toBe(2);
  });

  it('finds nothing, and says so, for words the checklist does not know', () => {
    const r = withSynonyms.find('宇宙飞船');
    expect(r.total).toBe(0);
    expect(r.weak).toBe(true);
  });

  it('suggests everyday phrasings close to a query that finds nothing good', () => {
    const r = withSynonyms.find('飞线冲电');
    expect(r.suggestions).toContain('飞线充电');
  });
});

describe('search snippets and highlighting', () => {
  it('cuts a one-line snippet around the first matched term', () => {
    const text = `${'前'.repeat(80)}疏散通道${'后'.repeat(80)}`;
    const s = snippetOf(text, ['疏散通道']);
    expect(s).toContain('疏散通道');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(Array.from(s).length).toBeLessThanOrEqual(66);
  });

  it('marks terms and escapes everything else', () => {
    expect(markTerms('<b>疏散通道</b>与通道', ['疏散通道', '通道'])).toBe(
      '&lt;b&gt;<mark>疏散通道</mark>&lt;/b&gt;与<mark>通道</mark>',
    );
  });
});
