// Queries marked PREPARED go to the database as named prepared statements,
// parsed once per connection; unmarked ones stay unnamed.
import { sql } from 'kysely';
import { PREPARED } from '../../db/prepared';
import { freshDb, type TestDb } from '../support/db';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.drop();
});

it('prepares a marked statement once per connection and leaves others unnamed', async () => {
  const statements = await db.db.transaction().execute(async (tx) => {
    // One transaction = one connection, whose prepared statements the view lists.
    for (const n of [1, 2, 3]) {
      const { rows } = await sql<{ doubled: number }>`${sql.raw(PREPARED)} select ${n}::int * 2 as doubled`.execute(tx);
      expect(rows).toEqual([{ doubled: n * 2 }]);
    }
    await sql`select 41 + ${1}::int as plain`.execute(tx);
    return (
      await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(tx)
    ).rows;
  });
  const marked = statements.filter((s) => s.statement.startsWith(PREPARED));
  expect(marked).toHaveLength(1);
  expect(marked[0].name).toMatch(/^hegui_[0-9a-f]{24}$/);
  expect(statements.some((s) => s.statement.includes('41 +'))).toBe(false);
});
