// Interface text in zh-CN (default) and English. Content (the checklist) is Chinese.
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

type Messages = Record<string, { readonly zh: string; readonly en: string }>;

export const messages: Messages = {
  'app.name': { zh: '合规', en: 'Hegui' },
  'app.tagline': { zh: '企业行政合规指导清单', en: 'Enterprise administrative compliance guidance checklist' },
  'nav.home': { zh: '清单首页', en: 'Checklist' },
  'nav.search': { zh: '搜索', en: 'Search' },
  'nav.skip': { zh: '跳到正文', en: 'Skip to main content' },
  'nav.lang': { zh: 'English', en: '中文' },
  'nav.langLabel': { zh: '切换语言', en: 'Switch language' },
  'nav.breadcrumb': { zh: '当前位置', en: 'Breadcrumb' },
  'home.lead': { zh: '对照清单，先自查、后整改：每一项都告诉您什么是违法、违了什么法、怎么不违法，以及首次轻微违法能否免罚轻罚。', en: 'Check yourself against the list before an inspector does: each item says what is illegal, which law it breaks, how to comply, and whether a first or minor violation may go unpunished.' },
  'home.domains': { zh: '重点监管领域', en: 'Regulatory domains' },
  'home.totals': { zh: '{domains} 个领域，{items} 项合规事项', en: '{domains} domains, {items} compliance items' },
  'home.opendata': { zh: '开放数据下载', en: 'Open data' },
  'home.three.illegal': { zh: '什么是违法', en: 'What is illegal' },
  'home.three.law': { zh: '违了什么法', en: 'Which law it breaks' },
  'home.three.comply': { zh: '怎么不违法', en: 'How to comply' },
  'home.three.leniency': { zh: '免罚轻罚', en: 'Penalty relief' },
  'domain.department': { zh: '主管部门', en: 'Regulator' },
  'domain.items': { zh: '事项', en: 'items' },
  'domain.high': { zh: '高频', en: 'frequent' },
  'domain.leniency': { zh: '可免罚轻罚', en: 'with relief' },
  'domain.empty': { zh: '本领域的合规事项正在编写中。', en: 'The items of this domain are being written.' },
  'domain.itemList': { zh: '合规事项', en: 'Compliance items' },
  'item.question': { zh: '自查问题', en: 'Self-check question' },
  'item.illegal': { zh: '什么是违法', en: 'What is illegal' },
  'item.basis': { zh: '违了什么法', en: 'Which law it breaks' },
  'item.penalty': { zh: '处罚依据', en: 'Penalty' },
  'item.guidance': { zh: '怎么不违法', en: 'How to comply' },
  'item.evidence': { zh: '应留存的记录', en: 'Records to keep' },
  'item.leniency': { zh: '免罚轻罚', en: 'Penalty relief' },
  'item.cases': { zh: '典型案例', en: 'Cases' },
  'item.appliesTo': { zh: '适用对象', en: 'Applies to' },
  'item.appliesAll': { zh: '所有企业', en: 'Every business' },
  'item.conditions': { zh: '需同时满足以下条件：', en: 'All of these conditions must hold:' },
  'item.correctionDays': { zh: '改正期限：{days} 日内', en: 'Correct within {days} days' },
  'item.leniencyBasis': { zh: '法律依据', en: 'Legal basis' },
  'item.leniencySource': { zh: '出处', en: 'Source' },
  'item.caseFacts': { zh: '基本案情', en: 'Facts' },
  'item.caseOutcome': { zh: '处理结果', en: 'Outcome' },
  'item.caseLesson': { zh: '启示', en: 'Lesson' },
  'item.illustrative': { zh: '示例', en: 'Illustrative' },
  'item.reviewNeeded': { zh: '本事项的部分引文尚待人工复核', en: 'Some citations of this item await review' },
  'item.print': { zh: '打印本页', en: 'Print this page' },
  'item.prev': { zh: '上一项', en: 'Previous' },
  'item.next': { zh: '下一项', en: 'Next' },
  'item.consequences': { zh: '可能后果', en: 'Possible consequences' },
  'leniency.no-penalty': { zh: '轻微不罚', en: 'No penalty for minor violations' },
  'leniency.first-violation': { zh: '首违可不罚', en: 'First violation may go unpunished' },
  'leniency.lighter': { zh: '从轻减轻', en: 'Lighter penalty' },
  'leniency.none': { zh: '不适用免罚', en: 'No relief' },
  'consequence.warning': { zh: '警告', en: 'warning' },
  'consequence.fine': { zh: '罚款', en: 'fine' },
  'consequence.confiscation': { zh: '没收', en: 'confiscation' },
  'consequence.suspension': { zh: '停产停业', en: 'suspension' },
  'consequence.licence': { zh: '吊销许可', en: 'licence revoked' },
  'consequence.credit': { zh: '信用惩戒', en: 'credit record' },
  'consequence.detention': { zh: '拘留', en: 'detention' },
  'consequence.criminal': { zh: '刑事责任', en: 'criminal liability' },
  'consequence.civil': { zh: '民事赔偿', en: 'civil liability' },
  'search.title': { zh: '搜索清单', en: 'Search the checklist' },
  'search.label': { zh: '关键词或事项编号', en: 'Keyword or item code' },
  'search.hint': { zh: '例如：灭火器、劳动合同、发票、AQ-001', en: 'For example: 灭火器, 劳动合同, 发票, AQ-001' },
  'search.submit': { zh: '搜索', en: 'Search' },
  'search.results': { zh: '“{q}”共找到 {n} 项', en: '{n} items found for “{q}”' },
  'search.none': { zh: '没有找到与“{q}”相关的事项。换个说法试试，或浏览下面的领域。', en: 'Nothing found for “{q}”. Try other words, or browse the domains.' },
  'search.try': { zh: '试试：', en: 'Try:' },
  'footer.version': { zh: '清单版本', en: 'Checklist version' },
  'footer.api': { zh: '开放接口', en: 'Open API' },
  'footer.disclaimer': { zh: '本清单用于合规指导，不替代法律法规原文和执法机关的具体认定。', en: 'This checklist is guidance; the law texts and the regulators\u2019 decisions prevail.' },
  'error.title': { zh: '出错了', en: 'Something went wrong' },
  'error.404': { zh: '没有找到这个页面', en: 'Page not found' },
  'error.404.detail': { zh: '您访问的地址不存在，可能是编号有误或事项已调整。', en: 'The address does not exist: the code may be wrong or the item may have moved.' },
  'error.400': { zh: '请求有误', en: 'The request is not valid' },
  'error.500': { zh: '服务器暂时出了问题，请稍后再试。', en: 'The server had a problem. Please try again later.' },
  'error.back': { zh: '返回清单首页', en: 'Back to the checklist' },
};

export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const m = messages[key];
  const text = m ? (lang === 'en' ? m.en : m.zh) : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function parseLang(value: unknown): Lang | undefined {
  if (value === 'en') return 'en';
  if (value === 'zh' || value === 'zh-CN') return 'zh-CN';
  return undefined;
}
