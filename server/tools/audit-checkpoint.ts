// npm run audit:checkpoint — signs the audit chain's current head, stores the
// checkpoint and prints it as JSON to keep elsewhere (mail it, print it, hand it
// to a notary); `npm run audit:verify -- --head FILE` checks the log against it.
import { openDb } from '../../db';
import { migrateToLatest } from '../../db/migrate';
import { writeCheckpoint } from '../audit/checkpoints';
import { loadSigningKey } from '../audit/signing-key';
import { readConfig } from '../config';

async function main(): Promise<void> {
  const config = readConfig();
  const key = loadSigningKey({ envKey: config.auditSigningKey, dataDir: config.dataDir });
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const head = await writeCheckpoint(database.db, key);
    console.log(JSON.stringify(head, null, 2));
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
