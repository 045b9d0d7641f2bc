// The search index of one checklist version, built once (the catalogue is immutable):
// jieba segmentation with the version's user dictionary, BM25F over the item fields,
// character bigrams for words the dictionary lacks, synonyms applied to the query.
// Ranking: BM25F summed over the query's concepts, times term coverage squared
// (an item that answers the whole question beats one that repeats one word), a
// small boost for high-frequency items; item codes typed in the query come first.
import type { ChecklistContent, Domain, Item } from '../../domain/checklist';
import { FIELDS, fieldTexts, type FieldName } from './fields';
import { charBigrams, normaliseQuery, normaliseText } from './normalise';
import { buildPostings, K1, type PostingTable } from './postings';
import { planQuery, type QueryPlan } from './query-plan';
import { addUserWords, indexTokens } from './segmenter';
import { snippetOf, sortTerms } from './snippet';
import { PhraseSuggester } from './suggestions';
import { SynonymTable } from './synonyms';
import { userDictionary } from './user-dictionary';

export interface SearchHit {
  readonly code: string;
  readonly title: string;
  readonly domain: string;
  /** One line of 什么是违法 around the first matched term. */
  readonly snippet: string;
  readonly score: number;
}

export interface SearchOptions {
  readonly domain?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface DomainFacet {
  readonly code: string;
  readonly count: number;
}

export interface SearchResult {
  /** Matching items (in the chosen domain, if any). */
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** Matching items per domain, whatever domain was chosen. */
  readonly facets: readonly DomainFacet[];
  /** The index terms that matched, longest first: what to highlight. */
  readonly terms: readonly string[];
  /** True when nothing matched well: show "您是不是要找…". */
  readonly weak: boolean;
  readonly suggestions: readonly string[];
}

interface Doc {
  readonly item: Item;
  readonly domain: Domain;
  readonly high: boolean;
  readonly illegalLower: string;
}

const HIGH_BOOST = 0.1;
const CODE_EXACT = 1000;
const CODE_PREFIX = 500;
// Below these an item is noise for this query: it shares a common word, not the question.
const MIN_COVERAGE = 0.35;
const MIN_RELATIVE_COVERAGE = 0.5;
const MIN_RELATIVE_SCORE = 0.05;
const WEAK_COVERAGE = 0.7;
const WEAK_SUGGESTION = 0.4;
const TYPO_SUGGESTION = 0.5;

type FieldTokens = Record<FieldName, string[]>;

// Bigrams are only the fallback for words the dictionary lacks: the long legal
// fields (quotes, conditions, cases) would triple their index for little gain.
const BIGRAM_FIELDS = new Set<FieldName>(['title', 'keywords', 'question', 'illegal', 'guidance', 'evidence']);

function tokenise(
  texts: Record<FieldName, string>,
  cut: (text: string) => string[],
  only?: ReadonlySet<FieldName>,
): FieldTokens {
  const out = {} as FieldTokens;
  for (const f of FIELDS) out[f.name] = only && !only.has(f.name) ? [] : cut(normaliseText(texts[f.name]));
  return out;
}

export class SearchIndex {
  private readonly docs: readonly Doc[];
  private readonly domains: readonly Domain[];
  private readonly words: PostingTable;
  private readonly bigrams: PostingTable;
  private readonly synonyms: SynonymTable;
  private readonly suggester: PhraseSuggester;

  constructor(content: ChecklistContent) {
    addUserWords(userDictionary(content));
    this.synonyms = new SynonymTable(content.synonyms);
    this.domains = content.domains;
    this.docs = content.domains.flatMap((domain) =>
      domain.items.map((item) => ({
        item,
        domain,
        high: item.frequency === 'high',
        illegalLower: item.illegal.toLowerCase(),
      })),
    );
    // Quotes and conditions repeat across items: segment each distinct text once.
    const memo = new Map<string, string[]>();
    const cut = (text: string): string[] => {
      let tokens = memo.get(text);
      if (!tokens) {
        tokens = indexTokens(text);
        memo.set(text, tokens);
      }
      return tokens;
    };
    const texts = this.docs.map((d) => fieldTexts(d.item));
    this.words = buildPostings(texts.map((t) => tokenise(t, cut)));
    this.bigrams = buildPostings(texts.map((t) => tokenise(t, charBigrams, BIGRAM_FIELDS)));
    this.suggester = new PhraseSuggester([
      ...this.docs.flatMap((d) => d.item.keywords ?? []),
      ...this.synonyms.terms(),
      ...this.docs.map((d) => d.item.title).filter((t) => t.length <= 16),
    ]);
  }

  get size(): { readonly items: number; readonly words: number; readonly bigrams: number } {
    return { items: this.docs.length, words: this.words.termCount, bigrams: this.bigrams.termCount };
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const q = normaliseQuery(query);
    const plan = planQuery(q, this.words, this.bigrams, this.synonyms);
    const n = this.docs.length;
    const total = new Float64Array(n);
    const covered = new Float64Array(n);
    const matchedTerms = new Set<string>();
    let importance = 0;
    for (const c of plan.concepts) {
      importance += c.importance;
      const best = new Float64Array(n);
      const bestWeight = new Float64Array(n);
      for (const a of c.alternatives) {
        const posting = (a.bigram ? this.bigrams : this.words).get(a.term);
        if (!posting) continue;
        if (a.term.length > 1) matchedTerms.add(a.term);
        for (let i = 0; i < posting.docs.length; i += 1) {
          const d = posting.docs[i];
          const tf = posting.tf[i];
          const s = (a.weight * posting.idf * tf) / (K1 + tf);
          if (s > best[d]) {
            best[d] = s;
            bestWeight[d] = a.weight;
          }
        }
      }
      for (let d = 0; d < n; d += 1) {
        if (best[d] === 0) continue;
        total[d] += best[d];
        covered[d] += c.importance * Math.min(1, bestWeight[d]);
      }
    }
    const scored = this.rank(plan, total, covered, importance);
    return this.page(scored, sortTerms(matchedTerms), q, options);
  }

  private rank(
    plan: QueryPlan,
    total: Float64Array,
    covered: Float64Array,
    importance: number,
  ): Array<{ doc: Doc; score: number; coverage: number }> {
    const codeScore = (code: string): number => {
      const lower = code.toLowerCase();
      let s = 0;
      for (const c of plan.codes) {
        if (lower === c) s = Math.max(s, CODE_EXACT);
        else if (lower.startsWith(c)) s = Math.max(s, CODE_PREFIX);
      }
      return s;
    };
    // Only items that matched something (or whose code was typed) are scored further.
    const all: Array<{ doc: Doc; score: number; coverage: number }> = [];
    this.docs.forEach((doc, d) => {
      const code = plan.codes.length > 0 ? codeScore(doc.item.code) : 0;
      if (total[d] === 0 && code === 0) return;
      const coverage = importance > 0 ? covered[d] / importance : 0;
      const bm = total[d] * coverage * coverage * (doc.high ? 1 + HIGH_BOOST : 1);
      all.push({ doc, score: bm + code, coverage: code > 0 && bm === 0 ? 1 : coverage });
    });
    const bestCoverage = all.reduce((m, s) => (s.score > 0 ? Math.max(m, s.coverage) : m), 0);
    const bestScore = all.reduce((m, s) => Math.max(m, s.score), 0);
    const minCoverage = Math.max(MIN_RELATIVE_COVERAGE * bestCoverage, MIN_COVERAGE);
    return all
      .filter((s) => s.score > 0 && s.score >= MIN_RELATIVE_SCORE * bestScore && s.coverage >= minCoverage)
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.coverage - a.coverage ||
          Number(b.doc.high) - Number(a.doc.high) ||
          a.doc.item.title.length - b.doc.item.title.length ||
          a.doc.domain.position - b.doc.domain.position,
      );
  }

  private page(
    scored: ReadonlyArray<{ doc: Doc; score: number; coverage: number }>,
    terms: string[],
    q: string,
    options: SearchOptions,
  ): SearchResult {
    const counts = new Map<string, number>();
    for (const s of scored) counts.set(s.doc.domain.code, (counts.get(s.doc.domain.code) ?? 0) + 1);
    const facets = this.domains.flatMap((d) => {
      const count = counts.get(d.code);
      return count ? [{ code: d.code, count }] : [];
    });
    const domain = options.domain?.toUpperCase();
    const inDomain = domain ? scored.filter((s) => s.doc.domain.code === domain) : scored;
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 50;
    const hits = inDomain.slice(offset, offset + limit).map((s) => ({
      code: s.doc.item.code,
      title: s.doc.item.title,
      domain: s.doc.domain.code,
      snippet: snippetOf(s.doc.item.illegal, terms, s.doc.illegalLower),
      score: Math.round(s.score * 1000) / 1000,
    }));
    const weak = scored.length === 0 || (scored[0]?.coverage ?? 0) < WEAK_COVERAGE;
    return {
      total: inDomain.length,
      hits,
      facets,
      terms,
      weak,
      // Weak results: anything close; good ones: only a near-identical phrase (a typo).
      suggestions: q.length === 0 ? [] : this.suggester.suggest(q, weak ? WEAK_SUGGESTION : TYPO_SUGGESTION),
    };
  }
}
