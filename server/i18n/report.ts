// Interface text of the report namespace: zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const reportMessages = {
  'report.kicker': { zh: '企业行政合规自评报告', en: 'Compliance self-assessment report' },
  'report.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'report.region': { zh: '所在地区', en: 'Region' },
  'report.industry': { zh: '所属行业', en: 'Industry' },
  'report.size': { zh: '企业规模', en: 'Size' },
  'report.submitted': { zh: '提交日期', en: 'Submitted' },
  'report.checklistVersion': { zh: '清单版本', en: 'Checklist version' },
  'report.fingerprint': { zh: '校验码 (SHA-256)', en: 'Fingerprint (SHA-256)' },
  'report.verify': { zh: '核验本报告', en: 'Verify this report' },
  'report.fingerprintHint': {
    zh: '报告内容有任何改动，校验码都会不同。',
    en: 'Any change to the report changes this code.',
  },
  'report.downloads': { zh: '下载报告', en: 'Download' },
  'report.sharing': { zh: '分享报告', en: 'Share' },
  'report.summary': { zh: '自评结果概览', en: 'Summary' },
  'report.overallRate': { zh: '总体合规率', en: 'Overall compliance rate' },
  'report.rateNote': {
    zh: '合规率 = 符合 ÷（全部事项 − 不适用）',
    en: 'Rate = compliant ÷ (all items − not applicable)',
  },
  'report.domainTable': { zh: '各领域自评结果', en: 'Results by domain' },
  'report.domain': { zh: '领域', en: 'Domain' },
  'report.total': { zh: '事项数', en: 'Items' },
  'report.rate': { zh: '合规率', en: 'Rate' },
  'report.allDomains': { zh: '合计', en: 'Total' },
  'report.status.compliant': { zh: '符合', en: 'Compliant' },
  'report.status.non_compliant': { zh: '不符合', en: 'Non-compliant' },
  'report.status.not_applicable': { zh: '不适用', en: 'Not applicable' },
  'report.status.unsure': { zh: '不确定', en: 'Unsure' },
  'report.gaps': { zh: '需要整改的事项', en: 'Items to remedy' },
  'report.gapsLead': {
    zh: '共 {n} 项（不符合 {nc} 项，不确定 {u} 项），按风险高低排列。',
    en: '{n} items ({nc} non-compliant, {u} unsure), highest risk first.',
  },
  'report.noGaps': { zh: '没有自评为不符合或不确定的事项。', en: 'No item was answered non-compliant or unsure.' },
  'report.yourAnswer': { zh: '自评结果', en: 'Answer' },
  'report.note': { zh: '企业备注', en: 'Note' },
  'report.action': { zh: '整改安排', en: 'Remedial action' },
  'report.owner': { zh: '责任人', en: 'Owner' },
  'report.due': { zh: '完成期限', en: 'Due' },
  'report.corrected': { zh: '整改完成', en: 'Corrected' },
  'report.notSet': { zh: '未填写', en: 'Not set' },
  'report.notCorrected': { zh: '尚未完成', en: 'Not yet' },
  'report.navigator': { zh: '免罚轻罚指引', en: 'Penalty relief navigator' },
  'report.conditions': { zh: '逐项核对（需同时满足）', en: 'Tick each condition (all must hold)' },
  'report.outcome': { zh: '可能的处理', en: 'Possible outcome' },
  'report.disqualifiers': { zh: '以下情形不适用', en: 'Not available when' },
  'report.decidedBy': { zh: '由谁认定', en: 'Who decides' },
  'report.noRelief': { zh: '本事项没有可适用的免罚轻罚规定。', en: 'No relief rule applies to this item.' },
  'report.answers': { zh: '全部自评结果', en: 'All answers' },
  'report.code': { zh: '编号', en: 'Code' },
  'report.item': { zh: '事项', en: 'Item' },
  'report.method': { zh: '说明', en: 'About this report' },
  'report.page': { zh: '第 {page} 页 共 {pages} 页', en: 'Page {page} of {pages}' },
  'report.backToList': { zh: '返回本单位的自评', en: 'Back to your self-assessments' },
  // The 免罚轻罚 navigator: what the law provides, in plain words, never a promise.
  'report.guide.decidedBy': {
    zh: '是否适用由有管辖权的执法机关根据具体案情个案认定；本指引只说明法定条件，不代表处理结果。',
    en: 'Whether it applies is decided case by case by the competent enforcement authority; this guide only sets out the legal conditions and does not predict the outcome.',
  },
  'report.guide.lateDays': {
    zh: '超过{days}日仍未改正，或者拒不改正',
    en: 'not corrected within {days} days, or correction refused',
  },
  'report.guide.late': { zh: '逾期不改正，或者拒不改正', en: 'not corrected in time, or correction refused' },
  'report.guide.correctWithin': { zh: '须在{days}日内改正', en: 'Correct within {days} days' },
  'report.guide.firstViolation.outcome': {
    zh: '若为首次违法、危害后果轻微并在责令改正期限内改正，依据{basis}，可以不予行政处罚。',
    en: 'If it is a first violation, the harm is minor and it is corrected within the period ordered, no administrative penalty may be imposed under {basis}.',
  },
  'report.guide.firstViolation.repeat': {
    zh: '两年内有同类违法记录，不属于首次违法',
    en: 'A violation of the same kind within two years: not a first violation',
  },
  'report.guide.firstViolation.harm': {
    zh: '造成危害后果，或者后果较重',
    en: 'Harm was caused, or the harm is serious',
  },
  'report.guide.firstViolation.discretion': {
    zh: '“可以”不予处罚属于裁量：即使满足上述条件，执法机关仍可依法给予处罚',
    en: '“May” leave unpunished is discretion: even when the conditions hold, the authority may still impose a penalty',
  },
  'report.guide.noPenalty.outcomeIf': {
    zh: '若同时满足上述条件，依据{basis}，不予行政处罚。',
    en: 'If all the conditions above hold, no administrative penalty is imposed under {basis}.',
  },
  'report.guide.noPenalty.outcome': {
    zh: '若违法行为轻微并及时改正、没有造成危害后果，依据{basis}，不予行政处罚。',
    en: 'If the violation is minor, corrected promptly and caused no harm, no administrative penalty is imposed under {basis}.',
  },
  'report.guide.noPenalty.correctionFirst': {
    zh: '依据{basis}，处罚条款规定先责令改正，逾期不改正才罚款：在责令改正期限内改正的，不予罚款。',
    en: 'Under {basis} the penalty provision orders correction first and fines only when it is not done in time: corrected within the period set, no fine is imposed.',
  },
  'report.guide.noPenalty.discretionary': {
    zh: '可能适用：{basis}，由执法部门个案认定。违法行为是否“轻微”没有公布的清单标准，上述条件是本清单的说明；经认定违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚。',
    en: 'May apply: {basis}, decided case by case by the enforcing department. No published list says what counts as minor; the conditions above are this checklist’s explanation. Where the violation is found minor, corrected promptly and harmless, no administrative penalty is imposed.',
  },
  'report.guide.noPenalty.notMinorDecided': {
    zh: '执法部门认定违法行为并非轻微，或者造成了危害后果',
    en: 'The enforcing department finds the violation not minor, or harm was caused',
  },
  'report.guide.statutory.may': {
    zh: '若满足上述条件，依据{basis}，可以免予处罚；“可以”属于裁量，由执法部门个案认定。',
    en: 'If the conditions above hold, {basis} allows exemption from penalty; “may” is discretion, decided case by case by the enforcing department.',
  },
  'report.guide.statutory.must': {
    zh: '若满足上述条件，依据{basis}，法律规定免予处罚（仍须停止违法行为）。',
    en: 'If the conditions above hold, the law exempts from penalty under {basis} (the conduct must still stop).',
  },
  'report.guide.statutory.unmet': {
    zh: '不满足上述任一条件，或者不能提供相应证明',
    en: 'Any condition above is unmet, or cannot be proven',
  },
  'report.guide.noFine': {
    zh: '本项没有行政罚款；逾期不改的后果是：{ifIgnored}。',
    en: 'There is no administrative fine for this item; if the order is ignored: {ifIgnored}.',
  },
  'report.guide.noPenalty.notMinor': {
    zh: '违法行为并非轻微，或者造成了危害后果',
    en: 'The violation is not minor, or harm was caused',
  },
  'report.guide.noPenalty.anyUnmet': { zh: '不满足上述任一条件', en: 'Any of the conditions above is not met' },
  'report.guide.lighter.outcomeMust': {
    zh: '若具有上述情形，依据{basis}，应当依法从轻或者减轻行政处罚；从轻或者减轻不等于免除处罚。',
    en: 'If the circumstances above apply, the penalty must be lightened or reduced under {basis}; a lighter penalty is still a penalty.',
  },
  'report.guide.lighter.outcomeMay': {
    zh: '若具有上述情形，依据{basis}，可以依法从轻或者减轻行政处罚；从轻或者减轻不等于免除处罚。',
    en: 'If the circumstances above apply, the penalty may be lightened or reduced under {basis}; a lighter penalty is still a penalty.',
  },
  'report.guide.lighter.absent': { zh: '不具有上述情形', en: 'The circumstances above do not apply' },
  'report.guide.lighter.discretion': {
    zh: '“可以”从轻或者减轻属于裁量：即使具有上述情形，执法机关也可以不予从轻',
    en: '“May” lighten is discretion: even when the circumstances apply, the authority may decline to lighten',
  },
  'report.method.selfAssessed': {
    zh: '本报告依据企业自评结果生成，不代表执法机关的认定。',
    en: 'This report is built from the business’s own answers; it is not a finding of any enforcement authority.',
  },
  'report.method.rate': {
    zh: '合规率 = 符合项数 ÷（全部事项数 − 不适用项数）；全部不适用的领域不计算合规率。',
    en: 'Compliance rate = compliant items ÷ (all items − not applicable items); a domain where every item is not applicable has no rate.',
  },
  'report.method.relief': {
    zh: '“免罚轻罚指引”只说明法律规定和公开清单中的条件；是否不予处罚或者从轻、减轻处罚，由有管辖权的执法机关根据具体案情个案认定。',
    en: 'The penalty relief navigator only sets out the conditions in the law and the published lists; whether a penalty is waived, lightened or reduced is decided case by case by the competent enforcement authority.',
  },
  'report.method.version': {
    zh: '法律条文引自自评时的清单版本 v{version}；法律修改后以现行有效文本为准。',
    en: 'Law texts are quoted from checklist version v{version} at the time of the assessment; after an amendment the text in force prevails.',
  },
  'report.method.fingerprint': {
    zh: '校验码是报告内容规范化 JSON 的 SHA-256 摘要，报告内容有任何改动，校验码都会不同；可访问 /verify/<校验码> 核对。',
    en: 'The fingerprint is the SHA-256 digest of the report’s canonical JSON; any change to the report changes it. Check it at /verify/<fingerprint>.',
  },
} as const satisfies MessageTable;
