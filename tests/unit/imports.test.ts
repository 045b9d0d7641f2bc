// The floors of the code (README "Architecture", DESIGN §2), checked on every
// relative import of every .ts file under server/ and db/: a file imports only
// from its own floor or below, an area reaches no other area's insides (it gets
// what it needs from server/app.ts), and no chain of imports runs in a circle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(__dirname, '../..');

type Floor = 'ground' | 'http' | 'areas' | 'top';
const RANK: Readonly<Record<Floor, number>> = { ground: 0, http: 1, areas: 2, top: 3 };

const AREAS = new Set([
  'catalogue',
  'accounts',
  'assessment',
  'presentation',
  'regulator',
  'audit',
  'guidance',
  'editorial',
]);

/** Areas every other area may import: the catalogue is read-only for all. */
const SHARED_AREAS = new Set(['catalogue']);

/**
 * Upward imports tolerated for now, each with its reason. Remove an entry when
 * its reason goes: the test then keeps it from coming back.
 */
const ALLOWED_UPWARD: ReadonlyArray<readonly [string, string]> = [];

interface Place {
  readonly floor: Floor;
  /** The area folder, for files in one. */
  readonly area?: string;
}

/** Where a file sits; undefined for a file no floor claims (the test fails on it). */
function placeOf(file: string): Place | undefined {
  const parts = file.split('/');
  if (parts[0] === 'db') return { floor: 'ground' };
  if (parts[0] !== 'server') return undefined;
  const [, first] = parts;
  if (parts.length === 2) {
    // Loose files: configuration and logging are generic; area.ts is the contract
    // app.ts hands every area; the rest compose the app.
    if (first === 'config.ts' || first === 'logger.ts') return { floor: 'ground' };
    if (first === 'area.ts') return { floor: 'areas' };
    if (first === 'app.ts' || first === 'main.ts' || first === 'openapi.ts') return { floor: 'top' };
    return undefined;
  }
  if (first === 'lib' || first === 'domain' || first === 'i18n') return { floor: 'ground' };
  if (first === 'http') return { floor: 'http' };
  if (first === 'tools') return { floor: 'top' };
  if (AREAS.has(first)) return { floor: 'areas', area: first };
  return undefined;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// Static imports and re-exports (type-only ones too: they tie the files together
// just as much), dynamic import() and require() of relative paths.
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*'(\.[^']*)'|(?:^|\n)\s*import\s*'(\.[^']*)'|\bimport\(\s*'(\.[^']*)'\s*\)|\brequire\(\s*'(\.[^']*)'\s*\)/g;

function importsOf(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    // One of the four groups matched; the others are undefined at run time.
    const spec = m.slice(1).find((g: string | undefined) => g !== undefined);
    if (spec === undefined) continue;
    const base = resolve(root, dirname(file), spec);
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    found.push(
      relative(root, target ?? `${base}.ts`)
        .split(sep)
        .join('/'),
    );
  }
  return found;
}

const files = [...tsFiles('server'), ...tsFiles('db')].sort();
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** The import's breach of the floors, or undefined when it keeps to them. */
function breach(from: string, to: string): string | undefined {
  const a = placeOf(from);
  const b = placeOf(to);
  if (!a || !b) return undefined; // reported by the "every file has a floor" test
  if (ALLOWED_UPWARD.some(([x, y]) => x === from && y === to)) return undefined;
  if (RANK[b.floor] > RANK[a.floor]) return `${from} (${a.floor}) imports ${to} (${b.floor}): upward`;
  if (a.area && b.area && a.area !== b.area && !SHARED_AREAS.has(b.area))
    return `${from} (area ${a.area}) imports ${to}: inside another area`;
  return undefined;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const to of graph.get(f) ?? []) {
      if (!graph.has(to)) continue;
      if (state.get(to) === 'open') found.push([...stack.slice(stack.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('imports keep to the floors', () => {
  test('the walk finds the code (a broken walk would pass everything)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('server/app.ts')).toContain('server/assessment/service.ts');
    expect(graph.get('db/schema.ts')).toContain('server/domain/report.ts');
  });

  test('every file under server/ and db/ sits on a floor', () => {
    expect(files.filter((f) => placeOf(f) === undefined)).toEqual([]);
  });

  test('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([from, tos]) =>
      tos.filter((to) => !existsSync(join(root, to))).map((to) => `${from} -> ${to}`),
    );
    expect(missing).toEqual([]);
  });

  test('no import runs up a floor or into another area', () => {
    const breaches = [...graph].flatMap(([from, tos]) =>
      tos.map((to) => breach(from, to)).filter((b) => b !== undefined),
    );
    expect(breaches).toEqual([]);
  });

  test('the allowed upward imports still exist (a stale entry would hide a new one)', () => {
    for (const [from, to] of ALLOWED_UPWARD) expect(graph.get(from) ?? []).toContain(to);
  });

  test('no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  test('the cycle walk finds a cycle, type-only or not', () => {
    const tiny = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(tiny)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  test('the rules catch what they are for', () => {
    expect(breach('db/schema.ts', 'server/assessment/report-builder.ts')).toMatch(/upward/);
    expect(breach('server/http/views.ts', 'server/catalogue/catalogue.ts')).toMatch(/upward/);
    expect(breach('server/lib/lru.ts', 'server/http/errors.ts')).toMatch(/upward/);
    expect(breach('server/assessment/service.ts', 'server/regulator/record.ts')).toMatch(/another area/);
    expect(breach('server/accounts/api.ts', 'server/assessment/report-text.ts')).toMatch(/another area/);
    expect(breach('server/regulator/pages.ts', 'server/catalogue/catalogue.ts')).toBeUndefined();
    expect(breach('server/app.ts', 'server/regulator/record.ts')).toBeUndefined();
    expect(breach('server/http/errors.ts', 'server/logger.ts')).toBeUndefined();
  });
});
