// Small, valid checklist content built in code, for tests that must not depend
// on the (growing) real checklist.
import type { ChecklistContent, Domain, Item } from '../../server/domain/checklist';

export function fixtureItem(code: string, overrides: Partial<Item> = {}): Item {
  return {
    code,
    title: `测试违法行为 ${code}`,
    keywords: ['灭火器', '消防器材', '灭火器过期', '灭火器月检'],
    question: '是否按规定配置灭火器并每月检查？',
    illegal: '未按规定配置灭火器，或灭火器过期、失效。',
    basis: [{ law: '中华人民共和国消防法', article: '第十六条', text: '按照国家标准、行业标准配置消防设施、器材' }],
    penalty: [
      {
        law: '中华人民共和国消防法',
        article: '第六十条',
        text: '责令改正，处五千元以上五万元以下罚款',
        summary: '处五千元以上五万元以下罚款',
        consequences: ['fine'],
      },
    ],
    guidance: ['每月检查一次灭火器压力并签名记录。', '每年委托维保单位检测。'],
    evidence: ['灭火器月检记录'],
    leniency: [{ kind: 'none', basis: '中华人民共和国行政处罚法 第三十三条', note: '示例：不适用。' }],
    ...overrides,
  };
}

export function fixtureContent(items: Item[] = [fixtureItem('XF-001')], extraDomains: Domain[] = []): ChecklistContent {
  return {
    profile: { questions: [{ tag: 'employees', question: '是否招用员工？', questionEn: 'Do you employ staff?' }] },
    domains: [
      {
        code: 'XF',
        position: 3,
        name: '消防安全',
        nameEn: 'Fire safety',
        department: '消防救援机构',
        summary: '单位消防安全职责的测试领域。',
        items,
      },
      ...extraDomains,
    ],
    scenes: [],
  };
}

/** A second domain for tests that need two: 劳动用工 with one item for firms that employ staff. */
export function employmentDomain(items: Item[] = [fixtureItem('LD-001', { appliesTo: ['employees'] })]): Domain {
  return {
    code: 'LD',
    position: 11,
    name: '劳动用工',
    nameEn: 'Employment',
    department: '人力资源和社会保障局',
    summary: '劳动合同订立与管理等用工合规要求。',
    items,
  };
}
