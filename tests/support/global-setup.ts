// Runs once before all test files. On PGlite it migrates one in-memory database
// and dumps it, so each test file starts from the snapshot in ~0.4 s instead of
// running initdb (~3 s). On PostgreSQL each file creates its own database.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { migrateToLatest } from '../../db/migrate';
import { backend, SNAPSHOT_ENV } from './backend';

export default async function globalSetup(): Promise<void> {
  if (backend !== 'pglite') return;
  const pglite = await PGlite.create();
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new Pool(createPgConfig(pglite)) }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  const path = join(tmpdir(), `hegui-test-snapshot-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  await pglite.close();
  process.env[SNAPSHOT_ENV] = path;
}
