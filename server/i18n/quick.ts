// Interface text of the quick check (行业场景, quick and full drafts, partial submission):
// zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const quickMessages = {
  'quick.error.sceneNotFound': { zh: '没有行业场景“{id}”。', en: 'There is no trade scene "{id}".' },
  'quick.error.unknownScene': {
    zh: '行业场景“{id}”不存在：请从 /api/v1/scenes 中选择。',
    en: 'The trade scene "{id}" does not exist: pick one from /api/v1/scenes.',
  },
  'quick.error.quickNeedsScene': {
    zh: '快速自查需要选择行业场景（scene）。',
    en: 'A quick check needs a trade scene (scene).',
  },
  'quick.error.sceneOfOldVersion': {
    zh: '这份自评所用的清单版本没有行业场景“{id}”。',
    en: 'The checklist version of this assessment has no trade scene "{id}".',
  },
  'quick.error.unknownDomain': {
    zh: '这份自评不涉及领域“{code}”。',
    en: 'The domain "{code}" has no items for this assessment.',
  },
  'quick.error.noAnswer': {
    zh: '至少回答一项后才能提交。',
    en: 'Answer at least one item before submitting.',
  },
  'quick.error.modeFilter': { zh: 'mode 只能是 {values}。', en: 'mode must be one of {values}.' },
  'quick.mode.quick': { zh: '快速自查', en: 'Quick check' },
  'quick.mode.full': { zh: '全面自查', en: 'Full check' },
  'quick.unchecked': { zh: '未自查', en: 'Not checked' },
  'quick.coverage': {
    zh: '自查覆盖：已答 {answered} / 适用 {total} 项',
    en: 'Coverage: {answered} of {total} applicable items answered',
  },
  'quick.uncheckedList': {
    zh: '未自查的事项（{n} 项）：',
    en: 'Items not checked ({n}):',
  },
  'quick.scene': { zh: '行业场景', en: 'Trade' },
  'quick.picker.question': { zh: '您的单位是做什么的？', en: 'What does your business do?' },
  'quick.picker.hint': {
    zh: '选一个最接近的行业，先查这个行业最常被查出的问题；以后可以随时继续查其余事项。',
    en: 'Pick the closest trade to check first what inspectors find most often in it; you can check the rest at any time.',
  },
  'quick.picker.start': { zh: '开始快速自查', en: 'Start a quick check' },
  'quick.picker.error': { zh: '请选择您的行业。', en: 'Choose your trade.' },
  'quick.profile.prefilled': {
    zh: '已按“{scene}”预先选好常见情况，请核对后继续：快速自查共 {n} 项左右。',
    en: 'Prefilled for "{scene}": check the answers and go on. The quick check has about {n} items.',
  },
  'quick.profile.submit': { zh: '开始快速自查', en: 'Start the quick check' },
  'quick.extend.domain': { zh: '继续检查本领域其余 {n} 项', en: 'Check the other {n} items of this domain' },
  'quick.extend.all': { zh: '改为全面自查（共 {n} 项）', en: 'Turn into a full check ({n} items)' },
  'quick.item.title': { zh: '第 {n} 项，共 {total} 项', en: 'Item {n} of {total}' },
  'quick.item.next': { zh: '下一项', en: 'Next item' },
  'quick.item.chooseAnswer': { zh: '请选择一个回答。', en: 'Choose an answer.' },
  'quick.item.actionError': {
    zh: '{field} 的格式不对：日期请写成 2026-12-31，责任人不超过 100 字。',
    en: 'The {field} is not valid: write dates as 2026-12-31, owners in at most 100 characters.',
  },
  'quick.item.start': { zh: '逐项回答（适合手机）', en: 'One item per screen (for phones)' },
  'quick.check.attention': { zh: '需要整改和不确定的事项', en: 'Items to fix and items you are unsure of' },
  'quick.check.partial': {
    zh: '已答 {answered} 项，共 {total} 项：未答的事项在报告中列为“未自查”。',
    en: '{answered} of {total} items answered: the rest are reported as "not checked".',
  },
} as const satisfies MessageTable;
