import { Catalogue } from '../../server/catalogue/catalogue';
import { queryTerms } from '../../server/lib/query-terms';
import { canonicalJson } from '../../server/lib/canonical-json';
import { contentHash } from '../../server/catalogue/version-import';
import { fixtureContent, fixtureItem } from '../support/fixtures';

const content = fixtureContent([
  fixtureItem('XF-001', { title: '消防设施、器材未保持完好有效', illegal: '灭火器过期或压力不足。' }),
  fixtureItem('XF-002', {
    title: '占用、堵塞疏散通道',
    question: '疏散通道是否畅通？',
    illegal: '在疏散通道乱堆货物，用铁链锁闭安全出口。',
    guidance: ['每日巡查疏散通道并记录。', '安全出口不得上锁。'],
  }),
]);
const catalogue = new Catalogue({ id: 1, hash: contentHash(content), createdAt: new Date() }, content);

describe('catalogue search', () => {
  it('finds Chinese words by segmentation, wherever they occur', () => {
    expect(catalogue.search('过期或压力').map((h) => h.code)).toEqual(['XF-001']);
    expect(catalogue.search('灭火器').map((h) => h.code)).toEqual(['XF-001', 'XF-002']);
  });

  it('ranks a title match above a match in the body', () => {
    const hits = catalogue.search('疏散通道');
    expect(hits[0].code).toBe('XF-002');
  });

  it('finds an item by its code, case-insensitively', () => {
    expect(catalogue.search('xf-002')[0]).toMatchObject({ code: 'XF-002', domain: 'XF' });
  });

  it('ranks by term coverage instead of requiring every term', () => {
    // No item has both terms; each item has one, and both are found.
    expect(
      catalogue
        .search('疏散通道 压力不足')
        .map((h) => h.code)
        .sort(),
    ).toEqual(['XF-001', 'XF-002']);
    expect(catalogue.search('疏散 货物').map((h) => h.code)).toEqual(['XF-002']);
  });

  it('falls back to character bigrams for a word the dictionary lacks', () => {
    // 乱堆 is no dictionary word (jieba's HMM makes it up), so no word of the index matches it.
    expect(catalogue.search('乱堆').map((h) => h.code)).toEqual(['XF-002']);
    expect(catalogue.find('乱堆').terms).toEqual(['乱堆']);
  });

  it('returns a snippet of 什么是违法 that contains the term', () => {
    const hit = catalogue.search('压力不足')[0];
    expect(hit.snippet).toBe('灭火器过期或压力不足。');
  });

  it('returns nothing for a blank query', () => {
    expect(catalogue.search('   ')).toEqual([]);
    expect(queryTerms('  a  b a ')).toEqual(['a', 'b']);
  });
});

describe('catalogue lookups', () => {
  it('finds domains and items by code in any case', () => {
    expect(catalogue.domain('xf')?.name).toBe('消防安全');
    expect(catalogue.item('xf-001')?.domain.code).toBe('XF');
    expect(catalogue.item('XF-999')).toBeUndefined();
  });

  it('counts high-frequency items and items with relief per domain', () => {
    const c = fixtureContent([
      fixtureItem('XF-001', {
        frequency: 'high',
        cases: [{ title: '例（示例）', facts: '事实', outcome: '结果', lesson: '启示', illustrative: true }],
      }),
      fixtureItem('XF-002', {
        leniency: [
          { kind: 'first-violation', conditions: ['初次违法'], basis: '中华人民共和国行政处罚法 第三十三条第一款' },
        ],
      }),
    ]);
    const cat = new Catalogue({ id: 2, hash: contentHash(c), createdAt: new Date() }, c);
    expect(cat.domainSummaries()[0]).toMatchObject({ itemCount: 2, highCount: 1, leniencyCount: 1 });
  });
});

describe('content hash', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('changes when any text changes', () => {
    const changed = fixtureContent([fixtureItem('XF-001', { title: '另一个标题' })]);
    expect(contentHash(changed)).not.toBe(contentHash(fixtureContent()));
  });
});
