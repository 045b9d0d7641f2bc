import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { formatProblem, loadChecklists } from '../../server/catalogue/load';
import { checklistsDir } from '../support/app';
import { fixtureItem } from '../support/fixtures';

/** A checklist folder with the real schema and profile and the given domain files. */
function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hegui-checklists-'));
  cpSync(join(checklistsDir, 'schema'), join(dir, 'schema'), { recursive: true });
  cpSync(join(checklistsDir, 'profile.yaml'), join(dir, 'profile.yaml'));
  const domains = join(dir, 'domains');
  mkdirSync(domains);
  for (const [name, data] of Object.entries(files)) {
    writeFileSync(join(domains, name), typeof data === 'string' ? data : stringify(data));
  }
  return dir;
}

function domain(items: unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'XF',
    position: 3,
    name: '消防安全',
    nameEn: 'Fire safety',
    department: '消防救援机构',
    summary: '单位消防安全职责的测试领域。',
    items,
    ...overrides,
  };
}

function problemsOf(dir: string): string[] {
  return loadChecklists(dir, dir).problems.map(formatProblem);
}

describe('loading checklist files', () => {
  it('loads a valid folder and returns the content sorted by position', () => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001')]) });
    const result = loadChecklists(dir, dir);
    expect(result.problems).toEqual([]);
    expect(result.content?.domains.map((d) => d.code)).toEqual(['XF']);
    expect(result.content?.domains[0].items[0].code).toBe('XF-001');
  });

  it('names file, item and field of a schema error', () => {
    const bad = {
      ...fixtureItem('XF-007'),
      basis: [{ law: '中华人民共和国消防法', article: '第16条', text: '配置消防设施' }],
    };
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001'), bad]) });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^domains\/03-xf\.yaml: item XF-007: \/basis\/0\/article: must match pattern/),
    ]);
  });

  it('reports a missing required field of an item', () => {
    const noGuidance = Object.fromEntries(Object.entries(fixtureItem('XF-002')).filter(([key]) => key !== 'guidance'));
    const dir = folderWith({ '03-xf.yaml': domain([noGuidance]) });
    expect(problemsOf(dir)).toEqual(["domains/03-xf.yaml: item XF-002: /: must have required property 'guidance'"]);
  });

  it('requires at least four everyday keywords per item, each one phrase without spaces', () => {
    const { keywords: _omit, ...noKeywords } = fixtureItem('XF-001');
    const dir = folderWith({
      '03-xf.yaml': domain([noKeywords, fixtureItem('XF-002', { keywords: ['灭火器', '过期', '消防'] })]),
      '04-tz.yaml': domain([fixtureItem('TZ-001', { keywords: ['叉车', '电梯 维保', '锅炉', '气瓶'] })], {
        code: 'TZ',
        position: 4,
      }),
    });
    expect(problemsOf(dir)).toEqual([
      "domains/03-xf.yaml: item XF-001: /: must have required property 'keywords'",
      'domains/03-xf.yaml: item XF-002: /keywords: must NOT have fewer than 4 items',
      expect.stringMatching(/^domains\/04-tz\.yaml: item TZ-001: \/keywords\/1: must match pattern/),
    ]);
  });

  it('requires at least two guidance steps', () => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001', { guidance: ['只有一步的指引'] })]) });
    expect(problemsOf(dir)[0]).toMatch(/item XF-001: \/guidance: must NOT have fewer than 2 items/);
  });

  it('requires a note when no leniency applies', () => {
    const dir = folderWith({
      '03-xf.yaml': domain([
        fixtureItem('XF-001', { leniency: [{ kind: 'none', basis: '中华人民共和国行政处罚法 第三十三条' }] }),
      ]),
    });
    expect(problemsOf(dir).join('\n')).toMatch(/item XF-001: \/leniency\/0: must have required property 'note'/);
  });

  it('requires a reviewNote when reviewNeeded is set', () => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001', { reviewNeeded: true })]) });
    expect(problemsOf(dir).join('\n')).toMatch(/item XF-001: \/: must have required property 'reviewNote'/);
  });

  it('rejects duplicate item codes across files', () => {
    const dir = folderWith({
      '03-xf.yaml': domain([fixtureItem('XF-001')]),
      '04-tz.yaml': domain([fixtureItem('XF-001')], { code: 'TZ', position: 4, name: '特种设备' }),
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('domains/04-tz.yaml: item XF-001: /code: must start with the domain code TZ-');
    expect(problems).toContain(
      'domains/04-tz.yaml: item XF-001: /code: duplicate item code (also in domains/03-xf.yaml)',
    );
  });

  it('rejects a profile tag that profile.yaml does not define', () => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001', { appliesTo: ['spaceships'] })]) });
    expect(problemsOf(dir)[0]).toMatch(
      /^domains\/03-xf\.yaml: item XF-001: \/appliesTo\/0: unknown profile tag "spaceships"/,
    );
  });

  it('requires a case on a high-frequency item', () => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001', { frequency: 'high' })]) });
    expect(problemsOf(dir)).toEqual([
      'domains/03-xf.yaml: item XF-001: /cases: a high-frequency item needs at least one case',
    ]);
  });

  it('rejects a file whose name does not match its code and position', () => {
    const dir = folderWith({ '05-xf.yaml': domain([fixtureItem('XF-001')]) });
    expect(problemsOf(dir)).toEqual(['domains/05-xf.yaml: /position: must equal the file number 05']);
  });

  it('reports YAML syntax errors with the file name', () => {
    const dir = folderWith({ '03-xf.yaml': 'code: XF\nitems: [unclosed\n' });
    expect(problemsOf(dir)[0]).toMatch(/^domains\/03-xf\.yaml: YAML: /);
  });

  it('rejects a duplicate key instead of silently keeping the last one', () => {
    const dir = folderWith({ '03-xf.yaml': 'code: XF\ncode: XF\n' });
    expect(problemsOf(dir)[0]).toMatch(/YAML: .*unique/i);
  });
});

describe('loading synonyms.yaml', () => {
  const withSynonyms = (text: string): string => {
    const dir = folderWith({ '03-xf.yaml': domain([fixtureItem('XF-001')]) });
    writeFileSync(join(dir, 'synonyms.yaml'), text);
    return dir;
  };

  it('loads the synonyms into the content', () => {
    const dir = withSynonyms('synonyms:\n  - { terms: [消防通道], means: [疏散通道, 消防车通道] }\n');
    expect(loadChecklists(dir, dir).content?.synonyms).toEqual([
      { terms: ['消防通道'], means: ['疏散通道', '消防车通道'] },
    ]);
  });

  it('names the file and the entry of a schema error', () => {
    const dir = withSynonyms(
      'synonyms:\n  - { terms: [社保], means: [社会保险] }\n  - { terms: [电瓶车], means: [] }\n',
    );
    expect(problemsOf(dir)).toEqual(['synonyms.yaml: entry 2 (电瓶车) /means: must NOT have fewer than 1 items']);
  });

  it('rejects an everyday word listed under two meanings', () => {
    const dir = withSynonyms(
      'synonyms:\n  - { terms: [年检], means: [定期检验] }\n  - { terms: [年检], means: [年度报告] }\n',
    );
    expect(problemsOf(dir)).toEqual([
      'synonyms.yaml: entry 2 (年检) /terms/0: "年检" is already listed in entry 1 (年检)',
    ]);
  });

  it('names a YAML syntax error in the file', () => {
    const dir = withSynonyms('synonyms:\n  - { terms: [社保\n');
    expect(problemsOf(dir)[0]).toMatch(/^synonyms\.yaml: YAML: /);
  });
});
