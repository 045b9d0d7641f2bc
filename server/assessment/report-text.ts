// The words of a report, shared by the HTML, DOCX and PDF renderers, so the
// three formats always say the same thing. Pure functions, no markup.
import type { Citation, Consequence, Leniency, LeniencyKind, PenaltyCitation } from '../domain/checklist';
import { translate, type MessageKey, type MessageParams } from '../i18n';
import type { AnswerStatus } from '../domain/answer-status';
import { industryLabel, type OrgSize } from '../domain/organisation';
import { coverageOf, type Report, type ReportCoverage, type ReportGap, type StatusCounts } from '../domain/report';
import type { CheckMode } from '../domain/check-mode';

/** Chinese interface text of the report; the same keys give the HTML its English. */
export function zh(key: MessageKey, params: MessageParams = {}): string {
  return translate('zh-CN', key, params);
}

export function statusLabel(status: AnswerStatus): string {
  return zh(`report.status.${status}`);
}

const SIZE_LABELS: Readonly<Record<OrgSize, string>> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

export function sizeLabel(size: OrgSize): string {
  return SIZE_LABELS[size] ?? size;
}

export function consequenceLabel(c: Consequence): string {
  return zh(`consequence.${c}`);
}

export function leniencyKindLabel(kind: LeniencyKind): string {
  return zh(`leniency.${kind}`);
}

/** 0.875 → "87.5%"; null (every item not applicable) → "—". */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

const LONG_DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' });

/** An ISO instant as the Beijing calendar date, e.g. 2026年11月27日. */
export function formatInstantZh(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
}

/** A YYYY-MM-DD calendar date (no zone to convert) as 2026年12月5日. */
export function formatDayZh(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** Wraps a law's title in 《》 unless it already is. */
export function lawTitle(law: string): string {
  const t = law.trim();
  return t.startsWith('《') ? t : `《${t}》`;
}

export function citationHeading(c: Citation): string {
  return `${lawTitle(c.law)}${c.article}`;
}

// A leniency basis is free text such as "中华人民共和国行政处罚法 第三十三条第一款；…".
const TITLE_THEN_ARTICLE = /^(.+?)\s*(第[一二三四五六七八九十百零〇\d]+条.*)$/;

/** "中华人民共和国行政处罚法 第三十三条第一款" → "《中华人民共和国行政处罚法》第三十三条第一款". */
export function formatBasis(basis: string): string {
  return basis
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      if (part.includes('《')) return part;
      const m = TITLE_THEN_ARTICLE.exec(part);
      return m ? `${lawTitle(m[1])}${m[2]}` : part;
    })
    .join('、');
}

// 行政处罚法 第三十二条 says 应当 (must) lighten; other laws (e.g. 产品质量法 第五十五条) say 可以 (may).
function lighterIsMandatory(basis: string): boolean {
  return basis.split(/[；;]/).some((part) => part.includes('行政处罚法') && part.includes('第三十二条'));
}

export interface LeniencyGuide {
  readonly kind: LeniencyKind;
  readonly kindLabel: string;
  /** To tick one by one; all must hold. */
  readonly conditions: readonly string[];
  /** "须在15日内改正" when the rule sets a deadline. */
  readonly correctionText?: string;
  /** What the law provides, in plain words, citing the basis; never a promise. */
  readonly outcome: string;
  readonly disqualifiers: readonly string[];
  readonly decidedBy: string;
  /** The basis with law titles in 《》. */
  readonly basis: string;
  readonly source?: string;
  /** The checklist's own explanation. */
  readonly note?: string;
}

const DECIDED_BY = '是否适用由有管辖权的执法机关根据具体案情个案认定；本指引只说明法定条件，不代表处理结果。';

/** The 免罚轻罚 navigator of one relief rule. */
export function leniencyGuide(l: Leniency): LeniencyGuide {
  const basis = formatBasis(l.basis);
  const conditions = [...(l.conditions ?? [])];
  const days = l.correctionDays;
  const hasDays = typeof days === 'number' && days > 0;
  const lateText = hasDays ? `超过${days}日仍未改正，或者拒不改正` : '逾期不改正，或者拒不改正';
  let outcome: string;
  let disqualifiers: string[];
  switch (l.kind) {
    case 'first-violation':
      outcome = `若为首次违法、危害后果轻微并在责令改正期限内改正，依据${basis}，可以不予行政处罚。`;
      disqualifiers = [
        '两年内有同类违法记录，不属于首次违法',
        '造成危害后果，或者后果较重',
        lateText,
        '“可以”不予处罚属于裁量：即使满足上述条件，执法机关仍可依法给予处罚',
      ];
      break;
    case 'no-penalty':
      outcome = `${conditions.length > 0 ? '若同时满足上述条件' : '若违法行为轻微并及时改正、没有造成危害后果'}，依据${basis}，不予行政处罚。`;
      disqualifiers = ['违法行为并非轻微，或者造成了危害后果', lateText, '不满足上述任一条件'];
      break;
    case 'lighter': {
      const mandatory = lighterIsMandatory(l.basis);
      outcome = `若具有上述情形，依据${basis}，${mandatory ? '应当' : '可以'}依法从轻或者减轻行政处罚；从轻或者减轻不等于免除处罚。`;
      disqualifiers = [
        '不具有上述情形',
        ...(mandatory ? [] : ['“可以”从轻或者减轻属于裁量：即使具有上述情形，执法机关也可以不予从轻']),
      ];
      break;
    }
    case 'none':
      outcome = '本事项没有可适用的免罚轻罚规定。';
      disqualifiers = [];
      break;
  }
  return {
    kind: l.kind,
    kindLabel: leniencyKindLabel(l.kind),
    conditions,
    ...(hasDays ? { correctionText: `须在${days}日内改正` } : {}),
    outcome,
    disqualifiers,
    decidedBy: DECIDED_BY,
    basis,
    ...(l.source ? { source: l.source } : {}),
    ...(l.note ? { note: l.note } : {}),
  };
}

export interface CountsView {
  readonly total: number;
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly notApplicable: number;
  readonly unsure: number;
  readonly rate: string;
}

export interface DomainRowView extends CountsView {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
}

export interface CitationView {
  readonly heading: string;
  readonly text: string;
}

export interface PenaltyView extends CitationView {
  readonly summary: string;
  readonly consequences: readonly string[];
}

export interface ActionView {
  readonly owner: string | null;
  readonly due: string | null;
  readonly corrected: string | null;
}

export interface GapView {
  /** 1-based position in the report's own (risk) order. */
  readonly index: number;
  readonly code: string;
  readonly domain: string;
  readonly domainName: string;
  readonly title: string;
  readonly question: string;
  readonly status: ReportGap['status'];
  readonly statusLabel: string;
  readonly note: string | null;
  readonly high: boolean;
  readonly reviewNeeded: boolean;
  readonly illegal: string;
  readonly basis: readonly CitationView[];
  readonly penalty: readonly PenaltyView[];
  readonly consequences: readonly string[];
  readonly guidance: readonly string[];
  readonly evidence: readonly string[];
  readonly leniency: readonly LeniencyGuide[];
  readonly action: ActionView;
}

export interface AnswerView {
  readonly code: string;
  readonly title: string;
  readonly status: AnswerStatus;
  readonly statusLabel: string;
  readonly note: string | null;
}

export interface AnswerGroupView {
  readonly code: string;
  readonly name: string;
  readonly answers: readonly AnswerView[];
}

export interface ReportView {
  /** Page title, also the document title. */
  readonly title: string;
  readonly org: {
    readonly name: string;
    readonly creditCode: string;
    readonly region: string;
    readonly industry: string;
    readonly size: string;
  };
  readonly submitted: string;
  readonly submittedAt: string;
  readonly checklistVersion: { readonly id: number; readonly hash: string; readonly label: string };
  readonly fingerprint: string;
  readonly verifyPath: string;
  readonly overall: CountsView;
  readonly domains: readonly DomainRowView[];
  readonly gapCount: number;
  readonly gapNonCompliant: number;
  readonly gapUnsure: number;
  readonly gaps: readonly GapView[];
  readonly answerGroups: readonly AnswerGroupView[];
  readonly methodNotes: readonly string[];
  /** Quick or full check, the trade, and how much of the check was answered (format 1: all of a full one). */
  readonly check: CheckView;
}

export interface CheckView {
  readonly mode: CheckMode;
  readonly modeLabel: string;
  readonly sceneName: string | null;
  readonly coverage: ReportCoverage;
  /** 自查覆盖：已答 n / 适用 m 项 */
  readonly coverageLine: string;
  readonly unchecked: readonly string[];
  /** 未自查的事项（n 项）：codes, or null when every item was answered. */
  readonly uncheckedLine: string | null;
}

function checkView(report: Report): CheckView {
  const mode = report.mode ?? 'full';
  const coverage = coverageOf(report);
  const unchecked = report.unchecked ?? [];
  return {
    mode,
    modeLabel: zh(mode === 'quick' ? 'quick.mode.quick' : 'quick.mode.full'),
    sceneName: report.scene?.name ?? null,
    coverage,
    coverageLine: zh('quick.coverage', { answered: coverage.answered, total: coverage.total }),
    unchecked,
    uncheckedLine:
      unchecked.length === 0 ? null : `${zh('quick.uncheckedList', { n: unchecked.length })}${unchecked.join('、')}`,
  };
}

function countsView(total: number, c: StatusCounts, rate: number | null): CountsView {
  return {
    total,
    compliant: c.compliant,
    nonCompliant: c.non_compliant,
    notApplicable: c.not_applicable,
    unsure: c.unsure,
    rate: formatRate(rate),
  };
}

function penaltyView(p: PenaltyCitation): PenaltyView {
  return {
    heading: citationHeading(p),
    text: p.text,
    summary: p.summary,
    consequences: (p.consequences ?? []).map(consequenceLabel),
  };
}

function gapView(g: ReportGap, index: number): GapView {
  return {
    index,
    code: g.code,
    domain: g.domain,
    domainName: g.domainName,
    title: g.title,
    question: g.question,
    status: g.status,
    statusLabel: statusLabel(g.status),
    note: g.note,
    high: g.high,
    reviewNeeded: g.reviewNeeded,
    illegal: g.illegal,
    basis: g.basis.map((c) => ({ heading: citationHeading(c), text: c.text })),
    penalty: g.penalty.map(penaltyView),
    consequences: g.consequences.map(consequenceLabel),
    guidance: g.guidance,
    evidence: g.evidence,
    leniency: g.leniency.map(leniencyGuide),
    action: {
      owner: g.action.owner,
      due: g.action.dueDate ? formatDayZh(g.action.dueDate) : null,
      corrected: g.action.correctedOn ? formatDayZh(g.action.correctedOn) : null,
    },
  };
}

// Answers grouped under the report's domains, in the report's order; answers of a
// domain the summary does not list still get a group of their own.
function answerGroups(report: Report): AnswerGroupView[] {
  const groups = new Map<string, { code: string; name: string; answers: AnswerView[] }>();
  for (const d of report.domains) groups.set(d.code, { code: d.code, name: d.name, answers: [] });
  for (const a of report.answers) {
    let group = groups.get(a.domain);
    if (!group) {
      group = { code: a.domain, name: a.domain, answers: [] };
      groups.set(a.domain, group);
    }
    group.answers.push({
      code: a.code,
      title: a.title,
      status: a.status,
      statusLabel: statusLabel(a.status),
      note: a.note,
    });
  }
  return [...groups.values()].filter((g) => g.answers.length > 0);
}

export function methodNotes(report: Report): string[] {
  return [
    '本报告依据企业自评结果生成，不代表执法机关的认定。',
    '合规率 = 符合项数 ÷（全部事项数 − 不适用项数）；全部不适用的领域不计算合规率。',
    '“免罚轻罚指引”只说明法律规定和公开清单中的条件；是否不予处罚或者从轻、减轻处罚，由有管辖权的执法机关根据具体案情个案认定。',
    `法律条文引自自评时的清单版本 v${report.checklistVersion.id}；法律修改后以现行有效文本为准。`,
    '校验码是报告内容规范化 JSON 的 SHA-256 摘要，报告内容有任何改动，校验码都会不同；可访问 /verify/<校验码> 核对。',
  ];
}

/** Everything the report template shows, already worded and formatted; no HTML. */
export function reportView(report: Report, fingerprint: string): ReportView {
  // The fingerprint is printed as proof of the content: never print anything else there.
  if (!/^[0-9a-f]{64}$/.test(fingerprint))
    throw new TypeError('reportView: fingerprint must be 64 lowercase hex digits (SHA-256)');
  const gaps = report.gaps.map((g, i) => gapView(g, i + 1));
  return {
    title: `${report.org.name} ${zh('report.kicker')}`,
    org: {
      name: report.org.name,
      creditCode: report.org.creditCode,
      region: report.org.region,
      industry: industryLabel(report.org.industry),
      size: sizeLabel(report.org.size),
    },
    submitted: formatInstantZh(report.submittedAt),
    submittedAt: report.submittedAt,
    checklistVersion: {
      id: report.checklistVersion.id,
      hash: report.checklistVersion.hash,
      label: `v${report.checklistVersion.id}（${report.checklistVersion.hash.slice(0, 12)}）`,
    },
    fingerprint,
    verifyPath: `/verify/${fingerprint}`,
    overall: countsView(report.overall.total, report.overall.counts, report.overall.complianceRate),
    domains: report.domains.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      department: d.department,
      ...countsView(d.total, d.counts, d.complianceRate),
    })),
    gapCount: gaps.length,
    gapNonCompliant: gaps.filter((g) => g.status === 'non_compliant').length,
    gapUnsure: gaps.filter((g) => g.status === 'unsure').length,
    gaps,
    answerGroups: answerGroups(report),
    methodNotes: methodNotes(report),
    check: checkView(report),
  };
}
