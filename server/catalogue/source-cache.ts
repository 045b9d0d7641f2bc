// Start-up without re-validating what was already validated: the checklist
// files, the JSON Schemas and the loader itself are hashed (bytes, a few ms);
// when that hash was imported before and its version is still current, the
// content comes from the database (one JSON row) instead of parsing 21 YAML
// files and running ajv over 433 items. Any change to a file, a schema or the
// loader's code gives a new hash, and the files are validated as before.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { Catalogue } from './catalogue';
import { importCatalogue } from './version-import';

/** SHA-256 over every file loadChecklists reads (names and bytes) and over the loader's code. */
export function checklistSourceHash(dir: string): string {
  const hash = createHash('sha256');
  const add = (label: string, bytes: Buffer): void => {
    hash.update(`${label}\0${bytes.length}\0`).update(bytes);
  };
  add('loader', readFileSync(require.resolve('./load')));
  add('versions', readFileSync(require.resolve('./version-import')));
  add('profile.yaml', readFileSync(join(dir, 'profile.yaml')));
  for (const name of ['domain.schema.json', 'profile.schema.json'])
    add(`schema/${name}`, readFileSync(join(dir, 'schema', name)));
  for (const name of readdirSync(join(dir, 'domains'))
    .filter((n) => n.endsWith('.yaml'))
    .sort())
    add(`domains/${name}`, readFileSync(join(dir, 'domains', name)));
  return hash.digest('hex');
}

export type OpenedCatalogue =
  | { readonly catalogue: Catalogue; readonly created: boolean; readonly parsed: boolean }
  /** Each problem formatted as file: item: path: message. */
  | { readonly problems: readonly string[] };

/** The current version read back for a source hash imported before, if it is still the current one. */
async function importedBefore(db: Kysely<Database>, sourceHash: string): Promise<Catalogue | undefined> {
  const row = await db
    .selectFrom('checklist_sources as s')
    .innerJoin('checklist_versions as v', 'v.id', 's.version_id')
    .select(['v.id', 'v.content_hash', 'v.created_at', 'v.content'])
    .where('s.source_hash', '=', sourceHash)
    .where('v.is_current', '=', true)
    .executeTakeFirst();
  return row && new Catalogue({ id: row.id, hash: row.content_hash, createdAt: row.created_at }, row.content);
}

/**
 * The catalogue for the checklist folder: from the database when these exact
 * files were imported before, else validated and imported (see importCatalogue).
 */
export async function openCatalogue(db: Kysely<Database>, dir: string): Promise<OpenedCatalogue> {
  const sourceHash = checklistSourceHash(dir);
  const known = await importedBefore(db, sourceHash);
  if (known) return { catalogue: known, created: false, parsed: false };
  // The loader (YAML, ajv and the schemas) is only loaded when the files must be read.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, synchronously (CommonJS)
  const { loadChecklists, formatProblem } = require('./load') as typeof import('./load');
  const loaded = loadChecklists(dir);
  if (!loaded.content) return { problems: loaded.problems.map(formatProblem) };
  const { catalogue, created } = await importCatalogue(db, loaded.content);
  await db
    .insertInto('checklist_sources')
    .values({ source_hash: sourceHash, version_id: catalogue.version.id })
    .onConflict((oc) => oc.column('source_hash').doUpdateSet({ version_id: catalogue.version.id }))
    .execute();
  return { catalogue, created, parsed: true };
}
