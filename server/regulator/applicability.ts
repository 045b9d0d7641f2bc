// Which submissions an item or domain describes, from the profile-tag bitmask
// stored per submission: bit i = the i-th profile question of that checklist
// version. An item applies when it has no appliesTo or shares a tag with the
// profile (the same rule as server/assessment/service.ts applicableItems).
import type { Catalogue } from '../catalogue/catalogue';

/** 0 = applies to everyone. */
export type ApplicabilityMask = number;

export function tagMask(catalogue: Catalogue, tags: readonly string[]): number {
  const set = new Set(tags);
  let mask = 0;
  catalogue.profile.forEach((q, i) => {
    if (i < 31 && set.has(q.tag)) mask |= 1 << i;
  });
  return mask;
}

export function itemMask(catalogue: Catalogue, appliesTo: readonly string[] | undefined): ApplicabilityMask {
  if (!appliesTo || appliesTo.length === 0) return 0;
  const m = tagMask(catalogue, appliesTo);
  // An appliesTo naming no known tag never applies: -1 marks that (no bit matches).
  return m === 0 ? -1 : m;
}

export function domainMask(catalogue: Catalogue, code: string): ApplicabilityMask {
  const domain = catalogue.domain(code);
  if (!domain) return -1;
  let m = 0;
  for (const item of domain.items) {
    const im = itemMask(catalogue, item.appliesTo);
    if (im === 0) return 0;
    if (im > 0) m |= im;
  }
  return m === 0 ? -1 : m;
}

export function applies(mask: ApplicabilityMask, profileMask: number): boolean {
  if (mask === 0) return true;
  if (mask < 0) return false;
  return (mask & profileMask) !== 0;
}
