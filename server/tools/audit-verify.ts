// npm run audit:verify — recomputes the audit log's hash chain.
import { openDb } from '../../db';
import { migrateToLatest } from '../../db/migrate';
import { verifyAuditChain } from '../audit/audit-log';
import { readConfig } from '../config';

async function main(): Promise<number> {
  const config = readConfig();
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      console.log(`audit chain intact: ${result.events} event(s)`);
      return 0;
    }
    console.error(
      `audit chain BROKEN at event ${result.brokenAt} (${result.reason}); ${result.events} event(s) before it are intact`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
