// Reads checklists/scenes/*.yaml (one trade each), validates each file against
// scene.schema.json and the rules that need the other files: every item code
// exists, the lists do not overlap, the tags are profile tags, each quick item
// that is not high-frequency says why it is there, and each 大类 code belongs to
// its 门类. Problems name the file, the scene's item code and the field.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { ContentProblem } from './content-problem';
import type { Item, Scene } from '../domain/checklist';

export const QUICK_MIN = 15;
export const QUICK_MAX = 40;

/**
 * 大类 code ranges of each 门类 in GB/T 4754-2017 (e.g. C 制造业 = 13–43), so a
 * division filed under the wrong section is caught.
 */
const SECTION_DIVISIONS: Readonly<Partial<Record<string, readonly [number, number]>>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

const SCENE_FILE = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.yaml$/;

export interface SceneFolder {
  readonly dir: string;
  readonly validate: ValidateFunction;
  readonly items: ReadonlyMap<string, Item>;
  readonly tags: ReadonlySet<string>;
  readonly rel: (path: string) => string;
  readonly readYaml: (path: string, file: string, problems: ContentProblem[]) => unknown;
}

/** Names the scene item a schema error points at (/quick/3 → that code). */
function schemaProblem(file: string, data: unknown, e: ErrorObject): ContentProblem {
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'additionalProperties') message += ` (${String(e.params.additionalProperty)})`;
  const match = /^\/(quick|full)\/(\d+)$/.exec(e.instancePath);
  if (match) {
    const list = (data as Record<string, unknown>)[match[1]];
    const code = Array.isArray(list) ? (list as unknown[])[Number(match[2])] : undefined;
    if (typeof code === 'string') return { file, item: code, path: e.instancePath, message };
  }
  return { file, path: e.instancePath || '/', message };
}

function checkScene(scene: Scene, file: string, name: string, f: SceneFolder, problems: ContentProblem[]): void {
  const add = (p: Omit<ContentProblem, 'file'>): void => {
    problems.push({ file, ...p });
  };
  if (`${scene.id}.yaml` !== name) add({ path: '/id', message: `must equal the file name (${name})` });

  scene.tags.forEach((tag, i) => {
    if (!f.tags.has(tag))
      add({ path: `/tags/${i}`, message: `unknown profile tag "${tag}" (defined: ${[...f.tags].join(', ')})` });
  });

  const sections = new Set<string>();
  scene.industries.forEach((ind, i) => {
    if (sections.has(ind.section))
      add({ path: `/industries/${i}/section`, message: `门类 ${ind.section} listed twice` });
    sections.add(ind.section);
    const range = SECTION_DIVISIONS[ind.section];
    ind.divisions.forEach((d, j) => {
      if (range && (Number(d) < range[0] || Number(d) > range[1]))
        add({
          path: `/industries/${i}/divisions/${j}`,
          message: `大类 ${d} is not in 门类 ${ind.section} (${String(range[0]).padStart(2, '0')}–${String(range[1]).padStart(2, '0')})`,
        });
    });
  });

  const quick = new Set(scene.quick);
  const full = new Set(scene.full);
  const reasons = scene.reasons ?? {};
  const omitted = scene.omitted ?? {};
  const exists = (code: string, path: string): boolean => {
    if (f.items.has(code)) return true;
    add({ item: code, path, message: 'no item has this code' });
    return false;
  };
  scene.quick.forEach((code, i) => {
    if (!exists(code, `/quick/${i}`)) return;
    if (f.items.get(code)?.frequency !== 'high' && !(code in reasons))
      add({
        item: code,
        path: `/quick/${i}`,
        message: 'is not frequency: high in its domain: say in reasons why it is in the quick check',
      });
  });
  scene.full.forEach((code, i) => {
    if (!exists(code, `/full/${i}`)) return;
    if (quick.has(code)) add({ item: code, path: `/full/${i}`, message: 'is already in quick' });
  });
  for (const code of Object.keys(reasons)) {
    if (!exists(code, `/reasons/${code}`)) continue;
    if (!quick.has(code))
      add({ item: code, path: `/reasons/${code}`, message: 'gives a reason for an item not in quick' });
  }
  for (const code of Object.keys(omitted)) {
    if (!exists(code, `/omitted/${code}`)) continue;
    if (quick.has(code) || full.has(code))
      add({ item: code, path: `/omitted/${code}`, message: 'is omitted but also listed in quick or full' });
  }
}

/** Loads checklists/scenes/ (absent folder = no scenes), sorted by id. */
export function loadScenes(f: SceneFolder, problems: ContentProblem[]): Scene[] {
  const scenesDir = join(f.dir, 'scenes');
  if (!existsSync(scenesDir)) return [];
  const scenes: Scene[] = [];
  for (const name of readdirSync(scenesDir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = f.rel(join(scenesDir, name));
    if (!SCENE_FILE.test(name)) {
      problems.push({ file, message: 'file name must be the kebab-case scene id (e.g. restaurant.yaml)' });
      continue;
    }
    const data = f.readYaml(join(scenesDir, name), file, problems);
    if (data === undefined) continue;
    if (!f.validate(data)) {
      for (const e of f.validate.errors ?? []) problems.push(schemaProblem(file, data, e));
      continue;
    }
    const scene = data as Scene;
    checkScene(scene, file, name, f, problems);
    scenes.push(scene);
  }
  return scenes;
}
