import { sql, type Kysely } from 'kysely';

// The rectification ledger (整改台账, issue 15): each 不符合 / 不确定 item of a
// submitted report becomes an action that lives beside the immutable report.
// The report itself is never touched: the action keeps its own owner, due
// date, day corrected and note, and every change is an audit event.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rectification_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('org_id', 'uuid', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('non_compliant', 'unsure')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'in_progress', 'done', 'not_needed')`),
    )
    .addColumn('owner', 'text')
    .addColumn('due_date', 'date')
    .addColumn('corrected_on', 'date')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addUniqueConstraint('rectification_actions_item', ['assessment_id', 'item_code'])
    .execute();
  await db.schema
    .createIndex('rectification_actions_org_due')
    .on('rectification_actions')
    .columns(['org_id', 'due_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rectification_actions').execute();
}
