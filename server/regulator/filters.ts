// Dashboard and export filters, read from the query string (so every view is a
// link) and checked by hand: pages also carry lang and other parameters.
import type { Catalogue } from '../catalogue/catalogue';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { isOrgSize, ORG_SIZES, type OrgSize } from '../domain/organisation';
import { badRequest, fieldError, type FieldError } from '../http/errors';

export interface StatsFilters {
  /** YYYY-MM, inclusive (months in China time). */
  readonly from?: string;
  readonly to?: string;
  readonly region?: string;
  /** GB/T 4754 section letter. */
  readonly industry?: string;
  readonly size?: OrgSize;
  readonly domain?: string;
  readonly version: number;
}

export const FILTER_KEYS = ['from', 'to', 'region', 'industry', 'size', 'domain', 'version'] as const;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function one(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  const value: unknown = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Resolves the checklist version too: figures are always for one version, the current one by default. */
export async function parseFilters(
  query: Record<string, unknown>,
  store: CatalogueStore,
): Promise<{ filters: StatsFilters; catalogue: Catalogue }> {
  const errors: FieldError[] = [];
  const from = one(query, 'from');
  const to = one(query, 'to');
  const region = one(query, 'region');
  const industry = one(query, 'industry')?.toUpperCase();
  const size = one(query, 'size');
  const domain = one(query, 'domain')?.toUpperCase();
  const versionRaw = one(query, 'version');
  if (from && !MONTH.test(from)) errors.push(fieldError('from', 'reg.error.month'));
  if (to && !MONTH.test(to)) errors.push(fieldError('to', 'reg.error.month'));
  if (from && to && MONTH.test(from) && MONTH.test(to) && from > to)
    errors.push(fieldError('to', 'reg.error.toBeforeFrom'));
  if (region && region.length > 60) errors.push(fieldError('region', 'reg.error.regionLength'));
  if (industry && !/^[A-T]$/.test(industry)) errors.push(fieldError('industry', 'reg.error.industry'));
  if (size && !isOrgSize(size)) errors.push(fieldError('size', 'reg.error.size', { values: ORG_SIZES.join(', ') }));
  let catalogue = store.current();
  if (versionRaw) {
    const id = /^\d{1,9}$/.test(versionRaw) ? Number(versionRaw) : NaN;
    const found = Number.isInteger(id) ? await store.version(id) : undefined;
    if (!found) errors.push(fieldError('version', 'reg.error.version'));
    else catalogue = found;
  }
  if (domain && !catalogue.domain(domain)) errors.push(fieldError('domain', 'reg.error.domain'));
  if (errors.length > 0) throw badRequest('reg.error.filters', undefined, errors);
  return {
    catalogue,
    filters: { from, to, region, industry, size: size as OrgSize | undefined, domain, version: catalogue.version.id },
  };
}

/** The filters as a query string (without the leading ?), for links and export URLs. */
export function filterQuery(filters: StatsFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, String(value));
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
