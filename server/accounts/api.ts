// JSON API for accounts: register, login, logout, me, password, invitations.
import { Router, type Request, type Response } from 'express';
import type { JSONSchemaType } from 'ajv';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import { INDUSTRY_CODES, ORG_SIZES } from '../domain/organisation';
import { authOf, guestOf, requireAuth } from '../http/access';
import type { ClaimGuestWork } from '../domain/actor';
import { endGuestSession } from './guest-sessions';
import { forbidden, HttpError, tooMany as tooManyProblem, unauthorized } from '../http/errors';
import { bodyValidator, valueOr400 } from '../http/validate';
import { hitRateLimit } from '../lib/rate-limit';
import { clearLoginFailures, loginWait, recordLoginFailure } from './login-throttle';
import {
  acceptInvitation,
  changePassword,
  checkCredentials,
  createInvitation,
  normaliseEmail,
  registerCompany,
  type RegisterInput,
} from './service';
import { createSession, deleteOtherSessions, deleteSession, SESSION_COOKIE, SESSION_DAYS } from './sessions';

const email = { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' } as const;
const password = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const registerSchema: JSONSchemaType<RegisterInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password', 'orgName', 'creditCode', 'region', 'industry', 'size'],
  properties: {
    email,
    password: { type: 'string', minLength: 10, maxLength: 200 },
    orgName: { type: 'string', minLength: 2, maxLength: 100 },
    creditCode: { type: 'string', minLength: 1, maxLength: 40 },
    region: { type: 'string', minLength: 1, maxLength: 60 },
    industry: { type: 'string', enum: [...INDUSTRY_CODES] },
    size: { type: 'string', enum: [...ORG_SIZES] },
  },
};
const validateRegister = bodyValidator(registerSchema);
const validateLogin = bodyValidator<{ email: string; password: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email, password },
});
const validatePassword = bodyValidator<{ currentPassword: string; newPassword: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: password, newPassword: { type: 'string', minLength: 10, maxLength: 200 } },
});
const validateAccept = bodyValidator<{ token: string; email: string; password: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token', 'email', 'password'],
  properties: {
    token: { type: 'string', minLength: 10, maxLength: 100 },
    email,
    password: { type: 'string', minLength: 10, maxLength: 200 },
  },
});

const LIMITS = {
  loginPerIp: { limit: 20, windowSeconds: 15 * 60 },
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
} as const;

/** 429 with Retry-After (set on the response the request belongs to). */
function tooMany(retryAfter: number, req?: Request): HttpError {
  req?.res?.set('Retry-After', String(Math.max(1, retryAfter)));
  return retryAfter < 60
    ? tooManyProblem('account.error.tooManySeconds', { seconds: Math.max(1, retryAfter) })
    : tooManyProblem('account.error.tooManyAttempts', { minutes: Math.ceil(retryAfter / 60) });
}

/**
 * Signs the user in on this response. A visitor who ran a quick check as a
 * guest keeps it: the guest's drafts and reports move to the user's
 * organisation and the guest session ends.
 */
export async function startSession(
  db: Kysely<Database>,
  res: Response,
  userId: string,
  secure: boolean,
  claimGuestWork: ClaimGuestWork,
): Promise<string> {
  const guest = guestOf(res);
  if (guest) {
    await claimGuestWork(guest.id, userId);
    await endGuestSession(db, res, guest);
  }
  const session = await createSession(db, userId);
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600 * 1000,
  });
  return session.csrfToken;
}

/**
 * Rate-limited credential check shared by the API and the login form: a
 * fixed window per client address, and an exponential delay per (account,
 * address) after failures, so wrong guesses never lock the owner out.
 */
export async function login(
  db: Kysely<Database>,
  req: Request,
  emailAddress: string,
  pass: string,
): ReturnType<typeof checkCredentials> {
  const ip = req.ip ?? 'unknown';
  const account = normaliseEmail(emailAddress);
  const byIp = await hitRateLimit(db, `login:ip:${ip}`, LIMITS.loginPerIp);
  if (!byIp.allowed) throw tooMany(byIp.retryAfterSeconds, req);
  const wait = await loginWait(db, account, ip);
  if (wait > 0) throw tooMany(wait, req);
  const user = await checkCredentials(db, emailAddress, pass);
  if (user) await clearLoginFailures(db, account, ip);
  else await recordLoginFailure(db, account, ip);
  return user;
}

/** Counts every attempt, valid or not, before anything else is checked. */
async function checkRegisterLimit(db: Kysely<Database>, req: Request): Promise<void> {
  const byIp = await hitRateLimit(db, `register:ip:${req.ip ?? 'unknown'}`, LIMITS.registerPerIp);
  if (!byIp.allowed) throw tooMany(byIp.retryAfterSeconds, req);
}

/** Rate limit, then register: for the HTML form, which validates the input itself. */
export async function register(
  db: Kysely<Database>,
  appendAudit: AppendAudit,
  req: Request,
  input: RegisterInput,
): ReturnType<typeof registerCompany> {
  await checkRegisterLimit(db, req);
  return registerCompany(db, appendAudit, input);
}

export function accountsApi(
  db: Kysely<Database>,
  appendAudit: AppendAudit,
  secureCookies: boolean,
  baseUrl: (req: Request) => string,
  claimGuestWork: ClaimGuestWork,
): Router {
  const router = Router();

  // A guest's session has a CSRF token too.
  router.get('/auth/csrf', (_req, res) => {
    const token = authOf(res)?.csrfToken ?? guestOf(res)?.csrfToken;
    if (!token) throw unauthorized();
    res.json({ token });
  });

  router.post('/auth/register', async (req, res) => {
    await checkRegisterLimit(db, req);
    const result = await registerCompany(db, appendAudit, valueOr400(validateRegister(req.body)));
    const csrfToken = await startSession(db, res, result.user.id, secureCookies, claimGuestWork);
    res.status(201).json({ ...result, csrfToken });
  });

  router.post('/auth/login', async (req, res) => {
    const { email: address, password: pass } = valueOr400(validateLogin(req.body));
    const user = await login(db, req, address, pass);
    if (!user) throw unauthorized('account.error.wrongCredentials');
    const csrfToken = await startSession(db, res, user.id, secureCookies, claimGuestWork);
    res.json({ csrfToken });
  });

  router.post('/auth/logout', requireAuth(), async (_req, res) => {
    const auth = authOf(res);
    if (auth) await deleteSession(db, auth.tokenHash);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.post('/auth/password', requireAuth(), async (req, res) => {
    const auth = authOf(res);
    if (!auth) throw unauthorized();
    const { currentPassword, newPassword } = valueOr400(validatePassword(req.body));
    await changePassword(db, auth.user.id, currentPassword, newPassword);
    await deleteOtherSessions(db, auth.user.id, auth.tokenHash);
    res.status(204).end();
  });

  router.post('/auth/accept-invitation', async (req, res) => {
    const { token, email: address, password: pass } = valueOr400(validateAccept(req.body));
    const user = await acceptInvitation(db, appendAudit, token, address, pass);
    const csrfToken = await startSession(db, res, user.id, secureCookies, claimGuestWork);
    res.status(201).json({ user, csrfToken });
  });

  router.get('/me', requireAuth(), (_req, res) => {
    const auth = authOf(res);
    if (!auth) throw unauthorized();
    res.json({ user: auth.user, org: auth.org });
  });

  router.post('/orgs/invitations', requireAuth('company'), async (req, res) => {
    const auth = authOf(res);
    if (!auth?.user.orgId || !auth.user.orgAdmin) throw forbidden('account.error.adminOnly');
    const invitation = await createInvitation(db, auth.user.orgId, auth.user.id);
    res.status(201).json({ url: `${baseUrl(req)}/invite/${invitation.token}`, expiresAt: invitation.expiresAt });
  });

  return router;
}
