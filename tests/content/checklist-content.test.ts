// Guards the real checklist so it cannot silently shrink or lose fields.
import { loadChecklists, formatProblem } from '../../server/catalogue/load';
import type { Item } from '../../server/domain/checklist';
import { checklistsDir } from '../support/app';

const result = loadChecklists(checklistsDir);
const content = result.content;

const DOMAINS: ReadonlyArray<[string, string]> = [
  ['AQ', '安全生产（含应急预案、事故报告）'],
  ['WH', '危险化学品'],
  ['XF', '消防安全'],
  ['TZ', '特种设备安全'],
  ['SP', '食品、药品与化妆品安全'],
  ['ZL', '产品质量与计量'],
  ['GG', '广告与价格'],
  ['JZ', '公平竞争与知识产权'],
  ['XB', '消费者权益、电子商务与未成年人保护'],
  ['DJ', '登记注册、行业许可与信用公示'],
  ['LD', '劳动用工'],
  ['GZ', '工资支付（含农民工工资）'],
  ['SB', '社会保险与住房公积金'],
  ['ZY', '职业卫生与公共场所卫生'],
  ['SW', '税务与发票'],
  ['HJ', '大气、水与噪声污染防治'],
  ['GF', '固体废物与危险废物'],
  ['HP', '环评与排污许可'],
  ['JS', '建设工程与规划用地'],
  ['CG', '城市管理与市容环卫'],
  ['JT', '交通运输与邮政快递'],
];

const allItems = (): Item[] => content?.domains.flatMap((d) => d.items) ?? [];
const filled = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

describe('the checklist in checklists/', () => {
  it('passes the schema and cross-file checks', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('has the 21 domains in their fixed order, codes and names', () => {
    expect(content?.domains.map((d) => [d.code, d.name])).toEqual(DOMAINS);
  });

  it('has at least 15 items in every domain', () => {
    const small = content?.domains.filter((d) => d.items.length < 15).map((d) => `${d.code}: ${d.items.length}`);
    expect(small).toEqual([]);
  });

  it('has at least 319 items in all', () => {
    expect(allItems().length).toBeGreaterThanOrEqual(319);
  });

  it('fills every required field of every item', () => {
    const gaps: string[] = [];
    for (const item of allItems()) {
      for (const field of ['title', 'question', 'illegal'] as const)
        if (!filled(item[field])) gaps.push(`${item.code}.${field}`);
      item.basis.forEach((b, i) => {
        if (!filled(b.law) || !filled(b.article) || !filled(b.text)) gaps.push(`${item.code}.basis[${i}]`);
      });
      item.penalty.forEach((p, i) => {
        if (!filled(p.text) || !filled(p.summary)) gaps.push(`${item.code}.penalty[${i}]`);
      });
      if (item.guidance.filter(filled).length < 2) gaps.push(`${item.code}.guidance`);
      if (item.evidence.filter(filled).length < 1) gaps.push(`${item.code}.evidence`);
      item.leniency.forEach((l, i) => {
        // none and no-fine explain themselves in the note (no-fine also says what follows an ignored order).
        if (
          l.kind === 'none' || l.kind === 'no-fine'
            ? !filled(l.note) || (l.kind === 'no-fine' && !filled(l.ifIgnored))
            : !(l.conditions ?? []).some(filled)
        )
          gaps.push(`${item.code}.leniency[${i}]`);
      });
      if (item.reviewNeeded && !filled(item.reviewNote)) gaps.push(`${item.code}.reviewNote`);
    }
    expect(gaps).toEqual([]);
  });

  it('gives every high-frequency item a case for lecturers', () => {
    expect(
      allItems()
        .filter((i) => i.frequency === 'high' && !(i.cases ?? []).length)
        .map((i) => i.code),
    ).toEqual([]);
  });

  it('marks constructed cases as 示例', () => {
    const unmarked = allItems().flatMap((i) =>
      (i.cases ?? []).filter((c) => c.illustrative && !c.title.includes('示例')).map((c) => `${i.code}: ${c.title}`),
    );
    expect(unmarked).toEqual([]);
  });

  it('never describes the same conduct twice (no repeated titles)', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const item of allItems()) {
      const key = item.title.replace(/[\s，。、；：,.;:]/g, '');
      const other = seen.get(key);
      if (other) repeats.push(`${other} = ${item.code}: ${item.title}`);
      seen.set(key, item.code);
    }
    expect(repeats).toEqual([]);
  });

  it('numbers items within each domain without gaps', () => {
    const bad = content?.domains
      .filter((d) => d.items.some((item, i) => item.code !== `${d.code}-${String(i + 1).padStart(3, '0')}`))
      .map((d) => d.code);
    expect(bad).toEqual([]);
  });
});
