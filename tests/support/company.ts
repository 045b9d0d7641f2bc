// Factories for company accounts: each call makes a new organisation with a
// valid, unique 统一社会信用代码, so tests never depend on each other's data.
import { randomInt } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { checkCharacter } from '../../server/accounts/credit-code';
import { SignedInAgent } from './signed-in-agent';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function uniqueCreditCode(): string {
  let body = '91320582';
  for (let i = 0; i < 9; i += 1) body += CHARSET[randomInt(CHARSET.length)];
  return body + checkCharacter(body);
}

export const randomIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;

export interface Company {
  /** Signed in as the organisation's admin; sends the CSRF token on every change. */
  readonly agent: SignedInAgent;
  readonly email: string;
  readonly password: string;
  readonly creditCode: string;
  readonly orgId: string;
  readonly userId: string;
}

export async function registerCompany(app: Express, overrides: Record<string, string> = {}): Promise<Company> {
  const agent = request.agent(app);
  const creditCode = uniqueCreditCode();
  const email = `owner-${creditCode.toLowerCase()}@example.cn`;
  const password = 'correct horse battery';
  // Each company registers from its own address (trusted proxy header), as real firms do.
  const res = await agent
    .post('/api/v1/auth/register')
    .set('X-Forwarded-For', randomIp())
    .send({
      email,
      password,
      orgName: '张家港市示例机械有限公司',
      creditCode,
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    agent: await SignedInAgent.after(agent, res, String(res.body.csrfToken)),
    email,
    password,
    creditCode,
    orgId: res.body.org.id as string,
    userId: res.body.user.id as string,
  };
}
