import { DEFAULT_ACCOUNT_LIMITS } from '../../server/config';
import request from 'supertest';
import { createApp } from '../../server/app';
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { AssessmentService } from '../../server/assessment/service';
import { appendAudit, verifyAuditChain } from '../../server/audit/audit-log';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { createLogger } from '../../server/logger';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { signInAs } from '../support/sign-in';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';

const content = fixtureContent(
  [
    fixtureItem('XF-001', {
      frequency: 'high',
      penalty: [
        {
          law: '中华人民共和国消防法',
          article: '第六十条',
          text: '责令改正，处五千元以上五万元以下罚款',
          summary: '处五千元以上五万元以下罚款',
          consequences: ['fine', 'suspension'],
        },
      ],
      cases: [{ title: '例（示例）', facts: '事实。', outcome: '结果。', lesson: '启示。', illustrative: true }],
      leniency: [
        {
          kind: 'first-violation',
          conditions: ['初次违法', '当场改正'],
          correctionDays: 3,
          basis: '中华人民共和国行政处罚法 第三十三条第一款',
        },
      ],
    }),
    fixtureItem('XF-002'),
  ],
  [employmentDomain()],
);

const noop = (): Promise<void> => Promise.resolve();

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

async function newAssessment(c: Company, tags: string[] = ['employees']): Promise<string> {
  const res = await c.agent.post('/api/v1/assessments').send({ profile: { tags } }).expect(201);
  return res.body.id as string;
}

function answer(c: Company, id: string, code: string, body: Record<string, unknown>): request.Test {
  return c.agent.put(`/api/v1/assessments/${id}/answers/${code}`).send(body);
}

async function answerAll(c: Company, id: string): Promise<void> {
  await answer(c, id, 'XF-001', {
    status: 'non_compliant',
    note: '<script>alert(1)</script>灭火器过期',
    owner: '王主管',
    dueDate: '2026-12-31',
  }).expect(200);
  await answer(c, id, 'XF-002', { status: 'compliant' }).expect(200);
  await answer(c, id, 'LD-001', { status: 'unsure' }).expect(200);
}

describe('POST /api/v1/assessments', () => {
  it('creates a draft with the items the profile selects', async () => {
    const c = await registerCompany(t.app);
    const res = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: ['employees'] } })
      .expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      status: 'draft',
      items: ['XF-001', 'XF-002', 'LD-001'],
      progress: { answered: 0, total: 3 },
    });
  });

  it('leaves out items whose profile tags do not apply', async () => {
    const c = await registerCompany(t.app);
    const res = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(201);
    expect(res.body.items).toEqual(['XF-001', 'XF-002']);
  });

  it('rejects an unknown profile tag with 400', async () => {
    const c = await registerCompany(t.app);
    const res = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: ['spaceships'] } })
      .expect(400);
    expect(res.body.detail).toContain('spaceships');
  });

  it('answers 401 without a session', async () => {
    await request(t.app)
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(401);
  });

  it("lists only the organisation's own assessments", async () => {
    const a = await registerCompany(t.app);
    const b = await registerCompany(t.app);
    const idA = await newAssessment(a);
    await newAssessment(b);
    const list = await a.agent.get('/api/v1/assessments').expect(200);
    expect(list.body.assessments.map((x: { id: string }) => x.id)).toEqual([idA]);
  });
});

describe('PUT /api/v1/assessments/:id/answers/:itemCode', () => {
  it('stores an answer and is idempotent', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const body = {
      status: 'non_compliant',
      note: '缺少月检记录',
      owner: '李工',
      dueDate: '2026-12-15',
      correctedOn: null,
    };
    const first = await answer(c, id, 'XF-001', body).expect(200);
    const second = await answer(c, id, 'XF-001', body).expect(200);
    expect(second.body).toEqual(first.body);
    expect(first.body).toEqual({
      itemCode: 'XF-001',
      status: 'non_compliant',
      note: '缺少月检记录',
      owner: '李工',
      dueDate: '2026-12-15',
      correctedOn: null,
    });
    const detail = await c.agent.get(`/api/v1/assessments/${id}`).expect(200);
    expect(detail.body.progress).toEqual({ answered: 1, total: 3 });
  });

  it.each([
    ['an item the profile left out', 'LD-001'],
    ['an unknown item code', 'ZZ-999'],
  ])('answers 404 for %s', async (_name, code) => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c, []);
    await answer(c, id, code, { status: 'compliant' }).expect(404);
  });

  it.each([
    ['an unknown status', { status: 'maybe' }, 'status'],
    ['an impossible date', { status: 'unsure', dueDate: '2026-02-30' }, 'dueDate'],
    ['a date in another format', { status: 'unsure', correctedOn: '30/11/2026' }, 'correctedOn'],
    ['a note over 2000 characters', { status: 'unsure', note: '注'.repeat(2001) }, 'note'],
    ['an unknown field', { status: 'unsure', score: 5 }, '(root)'],
  ])('rejects %s with 400', async (_name, body, field) => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const res = await answer(c, id, 'XF-001', body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  // Only 不符合 and 不确定 carry an action: the API names the field rather than
  // store it, on the fast path (which declines) and the general route alike.
  it.each([
    ['compliant', { owner: '李工' }, ['owner']],
    ['not_applicable', { dueDate: '2026-12-15', correctedOn: '2026-12-01' }, ['dueDate', 'correctedOn']],
  ])('rejects an action sent with %s (400 naming the field) and stores nothing', async (status, action, fields) => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const res = await answer(c, id, 'XF-001', { status, ...action }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    const stored = await t.db.db.selectFrom('answers').select('item_code').where('assessment_id', '=', id).execute();
    expect(stored).toEqual([]);
  });

  it('accepts null action fields with any status, as the pages send them, and drops an earlier action', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await answer(c, id, 'XF-001', { status: 'unsure', owner: '李工', dueDate: '2026-12-15' }).expect(200);
    const changed = await answer(c, id, 'XF-001', {
      status: 'compliant',
      note: null,
      owner: null,
      dueDate: null,
      correctedOn: null,
    }).expect(200);
    expect(changed.body).toMatchObject({ status: 'compliant', owner: null, dueDate: null, correctedOn: null });
    const row = await t.db.db
      .selectFrom('answers')
      .select(['status', 'owner', 'due_date'])
      .where('assessment_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'compliant', owner: null, due_date: null });
  });

  it('the service itself refuses an action with a status that carries none', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const service = new AssessmentService(
      t.db.db,
      t.store,
      { submitted: noop, sharingChanged: noop },
      appendAudit,
      DEFAULT_ACCOUNT_LIMITS.openDraftsPerOrg,
    );
    const org = await t.db.db.selectFrom('users').select('org_id').where('id', '=', c.userId).executeTakeFirstOrThrow();
    await expect(
      service.saveAnswer({ kind: 'member', orgId: org.org_id ?? '', userId: c.userId }, id, 'XF-001', {
        status: 'compliant',
        owner: '李工',
      }),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'owner' }] });
    await expect(
      service.saveAnswerForSession('x'.repeat(64), 'y', id, 'XF-001', {
        status: 'not_applicable',
        dueDate: '2026-12-15',
      }),
    ).resolves.toBeUndefined();
  });

  // The save authenticates inside its own statement (one round trip); these
  // check that nothing it cannot authorise is written, and the reason given.
  const storedAnswers = (id: string) =>
    t.db.db.selectFrom('answers').select('item_code').where('assessment_id', '=', id).execute();

  it('writes nothing for a wrong CSRF token (403)', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await c.agent.withoutCsrf
      .put(`/api/v1/assessments/${id}/answers/XF-001`)
      .set('X-CSRF-Token', 'y'.repeat(43))
      .send({ status: 'compliant' })
      .expect(403);
    expect(await storedAnswers(id)).toEqual([]);
  });

  it('writes nothing for an expired session (401 problem)', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await t.db.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', c.userId)
      .execute();
    const expired = await answer(c, id, 'XF-001', { status: 'compliant' }).expect(401);
    expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await storedAnswers(id)).toEqual([]);
  });

  it('refuses answers from a signed-in user who is not a company user (403)', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const regulator = await signInAs(t, 'regulator');
    await regulator.agent.put(`/api/v1/assessments/${id}/answers/XF-001`).send({ status: 'compliant' }).expect(403);
    expect(await storedAnswers(id)).toEqual([]);
  });

  it('records which colleague saved an answer last', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await answer(c, id, 'XF-001', { status: 'unsure' }).expect(200);
    const row = await t.db.db
      .selectFrom('answers')
      .select(['updated_by', 'status'])
      .where('assessment_id', '=', id)
      .where('item_code', '=', 'XF-001')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ updated_by: c.userId, status: 'unsure' });
  });

  it('keeps a 2000-character note exactly', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    const note = '注'.repeat(1999) + '<';
    expect((await answer(c, id, 'XF-001', { status: 'unsure', note }).expect(200)).body.note).toBe(note);
  });
});

/** A company's assessment with every item answered (see answerAll), submitted. */
async function submittedAssessment(c: Company): Promise<{ id: string; fingerprint: string; submittedAt: string }> {
  const id = await newAssessment(c);
  await answerAll(c, id);
  const submitted = await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
  return { id, fingerprint: String(submitted.body.fingerprint), submittedAt: String(submitted.body.submittedAt) };
}

describe('submitting', () => {
  it('refuses with 409 when not one item is answered', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(409);
  });

  it('submits a partial assessment and lists the unanswered items as unchecked', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await answer(c, id, 'XF-001', { status: 'compliant' }).expect(200);
    const res = await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
    expect(res.body.coverage).toEqual({ answered: 1, total: 3 });
    const report = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(report.body.unchecked).toEqual(['XF-002', 'LD-001']);
  });

  it('answers the fingerprint of the report and the time of submission', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await answerAll(c, id);
    const submitted = await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
    expect(submitted.body).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      submittedAt: expect.any(String),
      coverage: { answered: 3, total: 3 },
    });
    const report = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(fingerprintOf(report.body)).toBe(submitted.body.fingerprint);
    expect(report.headers['x-report-fingerprint']).toBe(submitted.body.fingerprint);
  });

  it('reports the organisation, the checklist version and the overall figures', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    const report = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(report.body).toMatchObject({
      format: 'hegui-report/2',
      org: { creditCode: c.creditCode },
      checklistVersion: { id: t.catalogue.version.id, hash: t.catalogue.version.hash },
      overall: {
        total: 3,
        counts: { compliant: 1, non_compliant: 1, unsure: 1, not_applicable: 0 },
        complianceRate: 0.3333,
      },
    });
  });

  it('lists the gaps riskiest first, with their note, action and leniency', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    const report = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    // Riskiest first: the high-frequency item with suspension comes before the 不确定 one.
    expect(report.body.gaps.map((g: { code: string }) => g.code)).toEqual(['XF-001', 'LD-001']);
    expect(report.body.gaps[0]).toMatchObject({
      note: '<script>alert(1)</script>灭火器过期',
      action: { owner: '王主管', dueDate: '2026-12-31', correctedOn: null },
      leniency: [{ kind: 'first-violation', correctionDays: 3 }],
    });
  });

  it('freezes the assessment: a later answer or a second submission is 409', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    await answer(c, id, 'XF-002', { status: 'non_compliant' }).expect(409);
    await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(409);
  });

  it('serves the report as DOCX with the fingerprint in the file name', async () => {
    const c = await registerCompany(t.app);
    const { id, fingerprint } = await submittedAssessment(c);
    const docx = await c.agent.get(`/api/v1/assessments/${id}/report.docx`).expect(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    expect(docx.headers['content-disposition']).toContain(fingerprint.slice(0, 12));
  });

  it('serves the report as PDF', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    const pdf = await c.agent.get(`/api/v1/assessments/${id}/report.pdf`).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('has no report before submission', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await c.agent.get(`/api/v1/assessments/${id}/report`).expect(409);
  });
});

describe('sharing', () => {
  const share = (c: Company, id: string, shared: boolean) =>
    c.agent.put(`/api/v1/assessments/${id}/sharing`).send({ shared });

  it('refuses to share a draft (409)', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await share(c, id, true).expect(409);
  });

  it('lets the company share its report and withdraw it', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    expect((await share(c, id, true).expect(200)).body).toEqual({ shared: true });
    expect((await share(c, id, false).expect(200)).body).toEqual({ shared: false });
  });

  it('writes each step to an intact audit chain', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    await share(c, id, true).expect(200);
    await share(c, id, false).expect(200);
    const actions = await t.db.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject', '=', `assessment:${id}`)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'assessment.create',
      'assessment.submit',
      'report.share',
      'report.unshare',
    ]);
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
  });
});

describe('verification', () => {
  it('verifies a fingerprint and says when it was submitted, against which checklist', async () => {
    const c = await registerCompany(t.app);
    const { fingerprint, submittedAt } = await submittedAssessment(c);
    const byFingerprint = await request(t.app).get(`/api/v1/verify/${fingerprint}`).expect(200);
    expect(byFingerprint.body).toEqual({
      match: true,
      fingerprint,
      submittedAt,
      checklistVersion: t.catalogue.version.id,
      mode: 'full',
      coverage: { answered: 3, total: 3 },
      org: {
        name: '张家港市示例机械有限公司',
        creditCode: `${c.creditCode.slice(0, 4)}**********${c.creditCode.slice(-4)}`,
      },
    });
  });

  it('verifies an uploaded report as it was served', async () => {
    const c = await registerCompany(t.app);
    const { id, submittedAt } = await submittedAssessment(c);
    const report = (await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200)).body;
    expect((await request(t.app).post('/api/v1/verify').send(report).expect(200)).body).toMatchObject({
      match: true,
      submittedAt,
    });
  });

  it('does not match an uploaded report with one figure changed', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    const report = (await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200)).body;
    const altered = { ...report, overall: { ...report.overall, complianceRate: 1 } };
    expect((await request(t.app).post('/api/v1/verify').send(altered).expect(200)).body).toMatchObject({
      match: false,
    });
  });

  it('answers 404 for an unknown fingerprint', async () => {
    await request(t.app)
      .get(`/api/v1/verify/${'0'.repeat(64)}`)
      .expect(404);
  });

  it('answers 404 for an assessment id used as a fingerprint', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await request(t.app).get(`/api/v1/verify/${id}`).expect(404);
  });
});

describe('isolation between organisations', () => {
  it("hides A's assessment from B on every route (404, not 403)", async () => {
    const a = await registerCompany(t.app);
    const b = await registerCompany(t.app);
    const { id } = await submittedAssessment(a);
    await b.agent.get(`/api/v1/assessments/${id}`).expect(404);
    await answer(b, id, 'XF-001', { status: 'compliant' }).expect(404);
    await b.agent.post(`/api/v1/assessments/${id}/submit`).expect(404);
    for (const suffix of ['report', 'report.docx', 'report.pdf'])
      await b.agent.get(`/api/v1/assessments/${id}/${suffix}`).expect(404);
    await b.agent.put(`/api/v1/assessments/${id}/sharing`).send({ shared: true }).expect(404);
    await b.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] }, copyFrom: id })
      .expect(404);
    const row = await t.db.db
      .selectFrom('assessments')
      .select(['shared', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ shared: false, status: 'submitted' });
  });

  it('answers 404 for an id that is not a uuid', async () => {
    const a = await registerCompany(t.app);
    await a.agent.get('/api/v1/assessments/not-a-uuid').expect(404);
  });
});

describe('re-checking and newer checklist versions', () => {
  it('starts a new assessment as a copy of the last one', async () => {
    const c = await registerCompany(t.app);
    const { id } = await submittedAssessment(c);
    const copy = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: ['employees'] }, copyFrom: id })
      .expect(201);
    expect(copy.body.progress).toEqual({ answered: 3, total: 3 });
    const detail = await c.agent.get(`/api/v1/assessments/${copy.body.id}`).expect(200);
    expect(detail.body.answers['XF-001']).toMatchObject({ status: 'non_compliant', owner: '王主管' });
  });

  it('moves a draft to the current version, keeping answers of items that still exist', async () => {
    const c = await registerCompany(t.app);
    const id = await newAssessment(c);
    await answer(c, id, 'XF-001', { status: 'compliant' }).expect(200);
    await answer(c, id, 'XF-002', { status: 'compliant' }).expect(200);
    const v2 = fixtureContent([fixtureItem('XF-001'), fixtureItem('XF-003')], [content.domains[1]]);
    const { catalogue } = await importCatalogue(t.db.db, v2);
    const app2 = createApp({
      database: t.db,
      catalogues: new CatalogueStore(t.db.db, catalogue),
      logger: createLogger('silent'),
      production: false,
    });
    // Another app instance started on the newer files, same database and session.
    const sameSession = c.agent.on(app2);
    const moved = await sameSession.post(`/api/v1/assessments/${id}/move-to-current`).expect(200);
    expect(moved.body).toEqual({ added: ['XF-003'], removed: ['XF-002'], versionId: catalogue.version.id });
    const detail = await sameSession.get(`/api/v1/assessments/${id}`).expect(200);
    expect(detail.body).toMatchObject({
      versionId: catalogue.version.id,
      items: ['XF-001', 'XF-003', 'LD-001'],
      progress: { answered: 1, total: 3 },
    });
    // Restore the original version as current for the other tests in this file.
    await importCatalogue(t.db.db, content);
  });
});
