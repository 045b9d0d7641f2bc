import { sql, type Kysely } from 'kysely';

// Searches that found nothing, so editors can add the missing everyday words
// (keywords, synonyms). Only the normalised query text and counts: no user, no
// session, no IP address, and dates to the day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('search_misses')
    .addColumn('query', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn('last_seen', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await db.schema.createIndex('search_misses_count').on('search_misses').columns(['count desc']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('search_misses').execute();
}
