import { sql, type Kysely } from 'kysely';

// Quick checks (issue 13): a draft asks either a trade scene's quick list or
// every applicable item. Drafts and submissions made before this migration
// asked every applicable item, so they are 'full'. The statistics keep the mode
// of each submission, so a quick and a full check can be told apart.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('assessments')
    .addColumn('mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('full')
        .check(sql`mode in ('quick', 'full')`),
    )
    .execute();
  await db.schema.alterTable('assessments').addColumn('scene', 'text').execute();
  await db.schema
    .alterTable('stat_submissions')
    .addColumn('mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('full')
        .check(sql`mode in ('quick', 'full')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stat_submissions').dropColumn('mode').execute();
  await db.schema.alterTable('assessments').dropColumn('scene').execute();
  await db.schema.alterTable('assessments').dropColumn('mode').execute();
}
