// Interface text for visitors without an account (访客): a quick check as a guest,
// and keeping it by registering or logging in. zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const guestMessages = {
  'guest.error.tooMany': {
    zh: '从您的网络开始的访客自查太多，请 {minutes} 分钟后再试，或注册 / 登录后开始。',
    en: 'Too many guest checks were started from your network. Try again in {minutes} minutes, or register or log in.',
  },
  'guest.error.copyNeedsAccount': {
    zh: '复制以前的自评需要登录。',
    en: 'Log in to copy an earlier assessment.',
  },
  'guest.reportOrg': { zh: '访客自查（未登记单位）', en: 'Guest check (no organisation registered)' },
  'guest.verify.noOrg': {
    zh: '访客自查，未登记单位',
    en: 'A guest check: no organisation registered',
  },
  'guest.orgHint': {
    zh: '访客自查：注册或登录后，自查记录转入您单位的账户。',
    en: 'Guest check: register or log in to keep it in your organisation’s account.',
  },
  'guest.start.note': {
    zh: '选择行业即可开始快速自查，无需注册；做完后注册或登录即可保存。',
    en: 'Pick your trade to start a quick check, no account needed; register or log in at the end to keep it.',
  },
  'guest.save.title': { zh: '注册 / 登录以保存', en: 'Register or log in to keep it' },
  'guest.save.text': {
    zh: '这份访客自查只在本浏览器中保留 {days} 天。注册或登录后，自查的答案和报告转入您单位的账户。',
    en: 'This guest check is kept in this browser for {days} days only. Register or log in and its answers and report move to your organisation’s account.',
  },
  'guest.save.register': { zh: '注册以保存', en: 'Register to keep it' },
  'guest.save.login': { zh: '已有账户？登录以保存', en: 'Have an account? Log in to keep it' },
} as const satisfies MessageTable;
