// npm run audit:verify [-- --head FILE] — recomputes the audit log's hash chain
// and checks every signed checkpoint (and a head kept elsewhere, if given).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../audit/audit-log';
import { parseSignedHead, verifyCheckpoints } from '../audit/checkpoints';
import { loadSigningKey } from '../audit/signing-key';
import { runTool, withDatabase } from './cli';

runTool('npm run audit:verify', async () => {
  const { values } = parseArgs({ options: { head: { type: 'string' } } });
  const external = values.head ? parseSignedHead(readFileSync(values.head, 'utf8')) : undefined;
  return withDatabase(
    async (database, config) => {
      const key = loadSigningKey({ envKey: config.auditSigningKey, dataDir: config.dataDir });
      const chain = await verifyAuditChain(database.db);
      const checkpoints = await verifyCheckpoints(database.db, key, external);
      let failed = false;
      if (chain.ok) console.log(`audit chain intact: ${chain.events} event(s)`);
      else {
        failed = true;
        console.error(
          `audit chain BROKEN at event ${chain.brokenAt} (${chain.reason}); ${chain.events} event(s) before it are intact`,
        );
      }
      for (const p of checkpoints.problems) console.error(`checkpoint ${p.checkpoint} FAILS: ${p.reason}`);
      if (checkpoints.ok)
        console.log(
          `signed checkpoints match: ${checkpoints.checkpoints}${external ? ' and the kept head' : ''} (key ${key.keyId})`,
        );
      else failed = true;
      if (checkpoints.checkpoints === 0 && chain.events > 0)
        console.log('no signed checkpoint yet: npm run audit:checkpoint writes one (the server writes one daily)');
      return failed ? 1 : 0;
    },
    { migrate: true },
  );
});
