// HTML pages of accounts: register, log in and out, change the password,
// invite colleagues and accept an invitation. Forms post back to themselves and
// re-render with an error summary; success redirects (Post/Redirect/Get).
import { Router, type Request, type Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { AppendAudit } from '../domain/audit-event';
import type { ClaimGuestWork } from '../domain/actor';
import type { Role } from '../domain/roles';
import { INDUSTRY_SECTIONS, ORG_SIZES, type OrgSize } from '../domain/organisation';
import { authOf, requireAuth } from '../http/access';
import { errorDetail, errorFields, forbidden, HttpError, notFound } from '../http/errors';
import { bodyOf, field, FormErrors, langOf, pageTitle, safeNext } from '../http/forms';
import { translate, translateMessage, type Lang, type MessageKey } from '../i18n';
import { pageRenderer } from '../http/page-render';
import { bodyValidator } from '../http/validate';
import type { Views } from '../http/views';
import { login, register, registerSchema, startSession } from './api';
import { validateCreditCode } from './credit-code';
import { findOpenInvitation } from './invitations';
import { MIN_PASSWORD_LENGTH } from './passwords';
import { acceptInvitation, changePassword, createInvitation, type RegisterInput } from './service';
import { deleteOtherSessions, deleteSession, SESSION_COOKIE } from './sessions';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const validEmail = (email: string): boolean => email.length >= 3 && email.length <= 254 && EMAIL.test(email);

// Registration fields in page order, with the element each error links to.
const REGISTER_FIELDS: ReadonlyArray<{ name: keyof RegisterInput; id: string; message: MessageKey }> = [
  { name: 'orgName', id: 'org-name', message: 'account.error.orgName' },
  { name: 'creditCode', id: 'credit-code', message: 'account.error.creditCode' },
  { name: 'region', id: 'region', message: 'account.error.region' },
  { name: 'industry', id: 'industry', message: 'account.error.industry' },
  { name: 'size', id: `size-${ORG_SIZES[0]}`, message: 'account.error.size' },
  { name: 'email', id: 'email', message: 'account.error.email' },
  { name: 'password', id: 'password', message: 'account.error.password' },
];
const validateRegister = bodyValidator(registerSchema);
/** Where signing in without a `next` lands: the area the account is for. */
const HOME: Readonly<Record<Role, string>> = {
  company: '/assess',
  regulator: '/regulator',
  admin: '/regulator',
  lecturer: '/present',
};

/** The ajv check of the JSON API, so the form and the API accept exactly the same input. */
function schemaFailures(input: Record<string, string>): Set<string> {
  const result = validateRegister({ ...input });
  return new Set(result.ok ? [] : result.errors.map((e) => e.field));
}

function registerErrors(lang: Lang, input: Record<keyof RegisterInput, string>): FormErrors {
  const errors = new FormErrors();
  const failed = schemaFailures(input);
  for (const f of REGISTER_FIELDS) {
    if (f.name === 'creditCode' && input.creditCode.trim() !== '') {
      // Says which character is wrong, not just "invalid".
      const credit = validateCreditCode(input.creditCode);
      if (!credit.ok) errors.add(f.name, f.id, translateMessage(lang, credit.message));
    } else if (failed.has(f.name) || input[f.name].trim() === '') {
      errors.add(f.name, f.id, translate(lang, f.message));
    }
  }
  return errors;
}

/** Field errors of a service failure (409 duplicate, 400), or a problem of the whole form (429). */
function serviceErrors(err: unknown, lang: Lang, ids: Readonly<Record<string, string>>): FormErrors | undefined {
  if (!(err instanceof HttpError) || err.status >= 500 || err.status === 404 || err.status === 403) return undefined;
  const errors = new FormErrors();
  const fieldErrors = errorFields(err, lang).filter((e) => Object.hasOwn(ids, e.field));
  if (fieldErrors.length === 0) errors.setProblem(errorDetail(err, lang));
  for (const e of fieldErrors) errors.add(e.field, ids[e.field], e.message);
  return errors;
}

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

export function accountPages(
  db: Kysely<Database>,
  appendAudit: AppendAudit,
  secureCookies: boolean,
  views: Views,
  baseUrl: (req: Request) => string,
  claimGuestWork: ClaimGuestWork,
): Router {
  const router = Router();
  const render = pageRenderer(views);
  const sizeLabel = (lang: Lang, size: OrgSize): string => translate(lang, `account.size.${size}`);

  const renderRegister = (
    res: Response,
    values: Record<string, string>,
    next: string,
    errors = new FormErrors(),
  ): void => {
    const lang = langOf(res);
    render(res, 'accounts/register', {
      title: pageTitle(res, 'account.register.title', errors),
      values,
      // Where to go once registered (a guest's report, say): a path on this site only.
      next,
      formErrors: errors.view(),
      industries: Object.entries(INDUSTRY_SECTIONS).map(([letter, name]) => ({
        letter,
        name,
        selected: values.industry === letter,
      })),
      sizes: ORG_SIZES.map((value) => ({ value, label: sizeLabel(lang, value), checked: values.size === value })),
    });
  };

  router.get('/register', (req, res) => {
    const auth = authOf(res);
    if (auth) {
      res.redirect(303, HOME[auth.user.role]);
      return;
    }
    renderRegister(res, {}, safeNext(req.query.next, ''));
  });

  router.post('/register', async (req, res) => {
    const body = bodyOf(req);
    const input = Object.fromEntries(REGISTER_FIELDS.map((f) => [f.name, field(body, f.name)])) as Record<
      keyof RegisterInput,
      string
    >;
    // The password is never sent back to the browser.
    const keep = { ...input, password: '' };
    const next = safeNext(field(body, 'next'), '');
    const lang = langOf(res);
    let errors = registerErrors(lang, input);
    if (errors.any) {
      res.status(400);
      renderRegister(res, keep, next, errors);
      return;
    }
    try {
      const result = await register(db, appendAudit, req, {
        ...input,
        email: input.email.trim(),
        size: input.size as OrgSize,
      });
      const previous = authOf(res);
      if (previous) await deleteSession(db, previous.tokenHash);
      await startSession(db, res, result.user.id, secureCookies, claimGuestWork);
      res.redirect(303, next || '/assess/new');
    } catch (err) {
      const found = serviceErrors(err, lang, Object.fromEntries(REGISTER_FIELDS.map((f) => [f.name, f.id])));
      if (!found) throw err;
      errors = found;
      res.status((err as HttpError).status);
      renderRegister(res, keep, next, errors);
    }
  });

  const renderLogin = (
    res: Response,
    data: { email?: string; next?: string; loggedOut?: boolean },
    errors = new FormErrors(),
  ): void => {
    render(res, 'accounts/login', {
      title: pageTitle(res, 'account.login.title', errors),
      values: { email: data.email ?? '' },
      next: data.next ?? '',
      loggedOut: data.loggedOut === true,
      formErrors: errors.view(),
    });
  };

  router.get('/login', (req, res) => {
    const next = safeNext(req.query.next, '');
    const auth = authOf(res);
    if (auth) {
      res.redirect(303, next || HOME[auth.user.role]);
      return;
    }
    renderLogin(res, { next, loggedOut: req.query.out === '1' });
  });

  router.post('/login', async (req, res) => {
    const body = bodyOf(req);
    const lang = langOf(res);
    const email = field(body, 'email').trim();
    const password = field(body, 'password');
    const next = safeNext(field(body, 'next'), '');
    const errors = new FormErrors();
    if (!validEmail(email)) errors.add('email', 'email', translate(lang, 'account.error.email'));
    if (password === '' || password.length > 200)
      errors.add('password', 'password', translate(lang, 'account.error.passwordMissing'));
    if (errors.any) {
      res.status(400);
      renderLogin(res, { email, next }, errors);
      return;
    }
    let user: Awaited<ReturnType<typeof login>>;
    try {
      user = await login(db, req, email, password);
    } catch (err) {
      const found = serviceErrors(err, lang, {});
      if (!found) throw err;
      res.status((err as HttpError).status);
      renderLogin(res, { email, next }, found);
      return;
    }
    if (!user) {
      errors.add('email', 'email', translate(lang, 'account.error.login'));
      res.status(401);
      renderLogin(res, { email, next }, errors);
      return;
    }
    const previous = authOf(res);
    if (previous) await deleteSession(db, previous.tokenHash);
    await startSession(db, res, user.id, secureCookies, claimGuestWork);
    res.redirect(303, next || HOME[user.role]);
  });

  router.post('/logout', async (_req, res) => {
    const auth = authOf(res);
    if (auth) await deleteSession(db, auth.tokenHash);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, auth ? '/login?out=1' : '/');
  });

  const renderPassword = (res: Response, changed: boolean, errors = new FormErrors()): void => {
    render(res, 'accounts/password', {
      title: pageTitle(res, 'account.password.title', errors),
      changed,
      formErrors: errors.view(),
    });
  };

  router.get('/account/password', requireAuth(), (req, res) => {
    renderPassword(res, req.query.changed === '1');
  });

  router.post('/account/password', requireAuth(), async (req, res) => {
    const auth = authOf(res);
    if (!auth) return;
    const body = bodyOf(req);
    const lang = langOf(res);
    const current = field(body, 'currentPassword');
    const next = field(body, 'newPassword');
    const ids = { currentPassword: 'current-password', newPassword: 'new-password' };
    let errors = new FormErrors();
    if (current === '')
      errors.add('currentPassword', ids.currentPassword, translate(lang, 'account.error.currentPassword'));
    if (next.length < MIN_PASSWORD_LENGTH || next.length > 200)
      errors.add('newPassword', ids.newPassword, translate(lang, 'account.error.password'));
    if (!errors.any) {
      try {
        await changePassword(db, auth.user.id, current, next);
        await deleteOtherSessions(db, auth.user.id, auth.tokenHash);
        res.redirect(303, '/account/password?changed=1');
        return;
      } catch (err) {
        const found = serviceErrors(err, lang, ids);
        if (!found) throw err;
        errors = found;
      }
    }
    res.status(400);
    renderPassword(res, false, errors);
  });

  const invitationOrThrow = async (token: string): Promise<{ orgName: string }> => {
    const invitation = await findOpenInvitation(db, token);
    if (!invitation) throw notFound('account.error.invitationInvalidAsk');
    return invitation;
  };

  const renderInvite = (
    res: Response,
    token: string,
    orgName: string,
    email: string,
    errors = new FormErrors(),
  ): void => {
    render(res, 'accounts/invite', {
      title: pageTitle(res, 'account.invite.title', errors),
      token,
      orgName,
      values: { email },
      formErrors: errors.view(),
    });
  };

  router.get('/invite/:token', async (req, res) => {
    const { orgName } = await invitationOrThrow(req.params.token);
    renderInvite(res, req.params.token, orgName, '');
  });

  router.post('/invite/:token', async (req, res) => {
    const token = req.params.token;
    const { orgName } = await invitationOrThrow(token);
    const body = bodyOf(req);
    const lang = langOf(res);
    const email = field(body, 'email').trim();
    const password = field(body, 'password');
    let errors = new FormErrors();
    if (!validEmail(email)) errors.add('email', 'email', translate(lang, 'account.error.email'));
    if (password.length < MIN_PASSWORD_LENGTH || password.length > 200)
      errors.add('password', 'password', translate(lang, 'account.error.password'));
    if (!errors.any) {
      try {
        const user = await acceptInvitation(db, appendAudit, token, email, password);
        const previous = authOf(res);
        if (previous) await deleteSession(db, previous.tokenHash);
        await startSession(db, res, user.id, secureCookies, claimGuestWork);
        res.redirect(303, HOME.company); // invitations are for colleagues in a company
        return;
      } catch (err) {
        const found = serviceErrors(err, lang, { email: 'email', password: 'password' });
        if (!found) throw err;
        errors = found;
      }
    }
    res.status(400);
    renderInvite(res, token, orgName, email, errors);
  });

  router.post('/account/invitations', requireAuth('company'), async (req, res) => {
    const auth = authOf(res);
    if (!auth?.user.orgId || !auth.user.orgAdmin) throw forbidden('account.error.adminOnly');
    const invitation = await createInvitation(db, auth.user.orgId, auth.user.id);
    // Shown once, not redirected to: the token is never stored in clear.
    render(res, 'accounts/invitation-created', {
      title: translate(langOf(res), 'account.invite.created'),
      url: `${baseUrl(req)}/invite/${invitation.token}`,
      expires: DATE_TIME.format(invitation.expiresAt),
    });
  });

  return router;
}
