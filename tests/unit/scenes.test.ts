// The loader's checks on checklists/scenes/*.yaml: each problem names the file,
// the scene's item code (where there is one) and the field.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { formatProblem, loadChecklists } from '../../server/catalogue/load';
import { contentHash } from '../../server/catalogue/version-import';
import { checklistsDir } from '../support/app';
import { fixtureItem } from '../support/fixtures';

const CODES = Array.from({ length: 20 }, (_, i) => `XF-${String(i + 1).padStart(3, '0')}`);

/** A folder with the real schemas and profile, one domain of 20 items (XF-001 high) and the given scenes. */
function folderWith(scenes: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hegui-scenes-'));
  cpSync(join(checklistsDir, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(checklistsDir, 'profile.yaml'), join(dir, 'profile.yaml'));
  mkdirSync(join(dir, 'domains'));
  const items = CODES.map((code, i) =>
    i === 0
      ? fixtureItem(code, {
          frequency: 'high',
          cases: [{ title: '示例', facts: '事实经过', outcome: '处理结果', lesson: '教训要点', illustrative: true }],
        })
      : fixtureItem(code),
  );
  const domain = {
    code: 'XF',
    position: 3,
    name: '消防安全',
    nameEn: 'Fire safety',
    department: '消防救援机构',
    summary: '单位消防安全职责的测试领域。',
    items,
  };
  writeFileSync(join(dir, 'domains', '03-xf.yaml'), stringify(domain));
  mkdirSync(join(dir, 'scenes'));
  for (const [name, data] of Object.entries(scenes))
    writeFileSync(join(dir, 'scenes', name), typeof data === 'string' ? data : stringify(data));
  return dir;
}

/** A valid scene: XF-001 (high) and 15 normal items with reasons in quick, the rest in full. */
function scene(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const quick = CODES.slice(0, 16);
  return {
    id: 'restaurant',
    name: '餐饮店',
    nameEn: 'Restaurant',
    description: '饭店、小吃店等对外提供餐饮服务的门店。',
    industries: [{ section: 'H', divisions: ['62'] }],
    tags: ['employees'],
    quick,
    full: CODES.slice(16),
    reasons: Object.fromEntries(quick.slice(1).map((c) => [c, '检查时常见的问题。'])),
    ...overrides,
  };
}

function problemsOf(dir: string): string[] {
  return loadChecklists(dir, dir).problems.map(formatProblem);
}

describe('loading scene files', () => {
  it('loads a valid scene into the content', () => {
    const dir = folderWith({ 'restaurant.yaml': scene() });
    const result = loadChecklists(dir, dir);
    expect(result.problems).toEqual([]);
    expect(result.content?.scenes.map((s) => [s.id, s.quick.length, s.full.length])).toEqual([['restaurant', 16, 4]]);
  });

  it('makes the scenes part of the versioned content: another quick order is another hash', () => {
    const hashOf = (dir: string): string | undefined => {
      const content = loadChecklists(dir, dir).content;
      return content && contentHash(content);
    };
    const quick = CODES.slice(0, 16);
    const same = hashOf(folderWith({ 'restaurant.yaml': scene() }));
    expect(hashOf(folderWith({ 'restaurant.yaml': scene() }))).toBe(same);
    expect(hashOf(folderWith({ 'restaurant.yaml': scene({ quick: [...quick].reverse() }) }))).not.toBe(same);
    expect(same).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has no scenes when the folder has no scenes directory', () => {
    const dir = folderWith({});
    expect(loadChecklists(dir, dir).content?.scenes).toEqual([]);
  });

  it('names the file when its name is not a kebab-case id, or differs from the id', () => {
    const dir = folderWith({ 'Restaurant_1.yaml': scene(), 'eatery.yaml': scene() });
    expect(problemsOf(dir)).toEqual([
      'scenes/Restaurant_1.yaml: file name must be the kebab-case scene id (e.g. restaurant.yaml)',
      'scenes/eatery.yaml: /id: must equal the file name (eatery.yaml)',
    ]);
  });

  it('names file and field of a schema error', () => {
    const broken: Record<string, unknown> = { ...scene(), colour: 'red' };
    delete broken.nameEn;
    const dir = folderWith({ 'restaurant.yaml': broken });
    expect(problemsOf(dir)).toEqual([
      "scenes/restaurant.yaml: /: must have required property 'nameEn'",
      'scenes/restaurant.yaml: /: must NOT have additional properties (colour)',
    ]);
  });

  it('names the item and field of a code that does not exist', () => {
    const quick = [...CODES.slice(0, 15), 'XF-099'];
    const dir = folderWith({
      'restaurant.yaml': scene({ quick, reasons: Object.fromEntries(quick.slice(1).map((c) => [c, '常见的问题。'])) }),
    });
    expect(problemsOf(dir)).toEqual([
      'scenes/restaurant.yaml: item XF-099: /quick/15: no item has this code',
      'scenes/restaurant.yaml: item XF-099: /reasons/XF-099: no item has this code',
    ]);
  });

  it('rejects a quick list shorter than 15 items', () => {
    const dir = folderWith({
      'restaurant.yaml': scene({ quick: CODES.slice(0, 14), full: CODES.slice(14), reasons: {} }),
    });
    expect(problemsOf(dir)).toEqual(['scenes/restaurant.yaml: /quick: must NOT have fewer than 15 items']);
  });

  it('rejects a quick list longer than 40 items and a code listed twice', () => {
    const long = [...CODES, ...CODES, 'XF-001'];
    const dir = folderWith({ 'restaurant.yaml': scene({ quick: long, full: [], reasons: {} }) });
    expect(problemsOf(dir)).toEqual([
      'scenes/restaurant.yaml: /quick: must NOT have more than 40 items',
      expect.stringMatching(/^scenes\/restaurant\.yaml: \/quick: must NOT have duplicate items/),
    ]);
  });

  it('requires a reason for a quick item that is not high-frequency, and only for quick items', () => {
    const reasons = Object.fromEntries([...CODES.slice(2, 16), 'XF-020'].map((c) => [c, '常见的问题。']));
    const dir = folderWith({ 'restaurant.yaml': scene({ reasons }) });
    expect(problemsOf(dir)).toEqual([
      'scenes/restaurant.yaml: item XF-002: /quick/1: is not frequency: high in its domain: say in reasons why it is in the quick check',
      'scenes/restaurant.yaml: item XF-020: /reasons/XF-020: gives a reason for an item not in quick',
    ]);
  });

  it('keeps quick, full and omitted apart', () => {
    const dir = folderWith({
      'restaurant.yaml': scene({
        full: ['XF-017', 'XF-001'],
        omitted: { 'XF-002': '本行业不做。', 'XF-017': '本行业不做。' },
      }),
    });
    expect(problemsOf(dir)).toEqual([
      'scenes/restaurant.yaml: item XF-001: /full/1: is already in quick',
      'scenes/restaurant.yaml: item XF-002: /omitted/XF-002: is omitted but also listed in quick or full',
      'scenes/restaurant.yaml: item XF-017: /omitted/XF-017: is omitted but also listed in quick or full',
    ]);
  });

  it('rejects a tag that profile.yaml does not define', () => {
    const dir = folderWith({ 'restaurant.yaml': scene({ tags: ['employees', 'spaceships'] }) });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^scenes\/restaurant\.yaml: \/tags\/1: unknown profile tag "spaceships"/),
    ]);
  });

  it('rejects a 大类 outside its 门类 and a 门类 given twice', () => {
    const dir = folderWith({
      'restaurant.yaml': scene({
        industries: [
          { section: 'H', divisions: ['62', '52'] },
          { section: 'H', divisions: [] },
        ],
      }),
    });
    expect(problemsOf(dir)).toEqual([
      'scenes/restaurant.yaml: /industries/0/divisions/1: 大类 52 is not in 门类 H (61–62)',
      'scenes/restaurant.yaml: /industries/1/section: 门类 H listed twice',
    ]);
  });

  it('reports YAML syntax errors with the file name', () => {
    const dir = folderWith({ 'restaurant.yaml': 'id: restaurant\nquick: [unclosed\n' });
    expect(problemsOf(dir)[0]).toMatch(/^scenes\/restaurant\.yaml: YAML: /);
  });
});
