import { sql, type Kysely } from 'kysely';

// Organisation counts need each organisation once. Almost every organisation
// submits with one (region, industry, size) profile per checklist version, and
// for those one row per organisation already has every breakdown it belongs
// to; only the few that submitted under several profiles (a move, a change of
// size) need counting per breakdown. stat_mixed_orgs lists those few, kept in
// the submit transaction, so the dashboard can take the cheap route for the rest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('stat_submissions_org')
    .on('stat_submissions')
    .columns(['version_id', 'org_id'])
    .execute();
  await db.schema
    .createTable('stat_mixed_orgs')
    .addColumn('version_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('stat_mixed_orgs_pk', ['version_id', 'org_id'])
    .execute();
  await sql`
    insert into stat_mixed_orgs (version_id, org_id)
    select version_id, org_id from stat_submissions group by version_id, org_id
    having count(distinct (region, industry, size)) > 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stat_mixed_orgs').execute();
  await db.schema.dropIndex('stat_submissions_org').execute();
}
