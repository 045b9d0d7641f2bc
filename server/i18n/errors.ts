// Interface text of the errors namespace: zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const errorsMessages = {
  'error.title': { zh: '出错了', en: 'Something went wrong' },
  'error.404': { zh: '没有找到这个页面', en: 'Page not found' },
  'error.404.detail': {
    zh: '您访问的地址不存在，可能是编号有误或事项已调整。',
    en: 'The address does not exist: the code may be wrong or the item may have moved.',
  },
  'error.400': { zh: '请求有误', en: 'The request is not valid' },
  'error.401': { zh: '请先登录', en: 'Please log in' },
  'error.403': { zh: '无权进行此操作', en: 'Not allowed' },
  'error.409': { zh: '当前状态下不能这样操作', en: 'Not possible in the current state' },
  'error.413': { zh: '提交的内容太大', en: 'Too much data sent' },
  'error.429': { zh: '尝试次数过多', en: 'Too many attempts' },
  'error.503': { zh: '服务暂时不可用', en: 'Temporarily unavailable' },
  'error.500': { zh: '服务器暂时出了问题，请稍后再试。', en: 'The server had a problem. Please try again later.' },
  'error.back': { zh: '返回清单首页', en: 'Back to the checklist' },
  // Problem details of the whole app (server/http/).
  'error.noSuchPath': { zh: '没有这个页面或资源：{path}', en: 'No page or resource at {path}' },
  'error.loginFirst': { zh: '请先登录。', en: 'Log in first.' },
  'error.forbidden': { zh: '您的账号无权使用此功能。', en: 'Your account may not use this.' },
  'error.tooMany': { zh: '尝试次数过多，请稍后再试。', en: 'Too many attempts: try again later.' },
  'error.csrf': {
    zh: 'CSRF 校验失败：请刷新页面后重试。',
    en: 'Missing or wrong CSRF token: reload the page and try again.',
  },
  'error.pdfFonts': {
    zh: 'PDF 暂不可用：服务器缺少中文字体。',
    en: 'The PDF is unavailable: the server lacks the Chinese fonts.',
  },
  'error.databaseUnavailable': {
    zh: '数据库暂时无法访问，请稍后重试；已保存的内容不会丢失。',
    en: 'The database is briefly unavailable: try again shortly. Nothing saved is lost.',
  },
  'error.databaseBusy': {
    zh: '数据库繁忙，这次操作未能及时完成，请稍后重试；已保存的内容不会丢失。',
    en: 'The database is busy and this did not finish in time: try again shortly. Nothing saved is lost.',
  },
  'error.bodyNotJson': { zh: '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'error.nulByte': {
    zh: '内容含有空字符（NUL，U+0000），无法保存：请删除后重试（位置：{where}）。',
    en: 'The input contains a NUL character (U+0000), which cannot be stored: remove it and try again (in: {where}).',
  },
  'error.loneSurrogate': {
    zh: '内容含有无效的 Unicode 字符（不成对的代理项，U+D800–U+DFFF），无法保存：请删除后重试（位置：{where}）。',
    en: 'The input contains an invalid Unicode character (a lone surrogate, U+D800–U+DFFF), which cannot be stored: remove it and try again (in: {where}).',
  },
  'error.bodyTooLarge': { zh: '请求内容太大。', en: 'The request body is too large.' },
  'error.bodyNotObject': { zh: '请求内容应为一个 JSON 对象。', en: 'The request needs a JSON object body.' },
  'error.bodyInvalid': { zh: '请求内容有误。', en: 'The request body is not valid.' },
  'error.queryInvalid': { zh: '查询参数有误。', en: 'The query string is not valid.' },
  'error.badRequest': { zh: '请求有误。', en: 'The request is not valid.' },
  'error.pageLimit': {
    zh: '每页条数（limit）应为 1 至 {max} 的整数。',
    en: 'The page size (limit) must be a whole number from 1 to {max}.',
  },
  'error.pageCursor': {
    zh: '翻页位置（after / before）无效：请从列表第一页重新翻页。',
    en: 'The page position (after / before) is not valid: start again from the first page of the list.',
  },
  'error.internal': {
    zh: '服务器出了问题，错误已记录。',
    en: 'Something went wrong on our side. The error has been logged.',
  },
  // Field errors of the JSON schemas, one per ajv keyword (English as ajv words it).
  'error.field.required': { zh: '必填', en: 'is required' },
  'error.field.unknown': { zh: '未知的参数“{name}”', en: 'unknown parameter "{name}"' },
  'error.field.type': { zh: '类型应为 {type}', en: 'must be {type}' },
  'error.field.format': { zh: '格式应为 {format}', en: 'must match format "{format}"' },
  'error.field.enum': { zh: '应为以下之一：{values}', en: 'must be one of {values}' },
  'error.field.pattern': { zh: '格式不正确', en: 'does not match the expected pattern' },
  'error.field.minLength': { zh: '至少 {limit} 个字符', en: 'must NOT have fewer than {limit} characters' },
  'error.field.maxLength': { zh: '不能超过 {limit} 个字符', en: 'must NOT have more than {limit} characters' },
  'error.field.minimum': { zh: '不能小于 {limit}', en: 'must be >= {limit}' },
  'error.field.maximum': { zh: '不能大于 {limit}', en: 'must be <= {limit}' },
  'error.field.minItems': { zh: '至少 {limit} 项', en: 'must NOT have fewer than {limit} items' },
  'error.field.maxItems': { zh: '不能超过 {limit} 项', en: 'must NOT have more than {limit} items' },
  'error.field.uniqueItems': { zh: '不能有重复项', en: 'must NOT have duplicate items' },
  'error.field.invalid': { zh: '无效', en: 'is invalid' },
  'error.crossSite': {
    zh: '此表单只能从本网站提交（已拒绝来自其他网站的请求）。',
    en: 'This form can only be sent from this site (a cross-site request was refused).',
  },
  'error.busy': { zh: '服务器繁忙，请稍后重试。', en: 'The server is busy: try again shortly.' },
} as const satisfies MessageTable;
