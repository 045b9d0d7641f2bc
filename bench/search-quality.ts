// npm run bench:search-quality — hit rate of the search on the everyday query set
// (tests/fixtures/search-queries.yaml, or the file given): share of queries with a right item in the
// top 3, share with no result at all, and the queries that miss. Runs in-process
// on the real checklist (no server, no database).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Catalogue } from '../server/catalogue/catalogue';
import { loadChecklistsOrThrow } from '../server/catalogue/load';
import { contentHash } from '../server/catalogue/version-import';

interface QueryCase {
  readonly q: string;
  readonly items: readonly string[];
}

const root = join(__dirname, '..');
const content = loadChecklistsOrThrow(join(root, 'checklists'));
const catalogue = new Catalogue({ id: 1, hash: contentHash(content), createdAt: new Date() }, content);
const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'tests', 'fixtures', 'search-queries.yaml');
const cases = (
  parse(readFileSync(file, 'utf8')) as {
    queries: QueryCase[];
  }
).queries;

let hits = 0;
let zero = 0;
let weak = 0;
const misses: string[] = [];
for (const c of cases) {
  const found = catalogue.find(c.q, { limit: 10 });
  const results = found.hits;
  if (found.weak) weak += 1;
  if (results.length === 0) zero += 1;
  const top = results.slice(0, 3).map((r) => r.code);
  if (top.some((code) => c.items.includes(code))) hits += 1;
  else misses.push(`  ${c.q} → want ${c.items.join('/')}, got ${top.join(', ') || '(nothing)'}`);
}
const pct = (n: number): string => `${((100 * n) / cases.length).toFixed(1)} %`;
console.log(`${cases.length} everyday queries`);
console.log(`right item in the top 3: ${hits} (${pct(hits)})`);
console.log(`no result at all:        ${zero} (${pct(zero)})`);
console.log(`weak ("您是不是要找…"):   ${weak} (${pct(weak)})`);
if (process.argv.includes('--misses') && misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);
