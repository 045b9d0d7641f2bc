// The hostile-input sweep: every API operation of the OpenAPI document (each
// parameter and each body property in turn) and every HTML route of the app
// (found by walking its routers; form fields named as the views name them) gets
// a bounded set of hostile values — NUL, lone surrogates, huge numbers, 1e309,
// Infinity, deep JSON, wrong types, overlong strings, impossible dates, `../`,
// bidi and astral characters — as an anonymous caller, a company and a
// regulator. No answer may be a 5xx, and every 4xx of the API is problem+json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { projectRoot } from '../../server/config';
import { openApiDocument } from '../../server/openapi';
import { startTestApp, type TestApp } from '../support/app';
import { randomIp, registerCompany } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs } from '../support/sign-in';
import type { SignedInAgent } from '../support/signed-in-agent';

/** Hostile values as they go into a URL (already percent-encoded where a raw byte cannot travel). */
const IN_URL = [
  '%00',
  '%ED%A0%80',
  '99999999999999999999',
  '1e309',
  'Infinity',
  '-1',
  '0000-01-01',
  '2026-02-30',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%A0%80%80%E2%80%AE',
  '%3Cscript%3E',
  'x'.repeat(5000),
  '%',
  '%25%25',
];

/** Hostile values as they go into a JSON body or a form. */
const IN_BODY: readonly unknown[] = [
  '\u0000',
  'a\ud800b',
  '\udfff',
  1e308,
  -1,
  Number.MAX_VALUE,
  'Infinity',
  '0000-01-01',
  '2026-13-45',
  '../../etc/passwd',
  '𠀀😀\u202e',
  'x'.repeat(20_000),
  null,
  true,
  [],
  { a: [1] },
  ['\u0000'],
];

/** Whole bodies that are hostile as such. */
const WHOLE_BODIES: readonly string[] = [
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
  '[1,2,3]',
  '"text"',
  '{"a":1,"a":2}',
  '{',
  '1e309',
];

interface Target {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Path with :name placeholders. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly bodyFields: readonly string[];
  readonly api: boolean;
}

type Schema = { $ref?: string; properties?: Record<string, unknown> };

function bodyFieldsOf(op: { requestBody?: { content?: Record<string, { schema?: Schema }> } }): string[] {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [];
  const schemas = openApiDocument.components.schemas as Partial<Record<string, Schema>>;
  const resolved = schema.$ref ? schemas[schema.$ref.split('/').pop() ?? ''] : schema;
  return Object.keys(resolved?.properties ?? {});
}

function apiTargets(): Target[] {
  const out: Target[] = [];
  for (const [path, item] of Object.entries(openApiDocument.paths as Record<string, Record<string, unknown>>))
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as { parameters?: { name: string; in: string }[] };
      const params = op.parameters ?? [];
      out.push({
        method: method as Target['method'],
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: bodyFieldsOf(op as Parameters<typeof bodyFieldsOf>[0]),
        api: true,
      });
    }
  return out;
}

/** The form fields (as the views name them) an HTML route may read from its body or query. */
function formFields(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.hbs'))
        for (const m of readFileSync(p, 'utf8').matchAll(/name="([a-zA-Z][a-zA-Z_]*)"/g)) names.add(m[1]);
    }
  };
  walk(join(projectRoot, 'views'));
  // The fields where input reaches the database, a date or a number parser.
  const kept = ['q', 'version', 'domain', 'from', 'to', 'region', 'industry', 'size', 'status', 'note', 'owner'];
  kept.push('dueDate', 'correctedOn', 'email', 'code', 'title', 'report', 'tags', 'orgName', 'creditCode');
  return kept.filter((n) => names.has(n));
}

interface Layer {
  readonly route?: { path: string | string[]; methods: Record<string, boolean> };
  readonly slash?: boolean;
  readonly handle?: { stack?: Layer[] };
}

/** The routes of the routers mounted at the root (the API, mounted under /api/v1, comes from OpenAPI). */
function htmlTargets(app: Express): Target[] {
  const fields = formFields();
  const out: Target[] = [];
  const walk = (stack: readonly Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of ([] as string[]).concat(layer.route.path)) {
          if (path.startsWith('/api/') || !path.startsWith('/')) continue;
          for (const method of Object.keys(layer.route.methods)) {
            if (method !== 'get' && method !== 'post') continue;
            out.push({
              method,
              path,
              pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
              queryParams: method === 'get' ? fields : [],
              bodyFields: method === 'post' ? fields : [],
              api: false,
            });
          }
        }
      } else if (layer.slash && layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

let t: TestApp;
let draft: string;
let company: SignedInAgent;
let regulator: SignedInAgent;
beforeAll(async () => {
  t = await startTestApp(fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]));
  const c = await registerCompany(t.app);
  company = c.agent;
  draft = String(
    (
      await company
        .post('/api/v1/assessments')
        .send({ profile: { tags: [] } })
        .expect(201)
    ).body.id,
  );
  regulator = (await signInAs(t, 'regulator')).agent;
});
afterAll(async () => {
  await t.close();
});

/** A plausible value for a path parameter that is not under attack, so the request reaches deeper. */
const plausible = (name: string): string =>
  name === 'id' ? draft : /code/i.test(name) ? 'XF-001' : name === 'domain' ? 'XF' : '1';

/** Actor k of n gets every n-th hostile value (from k): all values are sent, the count stays bounded. */
const share = <T>(values: readonly T[], k: number, n: number): T[] => values.filter((_v, i) => i % n === k);

function requestsFor(target: Target, k: number, n: number): Sent[] {
  // Signing out mid-sweep would turn the signed-in callers anonymous.
  if (/logout/.test(target.path)) return [];
  const fill = (attacked?: string, value?: string): string =>
    target.path.replace(/:(\w+)/g, (_m, name: string) => (name === attacked ? (value ?? '') : plausible(name)));
  const base = fill();
  const sent: Sent[] = [];
  for (const p of target.pathParams)
    for (const v of share(IN_URL, k, n)) sent.push({ method: target.method, url: fill(p, v) });
  const hasBody = target.method !== 'get' && target.method !== 'delete';
  for (const q of target.queryParams)
    for (const v of share(IN_URL, k, target.api ? n : n * 4))
      sent.push({ method: target.method, url: `${base}?${q}=${v}` });
  if (hasBody) {
    for (const f of target.bodyFields)
      for (const v of target.api
        ? share(IN_BODY, k, n)
        : share(
            IN_BODY.filter((x) => typeof x === 'string'),
            k,
            n * 3,
          ))
        sent.push({ method: target.method, url: base, body: target.api ? { [f]: v } : { [f]: String(v) } });
    if (target.api) for (const b of share(WHOLE_BODIES, k, n)) sent.push({ method: target.method, url: base, body: b });
  }
  return sent;
}

async function send(actor: SignedInAgent | undefined, app: Express, api: boolean, r: Sent): Promise<request.Response> {
  const ip = randomIp();
  const agentCall = (): request.Test => {
    if (!actor) return request(app)[r.method as 'get'](r.url);
    if (r.method === 'get') return actor.get(r.url);
    if (!api && r.method === 'post') return actor.form(r.url, r.body as Record<string, string>);
    return actor[r.method as 'post'](r.url);
  };
  let test = agentCall().set('X-Forwarded-For', ip).set('Origin', 'http://127.0.0.1');
  if (r.body !== undefined && !(!api && actor && r.method === 'post')) {
    if (typeof r.body === 'string') test = test.type('application/json').send(r.body);
    else if (api) test = test.send(r.body as object);
    else test = test.type('form').send(r.body as Record<string, string>);
  }
  return test.ok(() => true).timeout(20_000);
}

it('thousands of hostile requests as anonymous, company and regulator: 0 answers ≥ 500, every API 4xx is problem+json', async () => {
  const targets = [...apiTargets(), ...htmlTargets(t.app)];
  const actors: { name: string; agent?: SignedInAgent }[] = [
    { name: 'anonymous' },
    { name: 'company', agent: company },
    { name: 'regulator', agent: regulator },
  ];
  let count = 0;
  const serverErrors: string[] = [];
  const notProblem: string[] = [];
  for (const [k, actor] of actors.entries())
    for (const target of targets) {
      const batch = requestsFor(target, k, actors.length);
      // A few at a time: quick, and no actor floods a rate limit with parallel bursts.
      for (let i = 0; i < batch.length; i += 8) {
        const answers = await Promise.all(batch.slice(i, i + 8).map((r) => send(actor.agent, t.app, target.api, r)));
        answers.forEach((res, k) => {
          const r = batch[i + k];
          const what = `${actor.name} ${r.method.toUpperCase()} ${r.url.slice(0, 120)} ${r.body === undefined ? '' : JSON.stringify(r.body).slice(0, 80)} → ${String(res.status)}`;
          if (res.status >= 500) serverErrors.push(what);
          else if (
            target.api &&
            res.status >= 400 &&
            !/application\/problem\+json/.test(res.headers['content-type'] ?? '')
          )
            notProblem.push(what);
        });
        count += answers.length;
      }
    }
  console.log(
    `hostile sweep: ${String(count)} requests over ${String(targets.length)} routes, ${String(serverErrors.length)} answers ≥ 500`,
  );
  expect(count).toBeGreaterThan(2000);
  expect(serverErrors).toEqual([]);
  expect(notProblem).toEqual([]);
}, 240_000);
