// A realistic submitted report, written out in full so renderer tests do not
// depend on the report builder or the (growing) checklist. Texts are copied
// from checklists/domains/01-aq.yaml and 03-xf.yaml.
import { createHash } from 'node:crypto';
import type { Report } from '../../server/domain/report';
import { canonicalJson } from '../../server/lib/canonical-json';

/** The note a user typed, markup and all: every format must show it as text. */
export const HOSTILE_NOTE = '3月份培训签到表有2人代签 <script>alert(1)</script>\n已安排重新培训并由本人签名。';

export const reportFixture: Report = {
  format: 'hegui-report/1',
  assessmentId: '0b9f6a52-3c1e-4d8a-9f1e-2a7c5d4e8b10',
  org: {
    name: '苏州恒信精密机械有限公司',
    creditCode: '91320594MA1XY2K3LN',
    region: '江苏省苏州市工业园区',
    industry: 'C',
    size: 'small',
  },
  // 01:30 on 27 November in Beijing: the report must say 27日, not 26日.
  submittedAt: '2026-11-26T17:30:00.000Z',
  startedAt: '2026-11-20T02:15:00.000Z',
  checklistVersion: { id: 3, hash: 'c4a1e0f2b3d4958677a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0' },
  profileTags: ['employees', 'manufacturing'],
  overall: {
    total: 9,
    counts: { compliant: 5, non_compliant: 2, not_applicable: 1, unsure: 1 },
    complianceRate: 0.625,
  },
  domains: [
    {
      code: 'AQ',
      name: '安全生产（含应急预案、事故报告）',
      nameEn: 'Work safety (emergency plans, accident reporting)',
      department: '应急管理局',
      total: 5,
      counts: { compliant: 2, non_compliant: 1, not_applicable: 1, unsure: 1 },
      complianceRate: 0.5,
    },
    {
      code: 'XF',
      name: '消防安全',
      nameEn: 'Fire safety',
      department: '消防救援机构',
      total: 4,
      counts: { compliant: 3, non_compliant: 1, not_applicable: 0, unsure: 0 },
      complianceRate: 0.75,
    },
  ],
  // Risk order, deliberately not code order: XF-001 before AQ-001.
  gaps: [
    {
      code: 'XF-001',
      domain: 'XF',
      domainName: '消防安全',
      title: '消防设施、器材或者消防安全标志的配置、设置不符合国家标准、行业标准，或者未保持完好有效',
      question: '本单位的灭火器、消火栓、应急照明、疏散指示标志等消防设施器材，是否按标准配置并保持完好有效？',
      status: 'non_compliant',
      note: '二号车间3具灭火器压力不足',
      high: true,
      illegal:
        '灭火器数量、类型、设置位置不符合标准，压力不足、过期未维修或报废；应急照明不亮、疏散指示标志缺失或指向错误。',
      basis: [
        {
          law: '中华人民共和国消防法',
          article: '第十六条第一款第二项',
          text: '机关、团体、企业、事业等单位应当履行下列消防安全职责：……（二）按照国家标准、行业标准配置消防设施、器材，设置消防安全标志，并定期组织检验、维修，确保完好有效；',
        },
      ],
      penalty: [
        {
          law: '中华人民共和国消防法',
          article: '第六十条第一款第一项',
          text: '单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款：（一）消防设施、器材或者消防安全标志的配置、设置不符合国家标准、行业标准，或者未保持完好有效的；',
          summary: '责令改正，对单位处五千元以上五万元以下罚款。',
          consequences: ['fine'],
        },
      ],
      consequences: ['fine'],
      guidance: [
        '按场所火灾危险性和面积配置灭火器，建立消防设施器材台账，写明位置、型号、数量、有效期和维修期限。',
        '每月由专人检查一次灭火器压力、铅封、外观，在检查卡上签字；发现损坏、过期的当月维修或更换。',
      ],
      evidence: ['消防设施器材台账和平面布置图', '灭火器月度检查卡、消防设施巡查记录'],
      leniency: [
        {
          kind: 'no-penalty',
          conditions: [
            '违法行为轻微（如个别灭火器压力不足或过期、个别应急灯或指示标志损坏）',
            '没有造成危害后果',
            '当场或在责令改正期限内改正',
          ],
          basis: '中华人民共和国行政处罚法 第三十三条第一款',
          note: '江苏未见同类公开清单，是否不罚由消防救援机构个案裁量；自动消防系统整体瘫痪的不属于轻微。',
        },
      ],
      cases: [],
      action: { owner: '李娜', dueDate: '2026-12-05', correctedOn: '2026-12-01' },
      reviewNeeded: false,
    },
    {
      code: 'AQ-001',
      domain: 'AQ',
      domainName: '安全生产（含应急预案、事故报告）',
      title: '未如实记录安全生产教育和培训情况',
      question: '本单位是否建立了安全生产教育和培训档案，并如实记录每次培训的时间、内容、参加人员和考核结果？',
      status: 'non_compliant',
      note: HOSTILE_NOTE,
      high: true,
      illegal:
        '已经开展了安全培训，但没有建立培训档案，或者档案中缺少培训时间、内容、参加人员、考核结果等要素，或者记录与实际不符（如代签名、补记）。',
      basis: [
        {
          law: '中华人民共和国安全生产法',
          article: '第二十八条第四款',
          text: '生产经营单位应当建立安全生产教育和培训档案，如实记录安全生产教育和培训的时间、内容、参加人员以及考核结果等情况。',
        },
      ],
      penalty: [
        {
          law: '中华人民共和国安全生产法',
          article: '第九十七条第四项',
          text: '生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款……（四）未如实记录安全生产教育和培训情况的；',
          summary: '责令限期改正，处十万元以下罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下罚款。',
          consequences: ['fine', 'suspension'],
        },
      ],
      consequences: ['fine', 'suspension'],
      guidance: [
        '建立“一人一档”的安全生产教育和培训档案，每次培训后3个工作日内归档：培训通知、课件、签到表（本人签名）、考核记录。',
        '每季度抽查档案，核对签到与考勤、考核成绩是否一致，发现代签、漏记当场纠正并留下核查记录。',
      ],
      evidence: ['安全生产教育和培训档案（一人一档）', '培训签到表、课件、试卷或考核记录'],
      leniency: [
        {
          kind: 'first-violation',
          conditions: [
            '初次违法',
            '已按照规定开展安全生产教育和培训，只是未如实记录培训内容',
            '涉及人员10人以下',
            '在责令改正期限内改正',
          ],
          correctionDays: 15,
          basis: '中华人民共和国行政处罚法 第三十三条第一款',
          source: '江苏省应急管理轻微违法行为不予行政处罚清单（试行）第1项',
          note: '培训确实做了、只是记录不全，且人数少、第一次被发现并按期补正的，可以不予处罚。',
        },
      ],
      cases: [],
      action: { owner: '王强（安全主管）', dueDate: '2026-12-15', correctedOn: null },
      reviewNeeded: false,
    },
    {
      code: 'AQ-019',
      domain: 'AQ',
      domainName: '安全生产（含应急预案、事故报告）',
      title: '生产安全事故发生后单位负责人未立即组织抢救，或者迟报、漏报、谎报、瞒报事故',
      question:
        '本单位是否明确规定：发生伤亡或财产损失事故后，单位负责人在1小时内向当地应急管理部门报告，并立即组织抢救？',
      status: 'unsure',
      note: null,
      high: false,
      illegal:
        '单位负责人接到事故报告后超过1小时才向应急管理部门报告（迟报）；漏报伤亡人数；故意不报、隐瞒或编造事故经过（瞒报、谎报）。',
      basis: [
        {
          law: '生产安全事故报告和调查处理条例',
          article: '第九条第一款',
          text: '事故发生后，事故现场有关人员应当立即向本单位负责人报告；单位负责人接到报告后，应当于1小时内向事故发生地县级以上人民政府安全生产监督管理部门和负有安全生产监督管理职责的有关部门报告。',
        },
      ],
      penalty: [
        {
          law: '生产安全事故报告和调查处理条例',
          article: '第三十五条',
          text: '事故发生单位主要负责人有下列行为之一的，处上一年年收入40%至80%的罚款；构成犯罪的，依法追究刑事责任：（一）不立即组织事故抢救的；（二）迟报或者漏报事故的；',
          summary: '对主要负责人处上一年年收入40%至80%的罚款；构成犯罪的追究刑事责任。',
          consequences: ['fine', 'criminal'],
        },
      ],
      consequences: ['fine', 'criminal'],
      guidance: [
        '在应急预案和岗位应急处置卡中写明事故报告流程：单位负责人1小时内电话报告属地应急管理部门。',
        '指定专人记录报告时间、接报人姓名；事故发生后保护现场。',
      ],
      evidence: ['事故报告制度和应急处置卡', '事故报告记录（报告时间、方式、接报人）'],
      leniency: [
        {
          kind: 'lighter',
          conditions: ['主动消除或者减轻违法行为危害后果', '主动供述行政机关尚未掌握的违法行为'],
          basis: '中华人民共和国行政处罚法 第三十二条',
          note: '事故发生后积极抢救、主动补报并如实说明情况的，属于应当从轻或者减轻处罚的情形。',
        },
      ],
      cases: [],
      action: { owner: null, dueDate: null, correctedOn: null },
      reviewNeeded: false,
    },
  ],
  answers: [
    {
      code: 'AQ-001',
      domain: 'AQ',
      title: '未如实记录安全生产教育和培训情况',
      status: 'non_compliant',
      note: HOSTILE_NOTE,
    },
    {
      code: 'AQ-002',
      domain: 'AQ',
      title: '未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训',
      status: 'compliant',
      note: '2026年10月已完成全员复训',
    },
    {
      code: 'AQ-003',
      domain: 'AQ',
      title: '未将事故隐患排查治理情况如实记录或者未向从业人员通报',
      status: 'compliant',
      note: null,
    },
    {
      code: 'AQ-005',
      domain: 'AQ',
      title: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业',
      status: 'not_applicable',
      note: '本单位无特种作业岗位',
    },
    {
      code: 'AQ-019',
      domain: 'AQ',
      title: '生产安全事故发生后单位负责人未立即组织抢救，或者迟报、漏报、谎报、瞒报事故',
      status: 'unsure',
      note: null,
    },
    {
      code: 'XF-001',
      domain: 'XF',
      title: '消防设施、器材或者消防安全标志的配置、设置不符合国家标准、行业标准，或者未保持完好有效',
      status: 'non_compliant',
      note: '二号车间3具灭火器压力不足',
    },
    {
      code: 'XF-002',
      domain: 'XF',
      title: '占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为',
      status: 'compliant',
      note: null,
    },
    {
      code: 'XF-003',
      domain: 'XF',
      title: '占用、堵塞、封闭消防车通道，妨碍消防车通行',
      status: 'compliant',
      note: null,
    },
    {
      code: 'XF-008',
      domain: 'XF',
      title:
        '单位未履行消防安全职责（未落实消防安全责任制、未制定消防安全制度和灭火应急疏散预案、未组织防火检查和消防演练）',
      status: 'compliant',
      note: null,
    },
  ],
};

/** SHA-256 of the canonical JSON, as the report builder computes it. */
export function fingerprintOf(report: Report): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

export const reportFixtureFingerprint: string = fingerprintOf(reportFixture);
