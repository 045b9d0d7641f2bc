// npm run backup -- FILE — the whole database (PGlite under DATA_DIR, or
// PostgreSQL at DATABASE_URL) into one gzip-compressed file; see db/backup.ts.
// On PGlite stop the server first (one process per data folder); on PostgreSQL
// the backup is one consistent snapshot taken while the app runs.
import { resolve } from 'node:path';
import { backupDatabase } from '../../db/backup';
import { runTool, withDatabase } from './cli';

runTool('npm run backup', async () => {
  const argv = process.argv.slice(2);
  const file = argv[0];
  if (!file || argv.length > 1) {
    console.error('usage: npm run backup -- FILE   (e.g. npm run backup -- hegui-2026-12-04.hbk.gz)');
    return 2;
  }
  return withDatabase(
    async (database) => {
      const t0 = performance.now();
      const summary = await backupDatabase(database.db, resolve(file), database.kind);
      console.log(
        `backed up ${summary.rows} rows of ${summary.tables} tables (schema at ${summary.migrations[summary.migrations.length - 1]}) ` +
          `from ${database.kind} into ${file} in ${(performance.now() - t0).toFixed(0)} ms`,
      );
      return 0;
    },
    { poolSize: 2 },
  );
});
