// The 免罚轻罚 entries must say what the law says (issue 17): the kind, the label a page shows
// and the note's wording agree; relief resting on 行政处罚法第三十三条第一款 without a published
// list is shown as the enforcer's call; statutory exemptions cite the exempting article; every
// `source` names a list recorded in the reference material (or a verified page), or is flagged.
import request from 'supertest';
import { leniencyDisplay, leniencyTextZh } from '../../server/catalogue/leniency-label';
import { loadChecklists } from '../../server/catalogue/load';
import type { Item, Leniency } from '../../server/domain/checklist';
import { messages, translateAny as translate } from '../../server/i18n';
import { checklistsDir, startTestApp, type TestApp } from '../support/app';

const content = loadChecklists(checklistsDir).content;
const items: readonly Item[] = content?.domains.flatMap((d) => d.items) ?? [];
const entries = items.flatMap((item) => item.leniency.map((l, i) => ({ item, l, at: `${item.code}.leniency[${i}]` })));

const PENALTY_LAW = '行政处罚法';
const zh = (key: string, params?: Record<string, string>): string => translate('zh-CN', key, params);

/** Certain relief: the law says 不予 / 免予 without 可以. */
function isMandatory(l: Leniency): boolean {
  return (l.kind === 'no-penalty' || l.kind === 'statutory-exemption') && l.discretionary !== true;
}

// Provisions in which the law itself exempts, with the words that do it (checked against
// /work/shared/reference/laws when this list was written).
const EXEMPTING_ARTICLES: ReadonlyArray<{ basis: string; words: string; discretionary: boolean }> = [
  { basis: '中华人民共和国食品安全法 第一百三十六条', words: '可以免予处罚', discretionary: true },
  { basis: '中华人民共和国商标法 第六十条第二款', words: '责令停止销售', discretionary: false },
  { basis: '中华人民共和国专利法实施细则 第一百零一条第三款', words: '责令停止销售', discretionary: false },
  { basis: '中华人民共和国产品质量法 第六十二条', words: '责令停止使用', discretionary: false },
];

// Every published list a `source` may name, where the project recorded or verified it, and
// whether it applies in Jiangsu. `flag`: the list could not be identified well enough, so an
// item using it must be reviewNeeded.
interface KnownList {
  readonly name: string;
  readonly recordedIn: string;
  readonly scope: 'national' | 'jiangsu' | 'elsewhere';
  readonly flag?: true;
}
const KNOWN_LISTS: readonly KnownList[] = [
  {
    name: '江苏省应急管理轻微违法行为不予行政处罚清单（试行）',
    recordedIn: 'research-notes.md §2.4',
    scope: 'jiangsu',
  },
  {
    name: '江苏省市场监管领域轻微违法行为不予处罚和从轻减轻处罚规定（苏市监规〔2024〕7号）',
    recordedIn: 'research-notes.md §2.3',
    scope: 'jiangsu',
  },
  {
    name: '江苏省劳动保障轻微违法行为不予处罚清单（第一版）',
    recordedIn: 'research-notes.md §2.5; http://ghisc.com/article/112861.html',
    scope: 'jiangsu',
  },
  {
    name: '市场监管总局《市场监管行政违法行为首违不罚清单（一）》（国市监法〔2025〕10号）',
    recordedIn: 'research-notes.md §2.3',
    scope: 'national',
  },
  {
    name: '市场监管总局《市场监管轻微行政违法行为不予处罚清单（一）》（国市监法〔2025〕10号）',
    recordedIn: 'research-notes.md §2.3; http://xuanhonglaw.cn/redian/1716.html',
    scope: 'national',
  },
  {
    name: '税务行政处罚"首违不罚"事项清单（国家税务总局公告2021年第6号）',
    recordedIn: 'research-notes.md §2.1',
    scope: 'national',
  },
  {
    name: '第二批税务行政处罚"首违不罚"事项清单（国家税务总局公告2021年第33号）',
    recordedIn: 'research-notes.md §2.1',
    scope: 'national',
  },
  {
    name: '江门市生态环境依法不予行政处罚的轻微环境违法行为清单',
    recordedIn: 'leniency-lists/jiangmen-environment-no-penalty-2022.md',
    scope: 'elsewhere',
  },
  {
    name: '消防领域轻微违法行为包容免罚清单（河北省保定市满城区）',
    recordedIn: 'research-notes.md §2.7',
    scope: 'elsewhere',
  },
  {
    name: '白山市卫健委"首违不罚"事项',
    recordedIn: 'http://www.cbs.gov.cn/zw/ztzl/bssbjxzfxxgs/xzzfbm/xzxfswjw/sqgs14/202312/t20231211_794478.html',
    scope: 'elsewhere',
  },
  {
    name: '古蔺县卫生健康局行政处罚五张清单（不予处罚清单）',
    recordedIn: 'https://www.gulin.gov.cn/zt/fzzfjs/hzzfjd/content_99403',
    scope: 'elsewhere',
  },
  {
    name: '中山市卫生健康领域轻微违法行为不予行政处罚清单',
    recordedIn: 'http://law.foodmate.net/show-212662.html',
    scope: 'elsewhere',
  },
  {
    name: '交通运输领域轻微违法行为依法免予处罚高频事项清单',
    recordedIn: 'research-notes.md §2.7 (issuer unknown)',
    scope: 'elsewhere',
    flag: true,
  },
];
const listOf = (source: string): KnownList | undefined => KNOWN_LISTS.find((k) => source.startsWith(k.name));

describe('免罚轻罚 entries say what the law says', () => {
  it('loads the checklist', () => {
    expect(items.length).toBeGreaterThanOrEqual(319);
  });

  it('never pairs a note saying 可以不予 / 可以免予 with a mandatory kind', () => {
    const bad = entries
      .filter(({ l }) => isMandatory(l) && /可以(依法)?(不予|免予)/.test(l.note ?? ''))
      .map(({ at }) => at);
    expect(bad).toEqual([]);
  });

  it('shows a no-penalty without a published list as discretion or as the article’s own order-first rule', () => {
    const bad = entries
      .filter(({ l }) => l.kind === 'no-penalty' && !l.source && !l.discretionary && !l.correctionFirst)
      .map(({ at }) => at);
    expect(bad).toEqual([]);
  });

  it('gives a no-penalty resting on an out-of-province list the discretionary label', () => {
    const bad = entries
      .filter(({ l }) => l.kind === 'no-penalty' && l.source && listOf(l.source)?.scope === 'elsewhere')
      .filter(({ l }) => !l.discretionary)
      .map(({ at }) => at);
    expect(bad).toEqual([]);
  });

  it('never lets a discretionary 轻微不罚 note promise 依法不予处罚', () => {
    const bad = entries
      .filter(({ l }) => l.kind === 'no-penalty' && l.discretionary && /依法不予(行政)?处罚/.test(l.note ?? ''))
      .map(({ at }) => at);
    expect(bad).toEqual([]);
  });

  it('names the penalty article, not 行政处罚法, as the basis of an order-first no-penalty', () => {
    const bad = entries
      .filter(({ l }) => l.correctionFirst)
      .filter(({ item, l }) => {
        const first = l.basis.split(/[；;]/)[0] ?? '';
        const cited = item.penalty.some(
          (p) => first.includes(p.law) && first.includes(p.article.replace(/第.+项$/, '')),
        );
        return first.includes(PENALTY_LAW) || !cited;
      })
      .map(({ at, l }) => `${at}: ${l.basis}`);
    expect(bad).toEqual([]);
  });

  it('cites the exempting article for every statutory exemption, 可以 ones as discretionary', () => {
    const bad = entries
      .filter(({ l }) => l.kind === 'statutory-exemption')
      .filter(({ l }) => {
        const art = EXEMPTING_ARTICLES.find((a) => l.basis.startsWith(a.basis));
        return !art || art.discretionary !== (l.discretionary === true) || l.basis.includes(PENALTY_LAW);
      })
      .map(({ at, l }) => `${at}: ${l.basis}`);
    expect(bad).toEqual([]);
  });

  it('marks the statutory exemptions the issue names', () => {
    const kindOf = (code: string): string[] => items.find((i) => i.code === code)?.leniency.map((l) => l.kind) ?? [];
    for (const code of ['SP-013', 'SP-014', 'JZ-005', 'JZ-008', 'ZL-017'])
      expect(kindOf(code)).toContain('statutory-exemption');
  });

  it('says what follows an ignored order on every item without an administrative fine', () => {
    const noFine = entries.filter(({ l }) => l.kind === 'no-fine');
    expect(noFine.map(({ item }) => item.code)).toEqual(
      expect.arrayContaining(['LD-001', 'LD-005', 'LD-006', 'GZ-001', 'GZ-002', 'GZ-003', 'GZ-004']),
    );
    const bad = noFine
      .filter(
        ({ item, l }) =>
          !l.ifIgnored ||
          item.penalty.some((p) => (p.consequences ?? []).includes('fine') && !p.text.includes('出版物')),
      )
      .map(({ at }) => at);
    expect(bad).toEqual([]);
  });

  it('every source names a recorded list, says so when it is out-of-province, and flags what cannot be identified', () => {
    const bad: string[] = [];
    for (const { item, l, at } of entries) {
      if (!l.source) continue;
      const list = listOf(l.source);
      if (!list) bad.push(`${at}: unknown list ${l.source}`);
      else if (list.scope === 'elsewhere' && !/外省|外地/.test(l.source)) bad.push(`${at}: out-of-province, not said`);
      else if (list.flag && item.reviewNeeded !== true) bad.push(`${at}: unidentified list, not flagged`);
    }
    expect(bad).toEqual([]);
  });

  it('labels each kind from the message table, with the caveat the kind needs', () => {
    const bad: string[] = [];
    for (const { l, at } of entries) {
      const d = leniencyDisplay(l);
      const { label, caveat } = leniencyTextZh(l, zh);
      if (!(d.labelKey in messages)) bad.push(`${at}: no message ${d.labelKey}`);
      if (d.caveatKey && !(d.caveatKey in messages)) bad.push(`${at}: no message ${d.caveatKey}`);
      if (
        l.kind === 'no-penalty' &&
        l.discretionary &&
        caveat !== '可能适用：行政处罚法第三十三条第一款，由执法部门个案认定'
      )
        bad.push(`${at}: discretionary caveat missing`);
      if (l.kind === 'no-fine' && !caveat?.startsWith('本项没有行政罚款；逾期不改的后果是'))
        bad.push(`${at}: no-fine caveat`);
      if (
        l.kind === 'statutory-exemption' &&
        !label.startsWith(l.discretionary ? '法定可以免予处罚：' : '法定免予处罚：')
      )
        bad.push(`${at}: statutory label ${label}`);
      if (d.relief === (l.kind === 'none' || l.kind === 'no-fine')) bad.push(`${at}: relief flag`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps 高频 to at most a third of the items and off the obscure ones', () => {
    const high = items.filter((i) => i.frequency === 'high');
    expect(high.length).toBeLessThanOrEqual(Math.floor(items.length / 3));
    const obscure = ['JZ-020', 'JZ-021', 'XB-013', 'SW-018', 'JT-023', 'JT-024'];
    expect(high.map((i) => i.code).filter((c) => obscure.includes(c))).toEqual([]);
  });
});

describe('item pages show the new labels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const page = async (code: string): Promise<string> => {
    const res = await request(t.app).get(`/items/${code}`).expect(200);
    return res.text;
  };

  it('GZ-006 (fines only after an ignored order) no longer says 不适用免罚', async () => {
    const html = await page('GZ-006');
    expect(html).toContain('按期改正不罚款');
    expect(html).not.toContain('不适用免罚');
  });

  it('XF-001 shows 轻微不罚 as the enforcer’s call', async () => {
    const html = await page('XF-001');
    expect(html).toContain('可能适用轻微不罚');
    expect(html).toContain('可能适用：行政处罚法第三十三条第一款，由执法部门个案认定');
  });

  it('LD-001 says there is no administrative fine and what follows', async () => {
    const html = await page('LD-001');
    expect(html).toContain('本项没有行政罚款；逾期不改的后果是：自用工满一个月的次日起每月向劳动者支付二倍工资');
    expect(html).not.toContain('不适用免罚');
  });

  it('JZ-005 names the statutory exemption with its condition', async () => {
    expect((await page('JZ-005')).replace(/<[^>]+>/g, '')).toContain('法定免予处罚：不知道所售商品侵犯注册商标专用权');
  });
});
