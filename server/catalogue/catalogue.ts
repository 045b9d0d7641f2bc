// The immutable in-memory catalogue of one checklist version: domains, items by
// code and the search index (server/catalogue/search/). Pages never query the database for content.
import { Lru } from '../lib/lru';
import { SearchIndex, type SearchHit, type SearchOptions, type SearchResult } from './search/search-index';
import type { ChecklistContent, Domain, Item, ProfileQuestion, Scene } from '../domain/checklist';
import { leniencyDisplay } from './leniency-label';

export interface DomainSummary {
  readonly code: string;
  readonly position: number;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
  readonly summary: string;
  readonly itemCount: number;
  readonly highCount: number;
  readonly leniencyCount: number;
}

export type { SearchHit, SearchOptions, SearchResult } from './search/search-index';

export interface VersionInfo {
  readonly id: number;
  readonly hash: string;
  readonly createdAt: Date;
}

export const MAX_QUERY_LENGTH = 200;

export function hasLeniency(item: Item): boolean {
  return item.leniency.some((l) => leniencyDisplay(l).relief);
}

export class Catalogue {
  readonly domains: readonly Domain[];
  readonly profile: readonly ProfileQuestion[];
  readonly itemCount: number;
  private readonly domainsByCode: ReadonlyMap<string, Domain>;
  private readonly itemsByCode: ReadonlyMap<string, { item: Item; domain: Domain }>;
  private searchIndex: SearchIndex | undefined;
  private readonly summaries: readonly DomainSummary[];
  private readonly profileByTag: ReadonlyMap<string, ProfileQuestion>;
  readonly scenes: readonly Scene[];
  private readonly scenesById: ReadonlyMap<string, Scene>;
  // Content never changes within a version, so results of recent queries can be reused.
  private readonly searchCache = new Lru<string, SearchResult>(500);

  constructor(
    readonly version: VersionInfo,
    readonly content: ChecklistContent,
  ) {
    this.domains = content.domains;
    this.profile = content.profile.questions;
    this.domainsByCode = new Map(content.domains.map((d) => [d.code, d]));
    this.profileByTag = new Map(this.profile.map((q) => [q.tag, q]));
    // Versions stored before scenes existed have none in their content.
    const scenes: readonly Scene[] = (content as Partial<ChecklistContent>).scenes ?? [];
    this.scenes = scenes;
    this.scenesById = new Map(scenes.map((s) => [s.id, s]));
    this.itemsByCode = new Map(
      content.domains.flatMap((d) => d.items.map((item) => [item.code, { item, domain: d }] as const)),
    );
    this.itemCount = this.itemsByCode.size;
    this.summaries = content.domains.map((d) => ({
      code: d.code,
      position: d.position,
      name: d.name,
      nameEn: d.nameEn,
      department: d.department,
      summary: d.summary,
      itemCount: d.items.length,
      highCount: d.items.filter((i) => i.frequency === 'high').length,
      leniencyCount: d.items.filter(hasLeniency).length,
    }));
  }

  /** A trade's scene (行业场景) by its id. */
  scene(id: string): Scene | undefined {
    return this.scenesById.get(id);
  }

  domainSummaries(): readonly DomainSummary[] {
    return this.summaries;
  }

  /** The profile questions behind an item's appliesTo tags (none = applies to every business). */
  profileQuestionsOf(item: Item): ProfileQuestion[] {
    return (item.appliesTo ?? []).flatMap((t) => this.profileByTag.get(t) ?? []);
  }

  domain(code: string): Domain | undefined {
    return this.domainsByCode.get(code.toUpperCase());
  }

  item(code: string): { item: Item; domain: Domain } | undefined {
    return this.itemsByCode.get(code.toUpperCase());
  }

  /**
   * The search index, built on first use (segmenting every item takes a few hundred
   * ms, and most versions other than the current one are never searched).
   */
  searchIndexOf(): SearchIndex {
    this.searchIndex ??= new SearchIndex(this.content);
    return this.searchIndex;
  }

  /** Ranked hits, highlighting terms, domain facets and suggestions for a query. */
  find(q: string, options: SearchOptions = {}): SearchResult {
    const key = `${options.domain ?? ''}\u0000${options.limit ?? ''}\u0000${options.offset ?? ''}\u0000${q}`;
    const cached = this.searchCache.get(key);
    if (cached) return cached;
    const result = this.searchIndexOf().search(q, options);
    this.searchCache.set(key, result);
    return result;
  }

  /** The first `limit` hits of a query. */
  search(q: string, limit = 50): readonly SearchHit[] {
    return this.find(q, { limit }).hits;
  }
}
