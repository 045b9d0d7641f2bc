// npm run restore -- FILE — a backup (npm run backup) into an EMPTY database:
// a new DATA_DIR for PGlite, or a new database at DATABASE_URL. The file is
// checked completely first; if anything is wrong nothing is restored. Older
// backups are migrated to the current schema after loading.
import { resolve } from 'node:path';
import { openDb } from '../../db';
import { BackupFileError, restoreDatabase, RestoreTargetError } from '../../db/backup';
import { readConfig } from '../config';

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    console.error('usage: npm run restore -- FILE   (into an empty database: a new DATA_DIR, or a new DATABASE_URL)');
    return 2;
  }
  const config = readConfig();
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const t0 = performance.now();
    const result = await restoreDatabase(database.db, resolve(file));
    console.log(
      `restored ${result.rows} rows of ${result.tables} tables from ${file} into ${database.kind} in ${(performance.now() - t0).toFixed(0)} ms` +
        (result.upgradedWith.length > 0
          ? `; upgraded with ${result.upgradedWith.join(', ')}`
          : '; schema already current'),
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupFileError || err instanceof RestoreTargetError) {
      console.error(`npm run restore: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`npm run restore: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
