// How much of the checklist a self-assessment asks: a trade's quick check
// (its most-found items that apply to the profile) or every applicable item.
export const CHECK_MODES = ['quick', 'full'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

export const isCheckMode = (value: unknown): value is CheckMode =>
  typeof value === 'string' && (CHECK_MODES as readonly string[]).includes(value);
