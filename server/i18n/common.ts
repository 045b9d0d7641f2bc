// Interface text of the common namespace: zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const commonMessages = {
  'app.name': { zh: '合规', en: 'Hegui' },
  'app.tagline': { zh: '企业行政合规指导清单', en: 'Enterprise administrative compliance guidance checklist' },
  'nav.home': { zh: '清单首页', en: 'Checklist' },
  'nav.search': { zh: '搜索', en: 'Search' },
  'nav.skip': { zh: '跳到正文', en: 'Skip to main content' },
  'nav.lang': { zh: 'English', en: '中文' },
  // Read out in the language the link leads to (the link carries lang=), and holding
  // the visible "English" / "中文" so the spoken name matches what is seen (WCAG 2.5.3).
  'nav.langLabel': { zh: 'Change the language to English', en: '将语言切换为中文' },
  'nav.breadcrumb': { zh: '当前位置', en: 'Breadcrumb' },
  'pager.label': { zh: '翻页', en: 'Pages' },
  'pager.prev': { zh: '上一页', en: 'Previous page' },
  'pager.next': { zh: '下一页', en: 'Next page' },
  'footer.version': { zh: '清单版本', en: 'Checklist version' },
  'footer.api': { zh: '开放接口', en: 'Open API' },
  'footer.disclaimer': {
    zh: '本清单用于合规指导，不替代法律法规原文和执法机关的具体认定。',
    en: 'This checklist is guidance; the law texts and the regulators\u2019 decisions prevail.',
  },
  'nav.assess': { zh: '企业自评', en: 'Self-assessment' },
  'nav.login': { zh: '登录', en: 'Log in' },
  'nav.logout': { zh: '退出', en: 'Log out' },
  'nav.register': { zh: '注册', en: 'Register' },
  'nav.account': { zh: '账号', en: 'Account' },
  'form.errorSummary': { zh: '有以下问题需要处理', en: 'There is a problem' },
  'form.errorPrefix': { zh: '错误：', en: 'Error: ' },
  'form.titleError': { zh: '错误：{title}', en: 'Error: {title}' },
  'form.optional': { zh: '（选填）', en: '(optional)' },
  'form.yes': { zh: '是', en: 'Yes' },
  'form.no': { zh: '否', en: 'No' },
  'form.back': { zh: '返回', en: 'Back' },
  'footer.present': { zh: '讲师宣讲', en: 'Lecturers' },
  'footer.regulator': { zh: '监管统计', en: 'Regulators' },
  'footer.verify': { zh: '报告核验', en: 'Verify a report' },
} as const satisfies MessageTable;
