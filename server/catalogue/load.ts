// Reads checklists/ (profile.yaml + domains/*.yaml + scenes/*.yaml), validates each file against
// its JSON Schema and the cross-file rules, and reports every problem with the
// file, the item code and the field, so an editor can find it at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { parseDocument } from 'yaml';
import { formatProblem, type ContentProblem } from './content-problem';
import { loadScenes } from './load-scenes';

export { formatProblem, type ContentProblem };
import type { ChecklistContent, Domain, Item, Profile, Synonym } from '../domain/checklist';

class ChecklistError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`checklist content is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ChecklistError';
  }
}

export interface LoadResult {
  readonly content?: ChecklistContent;
  readonly problems: readonly ContentProblem[];
}

const DOMAIN_FILE = /^(\d{2})-([a-z]+)\.yaml$/;

interface Schemas {
  readonly domain: ValidateFunction;
  readonly profile: ValidateFunction;
  readonly synonyms: ValidateFunction;
  readonly scene: ValidateFunction;
}

function compileSchemas(dir: string): Schemas {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  const read = (name: string): object => JSON.parse(readFileSync(join(dir, 'schema', name), 'utf8')) as object;
  return {
    domain: ajv.compile(read('domain.schema.json')),
    profile: ajv.compile(read('profile.schema.json')),
    scene: ajv.compile(read('scene.schema.json')),
    synonyms: ajv.compile(read('synonyms.schema.json')),
  };
}

/** Reads checklists/synonyms.yaml (optional file); problems name the entry by number and first term. */
function loadSynonyms(
  path: string,
  file: string,
  validate: ValidateFunction,
  problems: ContentProblem[],
): Synonym[] | undefined {
  if (!existsSync(path)) return undefined;
  const data = readYaml(path, file, problems);
  if (data === undefined) return undefined;
  const entryName = (index: number): string => {
    const terms = (data as { synonyms?: Array<{ terms?: unknown }> }).synonyms?.[index]?.terms;
    const first = Array.isArray(terms) && typeof terms[0] === 'string' ? ` (${terms[0]})` : '';
    return `entry ${index + 1}${first}`;
  };
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const match = /^\/synonyms\/(\d+)(\/.*)?$/.exec(e.instancePath);
      let message = e.message ?? 'is invalid';
      if (e.keyword === 'additionalProperties') message += ` (${String(e.params.additionalProperty)})`;
      problems.push(
        match
          ? { file, path: `${entryName(Number(match[1]))} ${match.at(2) ?? '/'}`, message }
          : { file, path: e.instancePath || '/', message },
      );
    }
    return undefined;
  }
  const synonyms = (data as { synonyms: Synonym[] }).synonyms;
  // One everyday word, one meaning: a word listed twice would get two unrelated expansions.
  const seen = new Map<string, number>();
  synonyms.forEach((s, i) => {
    s.terms.forEach((term, j) => {
      const key = term.normalize('NFKC').toLowerCase();
      const other = seen.get(key);
      if (other !== undefined)
        problems.push({
          file,
          path: `${entryName(i)} /terms/${j}`,
          message: `"${term}" is already listed in ${entryName(other)}`,
        });
      else seen.set(key, i);
    });
  });
  return synonyms;
}

function readYaml(path: string, file: string, problems: ContentProblem[]): unknown {
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, message: `YAML: ${e.message.split('\n')[0]}` });
    return undefined;
  }
  return doc.toJS() as unknown;
}

/** Turns an ajv error on a domain file into a problem naming the item. */
function schemaProblem(file: string, data: unknown, e: ErrorObject): ContentProblem {
  const match = /^\/items\/(\d+)(\/.*)?$/.exec(e.instancePath);
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') message += ` (${String(e.params.additionalProperty)})`;
  if (e.keyword === 'enum') message += ` (${(e.params.allowedValues as unknown[]).join(', ')})`;
  if (match) {
    const items = (data as { items?: Array<{ code?: unknown }> }).items ?? [];
    const code = items[Number(match[1])]?.code;
    return {
      file,
      item: typeof code === 'string' ? code : `#${Number(match[1]) + 1}`,
      path: match.at(2) ?? '/',
      message,
    };
  }
  return { file, path: e.instancePath || '/', message };
}

/**
 * Loads and validates the checklist folder. Returns content only when there
 * are no problems at all: a half-valid checklist is never served.
 */
export function loadChecklists(dir: string, cwd: string = process.cwd()): LoadResult {
  const problems: ContentProblem[] = [];
  const schemas = compileSchemas(dir);
  const rel = (p: string): string => relative(cwd, p) || p;

  const profilePath = join(dir, 'profile.yaml');
  const profileData = readYaml(profilePath, rel(profilePath), problems);
  let profile: Profile | undefined;
  if (profileData !== undefined) {
    if (schemas.profile(profileData)) profile = profileData as Profile;
    else
      for (const e of schemas.profile.errors ?? [])
        problems.push({ file: rel(profilePath), path: e.instancePath || '/', message: e.message ?? 'is invalid' });
  }
  const tags = new Set<string>();
  for (const q of profile?.questions ?? []) {
    if (tags.has(q.tag)) problems.push({ file: rel(profilePath), message: `duplicate profile tag "${q.tag}"` });
    tags.add(q.tag);
  }

  const domainsDir = join(dir, 'domains');
  const domains: Domain[] = [];
  const itemFiles = new Map<string, string>();
  const domainCodes = new Map<string, string>();
  for (const name of readdirSync(domainsDir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = rel(join(domainsDir, name));
    const fileMatch = DOMAIN_FILE.exec(name);
    if (!fileMatch) {
      problems.push({ file, message: 'file name must look like NN-code.yaml (e.g. 01-aq.yaml)' });
      continue;
    }
    const data = readYaml(join(domainsDir, name), file, problems);
    if (data === undefined) continue;
    if (!schemas.domain(data)) {
      for (const e of schemas.domain.errors ?? []) problems.push(schemaProblem(file, data, e));
      continue;
    }
    const domain = data as Domain;
    if (Number(fileMatch[1]) !== domain.position)
      problems.push({ file, path: '/position', message: `must equal the file number ${fileMatch[1]}` });
    if (fileMatch[2] !== domain.code.toLowerCase())
      problems.push({ file, path: '/code', message: `must match the file name (${fileMatch[2].toUpperCase()})` });
    const otherFile = domainCodes.get(domain.code);
    if (otherFile)
      problems.push({ file, path: '/code', message: `duplicate domain code ${domain.code} (also in ${otherFile})` });
    domainCodes.set(domain.code, file);
    for (const item of domain.items) {
      if (!item.code.startsWith(`${domain.code}-`))
        problems.push({
          file,
          item: item.code,
          path: '/code',
          message: `must start with the domain code ${domain.code}-`,
        });
      const seen = itemFiles.get(item.code);
      if (seen)
        problems.push({ file, item: item.code, path: '/code', message: `duplicate item code (also in ${seen})` });
      itemFiles.set(item.code, file);
      item.appliesTo?.forEach((tag, i) => {
        if (!tags.has(tag))
          problems.push({
            file,
            item: item.code,
            path: `/appliesTo/${i}`,
            message: `unknown profile tag "${tag}" (defined: ${[...tags].join(', ')})`,
          });
      });
      if (item.frequency === 'high' && (item.cases ?? []).length === 0) {
        problems.push({
          file,
          item: item.code,
          path: '/cases',
          message: 'a high-frequency item needs at least one case',
        });
      }
    }
    domains.push(domain);
  }
  const positions = new Set<number>();
  for (const d of domains) {
    if (positions.has(d.position))
      problems.push({ file: rel(domainsDir), message: `duplicate domain position ${d.position}` });
    positions.add(d.position);
  }
  const items = new Map<string, Item>(domains.flatMap((d) => d.items.map((i) => [i.code, i] as const)));
  const scenes = loadScenes({ dir, validate: schemas.scene, items, tags, rel, readYaml }, problems);
  const synonymsPath = join(dir, 'synonyms.yaml');
  const synonyms = loadSynonyms(synonymsPath, rel(synonymsPath), schemas.synonyms, problems);
  if (problems.length > 0 || !profile) return { problems };
  domains.sort((a, b) => a.position - b.position);
  return { content: { profile, domains, scenes, ...(synonyms ? { synonyms } : {}) }, problems };
}

/** Loads the checklist folder or throws a ChecklistError listing every problem. */
export function loadChecklistsOrThrow(dir: string): ChecklistContent {
  const result = loadChecklists(dir);
  if (!result.content) throw new ChecklistError(result.problems);
  return result.content;
}
