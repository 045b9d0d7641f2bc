// Interface text of the API-token page's copy button, scope and revoke
// confirmation: zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const regulatorTokenMessages = {
  'regt.copy': { zh: '复制令牌', en: 'Copy token' },
  'regt.copied': { zh: '已复制到剪贴板。', en: 'Copied to the clipboard.' },
  'regt.copyFailed': {
    zh: '无法自动复制：请选中文本框后手动复制。',
    en: 'Could not copy: select the box and copy it by hand.',
  },
  'regt.scope': { zh: '权限范围', en: 'Scope' },
  'regt.scopeValue': {
    zh: '只读：统计数据（/api/v1/stats）与导出（/api/v1/exports）；不能创建令牌',
    en: 'Read only: statistics (/api/v1/stats) and exports (/api/v1/exports); cannot create tokens',
  },
  'regt.expiry': { zh: '有效期', en: 'Expires' },
  'regt.noExpiry': { zh: '长期有效，直至撤销', en: 'Until revoked' },
  'regt.confirmTitle': { zh: '确认撤销令牌“{name}”？', en: 'Revoke the token “{name}”?' },
  'regt.confirmBody': {
    zh: '撤销后，使用该令牌的程序（如报表脚本）将立即无法访问，且无法恢复；如仍需访问，请另建新令牌。',
    en: 'Programs using this token (report scripts, for example) lose access at once, and this cannot be undone; create a new token if access is still needed.',
  },
  'regt.confirm': { zh: '确认撤销', en: 'Revoke' },
  'regt.cancel': { zh: '取消，返回令牌列表', en: 'Cancel, back to the tokens' },
} as const satisfies MessageTable;
