import { sql, type Kysely } from 'kysely';

// Migrations are frozen in time: they use Kysely<unknown> and no app imports.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checklist_versions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('is_current', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // At most one current version.
  await sql`create unique index checklist_versions_one_current on checklist_versions (is_current) where is_current`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('checklist_versions').execute();
}
