// Writes tests/fixtures/backup-<last migration>.hbk.gz: a backup made by the
// schema of today, kept forever so every later migration is tested against it.
// Run once per schema you want to pin: npx tsx tests/support/make-backup-fixture.ts
import { join } from 'node:path';
import { openDb } from '../../db';
import { backupDatabase } from '../../db/backup';
import { migrateToLatest } from '../../db/migrate';
import { seedForBackup } from './backup-seed';

async function main(): Promise<void> {
  const database = await openDb({});
  try {
    const applied = await migrateToLatest(database.db);
    await seedForBackup(database);
    const file = join(__dirname, '..', 'fixtures', `backup-${applied[applied.length - 1]}.hbk.gz`);
    const summary = await backupDatabase(database.db, file, database.kind);
    console.log(`${file}: ${summary.rows} rows of ${summary.tables} tables`);
  } finally {
    await database.close();
  }
}

void main();
