// Read-only look-up of an invitation, so the accept page can name the inviting
// organisation (and say "invalid or used" before anyone types a password).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { tokenHash } from '../lib/tokens';

export async function findOpenInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<{ orgName: string } | undefined> {
  if (token.length < 10 || token.length > 100) return undefined;
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select('o.name')
    .where('i.token_hash', '=', tokenHash(token))
    .where('i.used_at', 'is', null)
    .where('i.expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? { orgName: row.name } : undefined;
}
