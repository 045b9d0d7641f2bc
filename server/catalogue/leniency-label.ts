// Which label and caveat a 免罚轻罚 entry shows, from its kind and flags. Every page,
// report, export and deck asks here, so a discretionary 轻微不罚 is never shown as a
// certain one and an item without any administrative fine never gets a leniency verdict.
import type { Leniency } from '../domain/checklist';

export interface LeniencyDisplay {
  /** Message key of the heading (法定免予处罚, 可能适用轻微不罚 …). */
  readonly labelKey: string;
  /** Shown after the heading: the condition of a statutory exemption. */
  readonly labelDetail?: string;
  /** Message key of the line under the heading, with its parameters. */
  readonly caveatKey?: string;
  readonly caveatParams?: Readonly<Record<string, string>>;
  /** True when the entry offers relief from a penalty (not none, not no-fine). */
  readonly relief: boolean;
}

export function leniencyDisplay(l: Leniency): LeniencyDisplay {
  switch (l.kind) {
    case 'no-penalty':
      if (l.correctionFirst)
        return {
          labelKey: 'leniency.no-penalty.correction-first',
          caveatKey: 'leniency.caveat.correction-first',
          relief: true,
        };
      if (l.discretionary)
        return {
          labelKey: 'leniency.no-penalty.discretionary',
          caveatKey: 'leniency.caveat.discretionary',
          relief: true,
        };
      return { labelKey: 'leniency.no-penalty', relief: true };
    case 'statutory-exemption':
      return {
        labelKey: l.discretionary ? 'leniency.statutory-exemption.discretionary' : 'leniency.statutory-exemption',
        ...(l.conditions?.[0] ? { labelDetail: l.conditions[0] } : {}),
        ...(l.discretionary ? { caveatKey: 'leniency.caveat.statutory-discretionary' } : {}),
        relief: true,
      };
    case 'no-fine':
      return {
        labelKey: 'leniency.no-fine',
        caveatKey: 'leniency.caveat.no-fine',
        caveatParams: { ifIgnored: l.ifIgnored ?? '' },
        relief: false,
      };
    case 'first-violation':
    case 'lighter':
      return { labelKey: `leniency.${l.kind}`, relief: true };
    case 'none':
      return { labelKey: 'leniency.none', relief: false };
  }
}

/** The heading and caveat as one Chinese line each, for exports, reports and decks. */
export function leniencyTextZh(
  l: Leniency,
  translate: (key: string, params?: Record<string, string>) => string,
): { readonly label: string; readonly caveat?: string } {
  const d = leniencyDisplay(l);
  const label = `${translate(d.labelKey)}${d.labelDetail ? `：${d.labelDetail}` : ''}`;
  return d.caveatKey ? { label, caveat: translate(d.caveatKey, { ...d.caveatParams }) } : { label };
}
