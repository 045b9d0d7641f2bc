// Interface text of the rectification ledger (整改台账): zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const rectificationMessages = {
  'rect.error.notFound': { zh: '没有找到这项整改。', en: 'There is no such action.' },
  'rect.error.notSubmitted': {
    zh: '这份自评还没有提交：提交后才有整改台账。',
    en: 'This assessment is not submitted yet: the action list starts with the report.',
  },
  'rect.error.withdrawn': {
    zh: '这份报告已撤回，整改记录不能再修改。',
    en: 'This report has been withdrawn: its actions can no longer be changed.',
  },
  'rect.error.invalid': { zh: '整改记录有误，请按提示修改。', en: 'The action has errors: see each field.' },
  'rect.error.date': {
    zh: '请填写有效日期，格式为 2026-12-31。',
    en: 'Enter a real date as 2026-12-31.',
  },
  'rect.error.reasonNeeded': {
    zh: '选择“无需整改”时，请在说明中写明理由。',
    en: 'Say why in the note when choosing “Not needed”.',
  },
  'rect.error.chooseStatus': { zh: '请选择整改状态。', en: 'Choose the status of the action.' },
  'rect.status.open': { zh: '待整改', en: 'To do' },
  'rect.status.in_progress': { zh: '整改中', en: 'In progress' },
  'rect.status.done': { zh: '已整改', en: 'Done' },
  'rect.status.not_needed': { zh: '无需整改', en: 'Not needed' },
  'rect.answer.non_compliant': { zh: '不符合', en: 'Not compliant' },
  'rect.answer.unsure': { zh: '不确定', en: 'Unsure' },
  'rect.list.title': { zh: '整改台账', en: 'Action list' },
  'rect.list.intro': {
    zh: '报告中每一项“不符合”和“不确定”都在这里跟踪整改。报告本身不会改变。',
    en: 'Every “not compliant” and “unsure” item of the report is tracked here. The report itself never changes.',
  },
  'rect.list.none': { zh: '这份报告没有需要整改的事项。', en: 'This report has nothing to fix.' },
  'rect.list.open': { zh: '更新', en: 'Update' },
  'rect.list.back': { zh: '返回报告', en: 'Back to the report' },
  'rect.list.due': { zh: '期限：{date}', en: 'Due: {date}' },
  'rect.list.owner': { zh: '负责人：{owner}', en: 'Owner: {owner}' },
  'rect.list.link': { zh: '整改台账：跟踪每一项的整改', en: 'Action list: track each fix' },
  'rect.edit.title': { zh: '更新整改情况', en: 'Update the action' },
  'rect.edit.status': { zh: '整改状态', en: 'Status' },
  'rect.edit.owner': { zh: '负责人', en: 'Owner' },
  'rect.edit.dueDate': { zh: '整改期限', en: 'Due date' },
  'rect.edit.correctedOn': { zh: '整改完成日期', en: 'Corrected on' },
  'rect.edit.dateHint': { zh: '例如 2026-12-31', en: 'For example 2026-12-31' },
  'rect.edit.note': { zh: '整改说明', en: 'What was done' },
  'rect.edit.noteHint': {
    zh: '写明做了什么；选择“无需整改”时写明理由。',
    en: 'Say what was done; for “Not needed”, say why.',
  },
  'rect.edit.submit': { zh: '保存', en: 'Save' },
  'rect.edit.saved': { zh: '已保存。', en: 'Saved.' },
  'rect.edit.back': { zh: '返回整改台账', en: 'Back to the action list' },
} as const satisfies MessageTable;
