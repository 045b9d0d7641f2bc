// Signs in a lecturer, regulator or admin (accounts made directly in the database,
// as `npm run user:create` does), each from its own address so rate limits keep apart.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../server/domain/roles';
import { createUser } from '../../server/accounts/service';
import type { TestApp } from './app';
import { randomIp } from './company';
import { SignedInAgent } from './signed-in-agent';

type StaffRole = Exclude<Role, 'company'>;

export interface SignedInUser {
  readonly agent: SignedInAgent;
  readonly email: string;
  readonly password: string;
  readonly userId: string;
}

export async function signInAs(
  t: Pick<TestApp, 'app' | 'db'>,
  role: StaffRole,
  options: { readonly department?: string } = {},
): Promise<SignedInUser> {
  const email = `${role}-${randomUUID()}@example.gov.cn`;
  const password = 'correct horse battery';
  const user = await createUser(t.db.db, { email, password, role, department: options.department });
  const agent = request.agent(t.app);
  const res = await agent
    .post('/api/v1/auth/login')
    .set('X-Forwarded-For', randomIp())
    .send({ email, password })
    .expect(200);
  return { agent: await SignedInAgent.after(agent, res, String(res.body.csrfToken)), email, password, userId: user.id };
}
