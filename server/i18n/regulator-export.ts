// Column headers of the regulator exports' reader-language columns (the name
// beside each code): zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const regulatorExportMessages = {
  'regx.col.industryName': { zh: '行业名称', en: 'industry name' },
  'regx.col.sizeName': { zh: '规模名称', en: 'size name' },
  'regx.col.itemTitle': { zh: '事项名称', en: 'item title' },
  'regx.col.statusName': { zh: '自评结果名称', en: 'status name' },
  'regx.col.levelName': { zh: '层级名称', en: 'level name' },
  'regx.level.domain': { zh: '领域', en: 'Domain' },
  'regx.level.item': { zh: '事项', en: 'Item' },
  'regx.suppressed.yes': { zh: '是', en: 'yes' },
  'regx.suppressed.no': { zh: '否', en: 'no' },
} as const satisfies MessageTable;
