// Stores checklist versions keyed by the content hash. Importing the same files
// again adds nothing; changed files add a new current version and keep the old.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { Catalogue } from './catalogue';
import type { ChecklistContent } from './types';

/** JSON with object keys sorted, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(content: ChecklistContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function countItems(content: ChecklistContent): number {
  return content.domains.reduce((n, d) => n + d.items.length, 0);
}

export interface ImportResult {
  readonly catalogue: Catalogue;
  readonly created: boolean;
}

// Any constant: serialises imports from several instances starting at once.
const IMPORT_LOCK = 727_001;

export async function importCatalogue(db: Kysely<Database>, content: ChecklistContent): Promise<ImportResult> {
  const hash = contentHash(content);
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(tx);
    let row = await tx
      .selectFrom('checklist_versions')
      .select(['id', 'created_at', 'is_current'])
      .where('content_hash', '=', hash)
      .executeTakeFirst();
    const created = row === undefined;
    if (!row || !row.is_current) {
      await tx.updateTable('checklist_versions').set({ is_current: false }).where('is_current', '=', true).execute();
    }
    if (!row) {
      row = await tx
        .insertInto('checklist_versions')
        .values({
          content_hash: hash,
          content: JSON.stringify(content),
          item_count: countItems(content),
          is_current: true,
        })
        .returning(['id', 'created_at', 'is_current'])
        .executeTakeFirstOrThrow();
    } else if (!row.is_current) {
      await tx.updateTable('checklist_versions').set({ is_current: true }).where('id', '=', row.id).execute();
    }
    return { catalogue: new Catalogue({ id: row.id, hash, createdAt: row.created_at }, content), created };
  });
}

export interface VersionListEntry {
  readonly id: number;
  readonly hash: string;
  readonly createdAt: Date;
  readonly current: boolean;
  readonly itemCount: number;
}

export async function listVersions(db: Kysely<Database>): Promise<VersionListEntry[]> {
  const rows = await db
    .selectFrom('checklist_versions')
    .select(['id', 'content_hash', 'created_at', 'is_current', 'item_count'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    hash: r.content_hash,
    createdAt: r.created_at,
    current: r.is_current,
    itemCount: r.item_count,
  }));
}

/** Older versions stay readable: loaded once from the database and kept (they never change). */
export class CatalogueStore {
  private readonly byId = new Map<number, Catalogue>();

  constructor(
    private readonly db: Kysely<Database>,
    private currentCatalogue: Catalogue,
  ) {
    this.byId.set(currentCatalogue.version.id, currentCatalogue);
  }

  current(): Catalogue {
    return this.currentCatalogue;
  }

  async version(id: number): Promise<Catalogue | undefined> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const row = await this.db.selectFrom('checklist_versions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const catalogue = new Catalogue({ id: row.id, hash: row.content_hash, createdAt: row.created_at }, row.content);
    this.byId.set(id, catalogue);
    return catalogue;
  }
}
