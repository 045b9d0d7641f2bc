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
} as const satisfies MessageTable;
