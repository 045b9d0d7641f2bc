// Stores checklist versions keyed by the content hash. Importing the same files
// again adds nothing; changed files add a new current version and keep the old.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ChecklistContent } from '../domain/checklist';
import { canonicalJson } from '../lib/canonical-json';
import { Catalogue } from './catalogue';

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
