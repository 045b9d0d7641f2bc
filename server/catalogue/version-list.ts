// The checklist versions the database holds, newest first (for the API and the filters).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

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
