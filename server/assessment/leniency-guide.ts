// The 免罚轻罚 navigator of one relief rule: the conditions to tick, what the law
// provides in plain words citing the basis, when it does not apply and who decides.
import type { Leniency, LeniencyKind } from '../domain/checklist';
import { leniencyTextZh } from '../catalogue/leniency-label';
import { translateAny } from '../i18n';
import { formatBasis, zh } from './report-words';

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

/** The 免罚轻罚 navigator of one relief rule. */
export function leniencyGuide(l: Leniency): LeniencyGuide {
  const basis = formatBasis(l.basis);
  const conditions = [...(l.conditions ?? [])];
  const days = l.correctionDays;
  const hasDays = typeof days === 'number' && days > 0;
  const lateText = hasDays ? zh('report.guide.lateDays', { days }) : zh('report.guide.late');
  let outcome: string;
  let disqualifiers: string[];
  switch (l.kind) {
    case 'first-violation':
      outcome = zh('report.guide.firstViolation.outcome', { basis });
      disqualifiers = [
        zh('report.guide.firstViolation.repeat'),
        zh('report.guide.firstViolation.harm'),
        lateText,
        zh('report.guide.firstViolation.discretion'),
      ];
      break;
    case 'no-penalty':
      if (l.correctionFirst) {
        outcome = zh('report.guide.noPenalty.correctionFirst', { basis });
        disqualifiers = [lateText];
      } else if (l.discretionary) {
        outcome = zh('report.guide.noPenalty.discretionary', { basis });
        disqualifiers = [zh('report.guide.noPenalty.notMinorDecided'), lateText, zh('report.guide.noPenalty.anyUnmet')];
      } else {
        outcome = zh(conditions.length > 0 ? 'report.guide.noPenalty.outcomeIf' : 'report.guide.noPenalty.outcome', {
          basis,
        });
        disqualifiers = [zh('report.guide.noPenalty.notMinor'), lateText, zh('report.guide.noPenalty.anyUnmet')];
      }
      break;
    case 'statutory-exemption':
      outcome = zh(l.discretionary ? 'report.guide.statutory.may' : 'report.guide.statutory.must', { basis });
      disqualifiers = [zh('report.guide.statutory.unmet')];
      break;
    case 'no-fine':
      outcome = zh('report.guide.noFine', { ifIgnored: (l.ifIgnored ?? '').replace(/。$/, '') });
      disqualifiers = [];
      break;
    case 'lighter': {
      const mandatory = lighterIsMandatory(l.basis);
      outcome = zh(mandatory ? 'report.guide.lighter.outcomeMust' : 'report.guide.lighter.outcomeMay', { basis });
      disqualifiers = [
        zh('report.guide.lighter.absent'),
        ...(mandatory ? [] : [zh('report.guide.lighter.discretion')]),
      ];
      break;
    }
    case 'none':
      outcome = zh('report.noRelief');
      disqualifiers = [];
      break;
  }
  return {
    kind: l.kind,
    kindLabel: leniencyTextZh(l, (key, params) => translateAny('zh-CN', key, params)).label,
    conditions,
    ...(hasDays ? { correctionText: zh('report.guide.correctWithin', { days }) } : {}),
    outcome,
    disqualifiers,
    decidedBy: zh('report.guide.decidedBy'),
    basis,
    ...(l.source ? { source: l.source } : {}),
    ...(l.note ? { note: l.note } : {}),
  };
}
