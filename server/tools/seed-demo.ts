// npm run seed:demo -- --orgs N [--seed S] [--shared 0.3] [--full-reports|--light] [--if-empty] [--demo-login]
// Demo organisations and submitted assessments for the regulator dashboard
// (see server/regulator/seed.ts for the answer patterns and the light rows).
// --if-empty seeds only a database without submitted assessments (npm run demo
// runs it before every start); --demo-login gives the demo regulator account a
// new random password and prints it.
import { randomBytes } from 'node:crypto';
import { createUser } from '../accounts/service';
import { hashPassword } from '../accounts/passwords';
import { loadChecklistsOrThrow } from '../catalogue/load';
import { importCatalogue } from '../catalogue/version-import';
import { argValue as arg, runTool, withDatabase } from './cli';
import { seedDemo } from './demo-data';

const USAGE =
  'usage: npm run seed:demo -- --orgs N [--seed S] [--shared 0.3] [--full-reports | --light] [--if-empty] [--demo-login]';
const DEMO_REGULATOR = 'regulator@demo.hegui.invalid';

async function main(): Promise<number> {
  const orgs = Number(arg('--orgs') ?? 200);
  const seed = arg('--seed') === undefined ? Date.now() % 2147483647 : Number(arg('--seed'));
  const sharedShare = Number(arg('--shared') ?? 0.3);
  if (
    !Number.isInteger(orgs) ||
    orgs < 1 ||
    orgs > 1_000_000 ||
    !Number.isFinite(seed) ||
    !(sharedShare >= 0 && sharedShare <= 1)
  ) {
    console.error(USAGE);
    return 2;
  }
  // Real reports cost ~100 kB each: by default only for small demos.
  const fullReports = process.argv.includes('--full-reports') || (!process.argv.includes('--light') && orgs <= 4000);
  return withDatabase(
    async (database, config) => {
      const { catalogue } = await importCatalogue(database.db, loadChecklistsOrThrow(config.checklistsDir));
      const existing = process.argv.includes('--if-empty')
        ? Number(
            (
              await database.db
                .selectFrom('stat_submissions')
                .select((eb) => eb.fn.countAll<string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        : 0;
      if (existing > 0) {
        console.log(`demo data: the database already holds ${existing} submitted assessments; nothing seeded`);
      } else {
        const started = Date.now();
        const result = await seedDemo(database.db, catalogue, {
          orgs,
          seed,
          sharedShare,
          fullReports,
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} organisations`);
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\n');
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `seeded ${result.orgs} organisations, ${result.assessments} submitted assessments (${result.shared} shared), ${result.answers} answers in ${secs} s` +
            `${fullReports ? ' with full reports' : ' (light rows: no report JSON, fingerprints "demo-…")'}, checklist v${catalogue.version.id}`,
        );
      }
      if (process.argv.includes('--demo-login')) {
        const password = randomBytes(9).toString('base64url');
        const found = await database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', DEMO_REGULATOR)
          .executeTakeFirst();
        if (found)
          await database.db
            .updateTable('users')
            .set({ password_hash: await hashPassword(password) })
            .where('id', '=', found.id)
            .execute();
        else
          await createUser(database.db, {
            email: DEMO_REGULATOR,
            password,
            role: 'regulator',
            department: '市场监督管理局',
          });
        console.log(
          `demo regulator login: ${DEMO_REGULATOR} / ${password} (a new password on every npm run demo) — open /login, then /regulator`,
        );
      } else {
        console.log('Log in as a regulator (npm run user:create -- --role regulator …) and open /regulator.');
      }
      return 0;
    },
    { migrate: true },
  );
}

runTool('npm run seed:demo', main);
