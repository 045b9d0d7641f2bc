import { sql, type Kysely } from 'kysely';

// Regulator area: API tokens (hashed, revocable, last-used time) and statistics
// tables maintained inside the submit transaction, so the dashboard reads
// pre-aggregated cells and never scans the answers table.
//  - stat_submissions: one row per submitted assessment, with the organisation's
//    profile as submitted (region/industry/size), a bitmask of its profile tags
//    (bit = position of the tag in that checklist version's profile) and whether
//    the firm shares the report. Organisation counts and suppression come from here.
//  - stat_item_cells / stat_domain_cells: status counts per checklist version,
//    month, region, industry, size and item (or domain): rows grow with the
//    number of distinct profiles × items, not with the number of answers.
//  - stat_item_months: the same without region/industry/size, for unfiltered views.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('stat_submissions')
    .addColumn('assessment_id', 'uuid', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size', 'text', (c) => c.notNull())
    .addColumn('tag_mask', 'integer', (c) => c.notNull())
    .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('compliant', 'integer', (c) => c.notNull())
    .addColumn('non_compliant', 'integer', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull())
    .addColumn('unsure', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stat_submissions_version_month')
    .on('stat_submissions')
    .columns(['version_id', 'month'])
    .execute();
  await sql`create index stat_submissions_shared on stat_submissions (submitted_at, assessment_id) where shared`.execute(
    db,
  );

  for (const [table, key] of [
    ['stat_item_cells', 'item_code'],
    ['stat_domain_cells', 'domain_code'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('version_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'date', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('size', 'text', (c) => c.notNull())
      .addColumn(key, 'text', (c) => c.notNull())
      .addColumn('compliant', 'integer', (c) => c.notNull())
      .addColumn('non_compliant', 'integer', (c) => c.notNull())
      .addColumn('not_applicable', 'integer', (c) => c.notNull())
      .addColumn('unsure', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['version_id', 'month', 'region', 'industry', 'size', key])
      .execute();
  }
  await db.schema
    .createTable('stat_item_months')
    .addColumn('version_id', 'integer', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('compliant', 'integer', (c) => c.notNull())
    .addColumn('non_compliant', 'integer', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull())
    .addColumn('unsure', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_item_months_pk', ['version_id', 'month', 'item_code'])
    .execute();
  // Bumped by every submission and sharing change: cached dashboard figures are valid while it stays put.
  await db.schema
    .createTable('stat_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into stat_generation (id, generation) values (1, 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stat_generation',
    'stat_item_months',
    'stat_domain_cells',
    'stat_item_cells',
    'stat_submissions',
    'api_tokens',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
