import { sql, type Kysely } from 'kysely';

// Which checklist files (by the hash of their bytes and of the loader) were
// already validated and imported as which version. A start with the same files
// reads the version from the database instead of parsing and validating the
// YAML again (most of a restart's time on the embedded database).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('checklist_sources')
    .addColumn('source_hash', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('checklist_versions.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('checklist_sources').execute();
}
