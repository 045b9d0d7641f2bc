// How a search query is cut into terms: the search and the highlighting of its
// matches on every page must cut it the same way.

const MAX_TERMS = 8;

/** Splits a query into lower-case terms (whitespace separated, at most 8). */
export function queryTerms(q: string): string[] {
  return [
    ...new Set(
      q
        .trim()
        .toLowerCase()
        .split(/\s+/)
        .filter((t) => t.length > 0),
    ),
  ].slice(0, MAX_TERMS);
}
