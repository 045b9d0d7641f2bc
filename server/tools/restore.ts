// npm run restore -- FILE — a backup (npm run backup) into an EMPTY database:
// a new DATA_DIR for PGlite, or a new database at DATABASE_URL. The file is
// checked completely first; if anything is wrong nothing is restored. Older
// backups are migrated to the current schema after loading.
import { resolve } from 'node:path';
import { restoreDatabase } from '../../db/backup';
import { runTool, withDatabase } from './cli';

runTool('npm run restore', async () => {
  const argv = process.argv.slice(2);
  const file = argv[0];
  if (!file || argv.length > 1) {
    console.error('usage: npm run restore -- FILE   (into an empty database: a new DATA_DIR, or a new DATABASE_URL)');
    return 2;
  }
  // A wrong file or a non-empty target throws with the reason, printed by runTool (exit 1).
  return withDatabase(
    async (database) => {
      const t0 = performance.now();
      const result = await restoreDatabase(database.db, resolve(file));
      console.log(
        `restored ${result.rows} rows of ${result.tables} tables from ${file} into ${database.kind} in ${(performance.now() - t0).toFixed(0)} ms` +
          (result.upgradedWith.length > 0
            ? `; upgraded with ${result.upgradedWith.join(', ')}`
            : '; schema already current'),
      );
      return 0;
    },
    { poolSize: 2 },
  );
});
