// npm run user:create -- --role admin|regulator|lecturer|company --email … --password …
//                        [--department …] [--org-credit-code …] [--org-admin]
import { isRole } from '../domain/roles';
import { normaliseCreditCode } from '../accounts/credit-code';
import { createUser } from '../accounts/service';
import { errorDetail, HttpError } from '../http/errors';
import { argValue as arg, runTool, withDatabase } from './cli';

const USAGE =
  'usage: npm run user:create -- --role admin|regulator|lecturer|company --email E --password P [--department D] [--org-credit-code C] [--org-admin]';

async function main(): Promise<number> {
  const role = arg('--role');
  const email = arg('--email');
  const password = arg('--password');
  if (!role || !isRole(role) || !email || !password) {
    console.error(USAGE);
    return 2;
  }
  return withDatabase(
    async (database) => {
      try {
        let orgId: string | undefined;
        const creditCode = arg('--org-credit-code');
        if (creditCode) {
          const org = await database.db
            .selectFrom('orgs')
            .select('id')
            .where('credit_code', '=', normaliseCreditCode(creditCode))
            .executeTakeFirst();
          if (!org) {
            console.error(`No organisation with credit code ${creditCode}: register it first at /register.`);
            return 1;
          }
          orgId = org.id;
        }
        const user = await createUser(database.db, {
          email,
          password,
          role,
          department: arg('--department'),
          orgId,
          orgAdmin: process.argv.includes('--org-admin'),
        });
        console.log(
          `created ${user.role} ${user.email} (${user.id})${user.department ? `, department ${user.department}` : ''}`,
        );
        return 0;
      } catch (err) {
        if (err instanceof HttpError) {
          console.error(errorDetail(err, 'en')); // the command line speaks English
          return 1;
        }
        throw err;
      }
    },
    { migrate: true },
  );
}

runTool('npm run user:create', main);
