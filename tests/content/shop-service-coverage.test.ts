// Issue 17 (coverage): the violations small shops and services get fined for are in the checklist,
// each under the penalty article that fines it, selected by a profile tag the firms concerned
// answer 是 to, and asked in the quick check of the trade that commits it.
import { loadChecklists } from '../../server/catalogue/load';
import type { Item } from '../../server/domain/checklist';
import { checklistsDir } from '../support/app';

const content = loadChecklists(checklistsDir).content;
const domains = content?.domains ?? [];
const tags = new Set((content?.profile.questions ?? []).map((q) => q.tag));

interface Violation {
  readonly what: string;
  readonly domain: string;
  readonly law: string;
  readonly article: string;
  readonly tag: string;
  /** Scenes whose quick check must ask it; [] where no scene covers the trade. */
  readonly quickIn: readonly string[];
}

const VIOLATIONS: readonly Violation[] = [
  {
    what: '向未成年人销售烟酒、未设不销售标志',
    domain: 'XB',
    law: '中华人民共和国未成年人保护法',
    article: '第一百二十三条',
    tag: 'tobacco_alcohol',
    quickIn: ['convenience-store'],
  },
  {
    what: '网吧接纳未成年人',
    domain: 'XB',
    law: '互联网上网服务营业场所管理条例',
    article: '第三十一条',
    tag: 'internet_cafe',
    quickIn: [],
  },
  {
    what: '无烟草专卖零售许可证卖烟',
    domain: 'DJ',
    law: '中华人民共和国烟草专卖法实施条例',
    article: '第五十七条',
    tag: 'tobacco_alcohol',
    quickIn: ['convenience-store'],
  },
  {
    what: '卷烟不从当地烟草公司进货',
    domain: 'DJ',
    law: '中华人民共和国烟草专卖法实施条例',
    article: '第五十六条',
    tag: 'tobacco_alcohol',
    quickIn: [],
  },
  {
    what: '旅馆不登记住宿旅客身份',
    domain: 'DJ',
    law: '中华人民共和国反恐怖主义法',
    article: '第八十六条第二款',
    tag: 'accommodation',
    quickIn: ['hotel'],
  },
  {
    what: '统计调查对象迟报拒报',
    domain: 'DJ',
    law: '中华人民共和国统计法',
    article: '第四十五条',
    tag: 'statistics_survey',
    quickIn: [],
  },
  {
    what: '公共场所无卫生许可证',
    domain: 'ZY',
    law: '公共场所卫生管理条例',
    article: '第十四条第四项',
    tag: 'hygiene_venue',
    quickIn: ['hotel', 'beauty-salon'],
  },
  {
    what: '公共场所从业人员无健康合格证',
    domain: 'ZY',
    law: '公共场所卫生管理条例',
    article: '第十四条第二项',
    tag: 'hygiene_venue',
    quickIn: ['hotel', 'beauty-salon'],
  },
  {
    what: '公共场所卫生质量不合格仍营业（用具不消毒）',
    domain: 'ZY',
    law: '公共场所卫生管理条例',
    article: '第十四条第一项',
    tag: 'hygiene_venue',
    quickIn: [],
  },
  {
    what: '药店无处方销售处方药、执业药师不在岗',
    domain: 'SP',
    law: '中华人民共和国药品管理法',
    article: '第一百二十六条',
    tag: 'pharmacy',
    quickIn: [],
  },
  {
    what: '美容院使用未备案化妆品',
    domain: 'SP',
    law: '化妆品监督管理条例',
    article: '第六十一条第一款第一项',
    tag: 'cosmetics',
    quickIn: ['beauty-salon'],
  },
];

const itemFor = (v: Violation): Item | undefined =>
  domains
    .find((d) => d.code === v.domain)
    ?.items.find((i) => i.penalty.some((p) => p.law === v.law && p.article === v.article));

describe('violations small shops and services get fined for (issue 17)', () => {
  it.each(VIOLATIONS.map((v) => [v.what, v] as const))('%s: an item fined under its penalty article', (_, v) => {
    const item = itemFor(v);
    expect(item?.code).toMatch(new RegExp(`^${v.domain}-`));
    expect(item?.appliesTo).toContain(v.tag);
    expect(tags.has(v.tag)).toBe(true);
    for (const id of v.quickIn) expect(content?.scenes.find((s) => s.id === id)?.quick).toContain(item?.code);
  });

  it('keeps every touched domain at most a third high-frequency', () => {
    const over = domains
      .filter((d) => ['XB', 'DJ', 'ZY', 'SP'].includes(d.code))
      .filter((d) => d.items.filter((i) => i.frequency === 'high').length * 3 > d.items.length)
      .map((d) => d.code);
    expect(over).toEqual([]);
  });
});
