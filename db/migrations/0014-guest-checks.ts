import { sql, type Kysely } from 'kysely';

// Guests (issue 13): a visitor runs a quick check without an account. Their
// drafts (and a report they submit) belong to a guest session instead of an
// organisation until they register or log in, which moves them over. A guest
// session lives 30 days; deleting it deletes its assessments and their answers.
// Nothing of a guest is written to the statistics tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guest_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guest_sessions_expires').on('guest_sessions').column('expires_at').execute();

  await db.schema
    .alterTable('assessments')
    .addColumn('guest_id', 'uuid', (c) => c.references('guest_sessions.id').onDelete('cascade'))
    .execute();
  await sql`alter table assessments alter column org_id drop not null`.execute(db);
  await sql`alter table assessments alter column created_by drop not null`.execute(db);
  // Exactly one owner; a member's draft names who started it.
  await sql`alter table assessments add constraint assessments_one_owner
    check ((org_id is null) <> (guest_id is null) and (guest_id is not null or created_by is not null))`.execute(db);
  await db.schema.createIndex('assessments_guest').on('assessments').column('guest_id').execute();
  // A guest's answer has no user behind it.
  await sql`alter table answers alter column updated_by drop not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from assessments where guest_id is not null`.execute(db);
  await sql`delete from answers where updated_by is null`.execute(db);
  await sql`alter table answers alter column updated_by set not null`.execute(db);
  await sql`alter table assessments drop constraint assessments_one_owner`.execute(db);
  await sql`alter table assessments alter column created_by set not null`.execute(db);
  await sql`alter table assessments alter column org_id set not null`.execute(db);
  await db.schema.alterTable('assessments').dropColumn('guest_id').execute();
  await db.schema.dropTable('guest_sessions').execute();
}
