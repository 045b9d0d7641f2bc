import { sql, type Kysely } from 'kysely';

// Lecturer decks (pinned to a checklist version, shared read-only by a token),
// their items with per-item lecturer notes, and anonymous check-in answers.
// Frozen once released: no imports from the app.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('checklist_versions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('share_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('decks_owner').on('decks').columns(['owner_id', 'updated_at']).execute();

  await db.schema
    .createTable('deck_items')
    .addColumn('deck_id', 'uuid', (c) => c.notNull().references('decks.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('deck_items_pk', ['deck_id', 'position'])
    .execute();

  // No personal data: which deck, which item, which answer, when.
  await db.schema
    .createTable('checkin_answers')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('deck_key', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('yes', 'no', 'unsure')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('checkin_answers_deck')
    .on('checkin_answers')
    .columns(['deck_key', 'item_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['checkin_answers', 'deck_items', 'decks']) await db.schema.dropTable(table).execute();
}
