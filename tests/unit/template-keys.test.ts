// Every message key a template names ({{t "…"}}, {{tt "…"}}, (t "…") subexpressions,
// and the literal prefix of (concat "prefix." x)) must be in the catalogue: a typo
// would otherwise show the bare key on the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMessageKey, messages } from '../../server/i18n';

const viewsDir = join(__dirname, '..', '..', 'views');

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'assets' ? [] : templates(path);
    return e.name.endsWith('.hbs') ? [path] : [];
  });
}

const LITERAL_KEY = /[{(]~?\s*tt?\s+"([^"]+)"/g;
const CONCAT_PREFIX = /[{(]~?\s*tt?\s+\(concat\s+"([^"]+)"/g;

function keysIn(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

describe('template message keys', () => {
  const files = templates(viewsDir);

  it('finds the templates and the keys they use', () => {
    const all = files.flatMap((f) => keysIn(readFileSync(f, 'utf8'), LITERAL_KEY));
    expect(files.length).toBeGreaterThan(20);
    expect(all.length).toBeGreaterThan(200);
  });

  it('every literal key is in the catalogue', () => {
    const missing = files.flatMap((f) =>
      keysIn(readFileSync(f, 'utf8'), LITERAL_KEY)
        .filter((k) => !isMessageKey(k))
        .map((k) => `${relative(viewsDir, f)}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('every concat prefix names at least one key', () => {
    const keys = Object.keys(messages);
    const missing = files.flatMap((f) =>
      keysIn(readFileSync(f, 'utf8'), CONCAT_PREFIX)
        .filter((prefix) => !keys.some((k) => k.startsWith(prefix)))
        .map((prefix) => `${relative(viewsDir, f)}: ${prefix}…`),
    );
    expect(missing).toEqual([]);
  });

  it('recognises a key that is not in the catalogue', () => {
    expect(keysIn('{{t "no.such.key"}} {{tt (concat "x." y)}} (t "a.b" n=1)', LITERAL_KEY)).toEqual([
      'no.such.key',
      'a.b',
    ]);
    expect(isMessageKey('no.such.key')).toBe(false);
  });
});
