import { Migrator, type Kysely, type Migration } from 'kysely';
import * as m0001 from './migrations/0001-checklist-versions';
import * as m0002 from './migrations/0002-accounts-assessments';
import * as m0003 from './migrations/0003-presentation';
import * as m0004 from './migrations/0004-regulator';
import * as m0005 from './migrations/0005-stat-mixed-orgs';
import * as m0006 from './migrations/0006-search-misses';
import * as m0007 from './migrations/0007-audit-checkpoints';
import * as m0008 from './migrations/0008-login-failures';
import * as m0009 from './migrations/0009-checklist-sources';
import * as m0010 from './migrations/0010-quick-check';
import * as m0013 from './migrations/0013-rectification';
import * as m0014 from './migrations/0014-guest-checks';
import * as m0016 from './migrations/0016-checkin-compliance';

// Listed in code (not read from disk) so the same list works under tsx, jest and dist/.
export const migrations: Record<string, Migration> = {
  '0001-checklist-versions': m0001,
  '0002-accounts-assessments': m0002,
  '0003-presentation': m0003,
  '0004-regulator': m0004,
  '0005-stat-mixed-orgs': m0005,
  '0006-search-misses': m0006,
  '0007-audit-checkpoints': m0007,
  '0008-login-failures': m0008,
  '0009-checklist-sources': m0009,
  '0010-quick-check': m0010,
  '0013-rectification': m0013,
  '0014-guest-checks': m0014,
  '0016-checkin-compliance': m0016,
};

/** Brings the schema up to date; throws if any migration fails. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('a migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
