// Who uses Hegui. A company user belongs to an organisation; the others do not.

export const ROLES = ['company', 'lecturer', 'regulator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The roles that may read regulators' statistics and exports. */
export const REGULATOR_ROLES = ['regulator', 'admin'] as const satisfies readonly Role[];
