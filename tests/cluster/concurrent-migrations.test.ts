// Several instances starting at once against one new PostgreSQL database all
// migrate it. Kysely's migrator creates its bookkeeping tables before it takes
// its lock, and `create table if not exists` is not safe against a concurrent
// create, so without our own lock one of them fails
// (pg_type_typname_nsp_index) and that instance exits. Like the cluster test,
// this always uses the local PostgreSQL, on the PGlite run too.
import { Client } from 'pg';
import { openDb, type DbHandle } from '../../db';
import { migrateToLatest, migrations } from '../../db/migrate';

jest.setTimeout(60_000);

const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const INSTANCES = 6;
const ROUNDS = 4;

it(`migrates one new database from ${INSTANCES} instances at once, ${ROUNDS} times over, without a failure`, async () => {
  for (let round = 1; round <= ROUNDS; round += 1) {
    const name = `hegui_test_migrate_${process.pid}_${Date.now().toString(36)}_${round}`;
    await admin(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handles: DbHandle[] = [];
    try {
      for (let i = 0; i < INSTANCES; i += 1) handles.push(await openDb({ databaseUrl: url.toString(), poolSize: 2 }));
      const outcomes = await Promise.allSettled(handles.map((h) => migrateToLatest(h.db)));
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
      expect(failures).toEqual([]);
      // Each migration ran exactly once, by whichever instance came first.
      const applied = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
      expect(applied.sort()).toEqual(Object.keys(migrations).sort());
    } finally {
      await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
});
