// Default words of the form partials in views/partials/ (a page may pass its own).
export const partialsMessages = {
  'partials.banner.important': { zh: '重要提示', en: 'Important' },
  'partials.banner.success': { zh: '操作成功', en: 'Success' },
  'partials.date.day': { zh: '日', en: 'Day' },
  'partials.date.month': { zh: '月', en: 'Month' },
  'partials.date.year': { zh: '年', en: 'Year' },
} as const;
