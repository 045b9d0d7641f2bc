// npm run audit:checkpoint — signs the audit chain's current head, stores the
// checkpoint and prints it as JSON to keep elsewhere (mail it, print it, hand it
// to a notary); `npm run audit:verify -- --head FILE` checks the log against it.
import { writeCheckpoint } from '../audit/checkpoints';
import { loadSigningKey } from '../audit/signing-key';
import { runTool, withDatabase } from './cli';

runTool('npm run audit:checkpoint', () =>
  withDatabase(
    async (database, config) => {
      const key = loadSigningKey({ envKey: config.auditSigningKey, dataDir: config.dataDir });
      const head = await writeCheckpoint(database.db, key);
      console.log(JSON.stringify(head, null, 2));
      return 0;
    },
    { migrate: true },
  ),
);
