// A signed-in test client: a supertest agent that keeps the session cookie and
// sends the session's CSRF token on every state-changing request, as the
// browser script does; HTML forms carry the same token as the `_csrf` field.
// Tests of CSRF rejection itself use `withoutCsrf`, and send a wrong token by hand.
import request from 'supertest';
import type { Express } from 'express';

const CSRF_HEADER = 'X-CSRF-Token';

type FormFields = Record<string, string | readonly string[]>;

export class SignedInAgent {
  private constructor(
    /** The agent without the token: for requests that must show what happens without it. */
    readonly withoutCsrf: request.Agent,
    /** The session's CSRF token (from the sign-in answer or GET /api/v1/auth/csrf). */
    readonly csrf: string,
    /** The session cookie (`hegui_sid=…`), to talk to another app instance as the same user. */
    readonly cookie: string,
  ) {}

  /**
   * Wraps an agent that has just signed in. `csrf` is the token the sign-in answer
   * carried; without one (a form sign-in) it is asked of GET /api/v1/auth/csrf.
   */
  static async after(agent: request.Agent, signIn: request.Response, csrf?: string): Promise<SignedInAgent> {
    const cookie = sessionCookieOf(signIn);
    const token = csrf ?? String((await agent.get('/api/v1/auth/csrf').expect(200)).body.token);
    return new SignedInAgent(agent, token, cookie);
  }

  get(url: string): request.Test {
    return this.withoutCsrf.get(url);
  }

  post(url: string): request.Test {
    return this.withoutCsrf.post(url).set(CSRF_HEADER, this.csrf);
  }

  put(url: string): request.Test {
    return this.withoutCsrf.put(url).set(CSRF_HEADER, this.csrf);
  }

  patch(url: string): request.Test {
    return this.withoutCsrf.patch(url).set(CSRF_HEADER, this.csrf);
  }

  delete(url: string): request.Test {
    return this.withoutCsrf.delete(url).set(CSRF_HEADER, this.csrf);
  }

  /** Posts an HTML form as a browser does: urlencoded, with the `_csrf` field. */
  form(url: string, fields: FormFields = {}): request.Test {
    return this.withoutCsrf
      .post(url)
      .type('form')
      .send({ _csrf: this.csrf, ...fields });
  }

  /** The same session on another app instance over the same database. */
  on(app: Express): SignedInAgent {
    return new SignedInAgent(request.agent(app).set('Cookie', this.cookie), this.csrf, this.cookie);
  }

  /** The cookie and token as headers, for clients that use fetch() against a listening server. */
  get headers(): Readonly<Record<string, string>> {
    return { cookie: this.cookie, [CSRF_HEADER.toLowerCase()]: this.csrf };
  }
}

/** The Set-Cookie headers of an answer, attributes included (none: an empty list). */
export function setCookiesOf(res: request.Response): string[] {
  // Typed as always present, but absent when the answer sets no cookie.
  const header: unknown = res.headers['set-cookie'];
  return Array.isArray(header) ? header.map(String) : [];
}

/** The `name=value` of the session cookie a sign-in set. */
export function sessionCookieOf(res: request.Response): string {
  const cookie = (setCookiesOf(res)[0] ?? '').split(';')[0];
  if (!cookie) throw new Error(`no session cookie in the ${res.status} answer`);
  return cookie;
}

/** The `_csrf` field of a page's form, read as a browser submitting it would send it. */
export function csrfFieldOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in the page');
  return m[1];
}
