// The immutable in-memory catalogue of one checklist version: domains, items by
// code and a substring search index. Pages never query the database for content.
import { Lru } from '../lib/lru';
import { queryTerms } from '../lib/query-terms';
import type { ChecklistContent, Domain, Item, ProfileQuestion, Scene } from '../domain/checklist';

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

export interface SearchHit {
  readonly code: string;
  readonly title: string;
  readonly domain: string;
  readonly snippet: string;
  readonly score: number;
}

export interface VersionInfo {
  readonly id: number;
  readonly hash: string;
  readonly createdAt: Date;
}

interface IndexedField {
  readonly weight: number;
  readonly text: string;
  readonly lower: string;
}
interface IndexedItem {
  readonly item: Item;
  readonly domain: Domain;
  readonly fields: readonly IndexedField[];
  readonly all: string;
}

export const MAX_QUERY_LENGTH = 200;
const SNIPPET_RADIUS = 36;

export function hasLeniency(item: Item): boolean {
  return item.leniency.some((l) => l.kind !== 'none');
}

function indexItem(item: Item, domain: Domain): IndexedItem {
  const raw: Array<[number, string]> = [
    [100, item.code],
    [10, item.title],
    [6, item.question],
    [4, item.illegal],
    ...item.basis.flatMap((b): Array<[number, string]> => [
      [3, `${b.law}${b.article}`],
      [3, b.text],
    ]),
    ...item.penalty.flatMap((p): Array<[number, string]> => [
      [2, p.summary],
      [2, p.text],
    ]),
    ...item.guidance.map((g): [number, string] => [2, g]),
    ...item.evidence.map((e): [number, string] => [1, e]),
    ...item.leniency.flatMap((l): Array<[number, string]> => [
      ...(l.conditions ?? []).map((c): [number, string] => [1, c]),
      [1, l.note ?? ''],
    ]),
    ...(item.cases ?? []).flatMap((c): Array<[number, string]> => [
      [1, c.title],
      [1, c.facts],
    ]),
  ];
  const fields = raw
    .filter(([, t]) => t.length > 0)
    .map(([weight, text]) => ({ weight, text, lower: text.toLowerCase() }));
  // All fields joined by a separator no query contains: one includes() rules most items out.
  return { item, domain, fields, all: fields.map((f) => f.lower).join('\u0000') };
}

function snippetOf(field: IndexedField, term: string): string {
  if (field.text.length <= SNIPPET_RADIUS * 2) return field.text;
  const at = Math.max(0, field.lower.indexOf(term));
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(field.text.length, at + term.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${field.text.slice(start, end)}${end < field.text.length ? '…' : ''}`;
}

export class Catalogue {
  readonly domains: readonly Domain[];
  readonly profile: readonly ProfileQuestion[];
  readonly itemCount: number;
  private readonly domainsByCode: ReadonlyMap<string, Domain>;
  private readonly itemsByCode: ReadonlyMap<string, { item: Item; domain: Domain }>;
  private readonly index: readonly IndexedItem[];
  private readonly summaries: readonly DomainSummary[];
  private readonly profileByTag: ReadonlyMap<string, ProfileQuestion>;
  readonly scenes: readonly Scene[];
  private readonly scenesById: ReadonlyMap<string, Scene>;
  // Content never changes within a version, so results of recent queries can be reused.
  private readonly searchCache = new Lru<string, SearchHit[]>(500);

  constructor(
    readonly version: VersionInfo,
    readonly content: ChecklistContent,
  ) {
    this.domains = content.domains;
    this.profile = content.profile.questions;
    this.domainsByCode = new Map(content.domains.map((d) => [d.code, d]));
    this.profileByTag = new Map(this.profile.map((q) => [q.tag, q]));
    this.scenes = content.scenes;
    this.scenesById = new Map(content.scenes.map((s) => [s.id, s]));
    this.itemsByCode = new Map(
      content.domains.flatMap((d) => d.items.map((item) => [item.code, { item, domain: d }] as const)),
    );
    this.itemCount = this.itemsByCode.size;
    this.index = content.domains.flatMap((d) => d.items.map((i) => indexItem(i, d)));
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
   * Every term must occur in some field of the item (substring match, so Chinese
   * needs no tokeniser). Score: per term the weight of the best field it occurs in.
   */
  search(q: string, limit = 50): SearchHit[] {
    const terms = queryTerms(q);
    if (terms.length === 0) return [];
    const key = `${limit}\u0000${terms.join('\u0000')}`;
    const cached = this.searchCache.get(key);
    if (cached) return cached;
    const hits: SearchHit[] = [];
    for (const entry of this.index) {
      if (!terms.every((term) => entry.all.includes(term))) continue;
      let score = 0;
      let best: { field: IndexedField; term: string } | undefined;
      for (const term of terms) {
        let termBest: IndexedField | undefined;
        for (const field of entry.fields) {
          if ((termBest === undefined || field.weight > termBest.weight) && field.lower.includes(term))
            termBest = field;
        }
        if (!termBest) {
          score = 0;
          break;
        }
        score += termBest.weight;
        if (!best || termBest.weight > best.field.weight) best = { field: termBest, term };
      }
      if (score === 0 || !best) continue;
      const snippetField = best.field.weight === 100 ? entry.fields[1] : best.field;
      hits.push({
        code: entry.item.code,
        title: entry.item.title,
        domain: entry.domain.code,
        snippet: snippetOf(snippetField, best.term),
        score,
      });
    }
    hits.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const result = hits.slice(0, limit);
    this.searchCache.set(key, result);
    return result;
  }
}
