// Small-cell suppression: a figure that describes fewer than MIN_ORGS
// organisations is withheld, so no firm can be singled out by filtering.
export const MIN_ORGS = 5;

export const isSmall = (organisations: number): boolean => organisations < MIN_ORGS;

/**
 * Secondary suppression for a breakdown whose rows add up to a shown total:
 * if exactly one row is withheld, its figures would follow by subtraction, so
 * the next smallest row is withheld too.
 */
export function secondarySuppress<T extends { organisations: number; suppressed: boolean }>(rows: T[]): T[] {
  const withheld = rows.filter((r) => r.suppressed).length;
  if (withheld !== 1) return rows;
  const candidates = rows.filter((r) => !r.suppressed).sort((a, b) => a.organisations - b.organisations);
  const next = candidates.at(0);
  return next ? rows.map((r) => (r === next ? { ...r, suppressed: true } : r)) : rows;
}
