// Labels of the 免罚轻罚 kinds and their variants, worded after what the law says
// (issue 17): a discretionary 轻微不罚 is not shown as certain, a statutory exemption
// names itself, and an item without any administrative fine says so.
export const leniencyMessages = {
  'leniency.no-penalty.discretionary': { zh: '可能适用轻微不罚', en: 'May go unpunished as a minor violation' },
  'leniency.no-penalty.correction-first': {
    zh: '按期改正不罚款',
    en: 'No fine if corrected by the deadline',
  },
  'leniency.statutory-exemption': { zh: '法定免予处罚', en: 'Exempt by law' },
  'leniency.statutory-exemption.discretionary': { zh: '法定可以免予处罚', en: 'The law allows exemption' },
  'leniency.no-fine': { zh: '本项没有行政罚款', en: 'No administrative fine' },
  'leniency.caveat.discretionary': {
    zh: '可能适用：行政处罚法第三十三条第一款，由执法部门个案认定',
    en: 'May apply: Administrative Penalty Law art. 33(1); the enforcer decides case by case',
  },
  'leniency.caveat.statutory-discretionary': {
    zh: '法律规定“可以”免予处罚，由执法部门个案认定',
    en: 'The law says the penalty “may” be waived; the enforcer decides case by case',
  },
  'leniency.caveat.correction-first': {
    zh: '处罚条款规定先责令改正，逾期不改正才罚款',
    en: 'The penalty article orders a correction first and fines only if it is ignored',
  },
  'leniency.caveat.no-fine': {
    zh: '本项没有行政罚款；逾期不改的后果是：{ifIgnored}',
    en: 'There is no administrative fine for this item; if the order to correct is ignored: {ifIgnored}',
  },
} as const;
