// The project's own law texts (checklists/laws/): every indexed text names the
// source it was copied from and parses into articles, and every citation of a
// title indexed here verifies against it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LawLibrary, parseLawText } from '../../server/catalogue/laws';
import { loadChecklists } from '../../server/catalogue/load';

const dir = resolve(__dirname, '..', '..', 'checklists', 'laws');

interface IndexRow {
  readonly title: string;
  readonly date: string;
  readonly latest: string;
  readonly path: string;
  readonly source: string;
}

const rows: IndexRow[] = readFileSync(join(dir, 'INDEX.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [title, , date, latest, path, source] = line.split('\t');
    return { title, date, latest, path, source };
  });

function problemsOf(row: IndexRow): string[] {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) problems.push('date is not YYYY-MM-DD');
  if (!['yes', 'no'].includes(row.latest)) problems.push('latest is not yes or no');
  if (!/^https?:\/\/\S+ \d{4}-\d{2}-\d{2}$/.test(row.source)) problems.push('source is not "URL YYYY-MM-DD"');
  const file = join(dir, row.path);
  if (!existsSync(file)) return [...problems, `no file ${row.path}`];
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(`# ${row.title}`)) problems.push('file does not start with its title');
  if (!text.includes(`来源：${row.source.split(' ')[0]}`)) problems.push('file does not name its source');
  if (parseLawText(text).size === 0) problems.push('no articles');
  return problems.map((p) => `${row.title}: ${p}`);
}

describe('checklists/laws', () => {
  test('every indexed text has its file, date, source and articles', () => {
    expect(rows.flatMap(problemsOf)).toEqual([]);
  });

  test('every citation of a text indexed here verifies', () => {
    const titles = new Set(rows.map((r) => r.title));
    const laws = new LawLibrary(dir);
    const content = loadChecklists(resolve(__dirname, '..', '..', 'checklists')).content;
    expect(content).toBeDefined();
    const failures: string[] = [];
    for (const domain of content?.domains ?? [])
      for (const item of domain.items)
        for (const c of [...item.basis, ...item.penalty]) {
          if (!titles.has(c.law)) continue;
          const verdict = laws.verify(c);
          if (!verdict.ok) failures.push(`${item.code} ${c.law} ${c.article}: ${verdict.reason}`);
        }
    expect(failures).toEqual([]);
  });
});
