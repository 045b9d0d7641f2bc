// Verification reads a report as written: a document that two readers could
// read differently (a duplicated key) is refused, and what a match shows comes
// from the stored report, never from the upload.
import express from 'express';
import request from 'supertest';
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { HttpError } from '../../server/http/errors';
import { WorkLimiter } from '../../server/http/work-limiter';
import { MAX_REPORT_BYTES } from '../../server/assessment/report-limits';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany } from '../support/company';
import { fixtureContent, fixtureItem } from '../support/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-002')]));
});
afterAll(async () => {
  await t.close();
});

/** A company that submitted one report; returns the report as downloaded. */
async function submittedReport(): Promise<{
  report: Record<string, unknown>;
  fingerprint: string;
  creditCode: string;
}> {
  const c = await registerCompany(t.app, { orgName: '张家港市真实机械有限公司' });
  const created = await c.agent
    .post('/api/v1/assessments')
    .send({ profile: { tags: [] } })
    .expect(201);
  const id = created.body.id as string;
  for (const code of ['XF-001', 'XF-002'])
    await c.agent.put(`/api/v1/assessments/${id}/answers/${code}`).send({ status: 'compliant' }).expect(200);
  const submitted = await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
  const report = (await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200)).body as Record<string, unknown>;
  return { report, fingerprint: submitted.body.fingerprint as string, creditCode: c.creditCode };
}

/** The forgery: a fake org first (what a person or a naive reader sees), the real report after it. */
function forged(report: Record<string, unknown>): string {
  const fake = JSON.stringify({ name: '伪造的公司', creditCode: '91320582000000000X' });
  return `{"org":${fake},${JSON.stringify(report).slice(1)}`;
}

describe('POST /api/v1/verify', () => {
  it('refuses a report with a duplicated key instead of matching it', async () => {
    const { report } = await submittedReport();
    const res = await request(t.app)
      .post('/api/v1/verify')
      .type('application/json')
      .send(forged(report))
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(res.body.detail).toMatch(/重复的键/);
  });

  it('shows the firm named in the stored report, its credit code masked', async () => {
    const { report, fingerprint, creditCode } = await submittedReport();
    const res = await request(t.app).post('/api/v1/verify').send(report).expect(200);
    const masked = `${creditCode.slice(0, 4)}${'*'.repeat(10)}${creditCode.slice(-4)}`;
    expect(res.body).toMatchObject({
      match: true,
      fingerprint,
      org: { name: '张家港市真实机械有限公司', creditCode: masked },
    });
    const byCode = await request(t.app).get(`/api/v1/verify/${fingerprint}`).expect(200);
    expect(byCode.body.org).toEqual({ name: '张家港市真实机械有限公司', creditCode: masked });
  });

  it('answers 400, not 500, for nesting no report has', async () => {
    const deep = '['.repeat(15000) + ']'.repeat(15000);
    const res = await request(t.app).post('/api/v1/verify').type('application/json').send(deep).expect(400);
    expect(res.body.detail).toMatch(/nested deeper/);
  });

  it('answers 413 for a body larger than the largest real report', async () => {
    const big = `{"x":"${'a'.repeat(MAX_REPORT_BYTES)}"}`;
    await request(t.app).post('/api/v1/verify').type('application/json').send(big).expect(413);
  });

  it('still matches a pretty-printed copy of the real report', async () => {
    const { report, fingerprint } = await submittedReport();
    const res = await request(t.app)
      .post('/api/v1/verify')
      .type('application/json')
      .send(JSON.stringify(report, null, 2))
      .expect(200);
    expect(res.body).toMatchObject({ match: true, fingerprint });
    expect(fingerprintOf(report)).toBe(fingerprint);
  });
});

describe('the /verify form', () => {
  it('refuses a pasted report with a duplicated key and names the problem at the field', async () => {
    const { report } = await submittedReport();
    const res = await request(t.app)
      .post('/verify')
      .type('form')
      .send({ report: forged(report) })
      .expect(400);
    expect(res.text).toContain('报告中有重复的键');
    expect(res.text).not.toContain('相符：这是一份已提交的自评报告');
  });

  it('shows the stored firm on a match', async () => {
    const { report } = await submittedReport();
    const res = await request(t.app)
      .post('/verify')
      .type('form')
      .send({ report: JSON.stringify(report) })
      .expect(200);
    expect(res.text).toContain('张家港市真实机械有限公司');
  });
});

describe('WorkLimiter', () => {
  it('queues requests beyond its slots and refuses beyond the queue with 503 and Retry-After', async () => {
    const limiter = new WorkLimiter({ concurrency: 1, queue: 1, retryAfterSeconds: 7 });
    const gates: (() => void)[] = [];
    const app = express();
    app.get('/work', limiter.middleware, async (_req, res) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      res.send('done');
    });
    app.use(((err: HttpError, _req, res, _next) => {
      res.status(err.status).send(err.message);
    }) as express.ErrorRequestHandler);
    const server = app.listen(0);
    const agent = request(server);
    try {
      const first = agent.get('/work').then((r) => r);
      while (limiter.load.running < 1) await new Promise((r) => setTimeout(r, 5));
      const second = agent.get('/work').then((r) => r);
      while (limiter.load.waiting < 1) await new Promise((r) => setTimeout(r, 5));
      const third = await agent.get('/work');
      expect(third.status).toBe(503);
      expect(third.headers['retry-after']).toBe('7');
      gates.shift()?.();
      expect((await first).text).toBe('done');
      while (gates.length < 1) await new Promise((r) => setTimeout(r, 5));
      gates.shift()?.();
      expect((await second).text).toBe('done');
      expect(limiter.load).toEqual({ running: 0, waiting: 0 });
    } finally {
      server.close();
    }
  });
});
