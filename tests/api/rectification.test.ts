// The rectification ledger (整改台账, issue 15 part 1): actions made from a
// submitted report's 不符合 / 不确定 items, changed through the API and the
// form page, audited, isolated per organisation, and never touching the report.
import { sql } from 'kysely';
import request from 'supertest';
import { fingerprintOf } from '../../server/assessment/fingerprint';
import { verifyAuditChain } from '../../server/audit/audit-log';
import type { Report } from '../../server/domain/report';
import { startTestApp, type TestApp } from '../support/app';
import { registerCompany, type Company } from '../support/company';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';

const content = fixtureContent(
  [fixtureItem('XF-001', { frequency: 'high' }), fixtureItem('XF-002')],
  [employmentDomain()],
);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

interface ActionBody {
  id: string;
  itemCode: string;
  answer: string;
  status: string;
  owner: string | null;
  dueDate: string | null;
  correctedOn: string | null;
  note: string | null;
  title: string;
}

async function draft(c: Company): Promise<string> {
  const res = await c.agent
    .post('/api/v1/assessments')
    .send({ profile: { tags: ['employees'] } })
    .expect(201);
  const id = res.body.id as string;
  const put = (code: string, body: Record<string, unknown>) =>
    c.agent.put(`/api/v1/assessments/${id}/answers/${code}`).send(body).expect(200);
  await put('XF-001', { status: 'non_compliant', note: '灭火器过期', owner: '王主管', dueDate: '2026-12-31' });
  await put('XF-002', { status: 'compliant' });
  await put('LD-001', { status: 'unsure' });
  return id;
}

async function submitted(c: Company): Promise<string> {
  const id = await draft(c);
  await c.agent.post(`/api/v1/assessments/${id}/submit`).expect(200);
  return id;
}

async function actionsOf(c: Company, id: string): Promise<ActionBody[]> {
  const res = await c.agent.get(`/api/v1/assessments/${id}/actions`).expect(200);
  return res.body.actions as ActionBody[];
}

const stored = async (id: string): Promise<{ report: string; fingerprint: string | null }> => {
  const row = await sql<{ report: string; fingerprint: string | null }>`
    select report::text as report, fingerprint from assessments where id = ${id}::uuid`.execute(t.db.db);
  return row.rows[0];
};

describe('GET /api/v1/assessments/:id/actions', () => {
  it('When the report is submitted, then each gap and unsure item is an open action carrying the answer’s owner and due date', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const actions = await actionsOf(c, id);
    expect(actions.map((a) => [a.itemCode, a.answer, a.status])).toEqual([
      ['XF-001', 'non_compliant', 'open'],
      ['LD-001', 'unsure', 'open'],
    ]);
    expect(actions[0]).toMatchObject({ owner: '王主管', dueDate: '2026-12-31', correctedOn: null, note: null });
    expect(actions[0].title).not.toBe('XF-001');
    // Asking again makes no second set.
    expect((await actionsOf(c, id)).map((a) => a.id)).toEqual(actions.map((a) => a.id));
  });

  it('When the assessment is still a draft, then 409', async () => {
    const c = await registerCompany(t.app);
    const id = await draft(c);
    const res = await c.agent.get(`/api/v1/assessments/${id}/actions`).expect(409);
    expect(res.type).toBe('application/problem+json');
  });

  it('When another organisation asks, or the id is not a uuid, then 404', async () => {
    const owner = await registerCompany(t.app);
    const other = await registerCompany(t.app);
    const id = await submitted(owner);
    await other.agent.get(`/api/v1/assessments/${id}/actions`).expect(404);
    await owner.agent.get('/api/v1/assessments/not-a-uuid/actions').expect(404);
  });

  it('When nobody is signed in, then 401', async () => {
    await request(t.app).get('/api/v1/assessments/00000000-0000-4000-8000-000000000000/actions').expect(401);
  });
});

describe('PATCH /api/v1/actions/:id', () => {
  it('When the status, owner, dates and note change, then the action says so and one audit event names who changed what', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const [action] = await actionsOf(c, id);
    const res = await c.agent
      .patch(`/api/v1/actions/${action.id}`)
      .send({ status: 'done', correctedOn: '2026-12-01', note: '已更换灭火器', owner: '李工' })
      .expect(200);
    expect(res.body).toMatchObject({
      id: action.id,
      status: 'done',
      correctedOn: '2026-12-01',
      note: '已更换灭火器',
      owner: '李工',
      dueDate: '2026-12-31',
    });
    const events = await t.db.db
      .selectFrom('audit_events')
      .select(['actor', 'action', 'payload', 'at'])
      .where('subject', '=', `action:${action.id}`)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe(c.userId);
    expect(events[0].action).toBe('action.update');
    expect(events[0].payload).toMatchObject({
      assessmentId: id,
      itemCode: 'XF-001',
      changes: {
        status: { from: 'open', to: 'done' },
        owner: { from: '王主管', to: '李工' },
        correctedOn: { from: null, to: '2026-12-01' },
        note: { from: null, to: '已更换灭火器' },
      },
    });
    expect(events[0].payload).not.toHaveProperty('changes.dueDate');
    expect((await verifyAuditChain(t.db.db)).ok).toBe(true);
    // The same values again change nothing and write no event.
    await c.agent.patch(`/api/v1/actions/${action.id}`).send({ status: 'done' }).expect(200);
    const again = await t.db.db
      .selectFrom('audit_events')
      .select('id')
      .where('subject', '=', `action:${action.id}`)
      .execute();
    expect(again).toHaveLength(1);
  });

  it('When not_needed comes without a note, then 400 naming the note; with one, 200', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const [, unsure] = await actionsOf(c, id);
    const res = await c.agent.patch(`/api/v1/actions/${unsure.id}`).send({ status: 'not_needed' }).expect(400);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('note');
    await c.agent.patch(`/api/v1/actions/${unsure.id}`).send({ status: 'not_needed', note: '   ' }).expect(400);
    const ok = await c.agent
      .patch(`/api/v1/actions/${unsure.id}`)
      .send({ status: 'not_needed', note: '本单位没有员工宿舍' })
      .expect(200);
    expect(ok.body.status).toBe('not_needed');
    // Clearing the reason of a not_needed action is refused too.
    await c.agent.patch(`/api/v1/actions/${unsure.id}`).send({ note: '' }).expect(400);
  });

  it('When a date is not a real day, the status unknown or a field unknown, then 400', async () => {
    const c = await registerCompany(t.app);
    const [action] = await actionsOf(c, await submitted(c));
    const bad = async (body: Record<string, unknown>, word: string): Promise<void> => {
      const res = await c.agent.patch(`/api/v1/actions/${action.id}`).send(body).expect(400);
      expect(JSON.stringify(res.body)).toContain(word);
    };
    await bad({ dueDate: '2026-02-30' }, 'dueDate');
    await bad({ correctedOn: '12/01/2026' }, 'correctedOn');
    await bad({ status: 'closed' }, 'status');
    await bad({ fingerprint: 'x' }, 'fingerprint');
    const after = await c.agent.get(`/api/v1/actions/${action.id}`).expect(200);
    expect(after.body.dueDate).toBe('2026-12-31');
  });

  it('When another organisation changes or reads the action, then 404 and nothing changes', async () => {
    const owner = await registerCompany(t.app);
    const other = await registerCompany(t.app);
    const [action] = await actionsOf(owner, await submitted(owner));
    await other.agent.patch(`/api/v1/actions/${action.id}`).send({ status: 'done' }).expect(404);
    await other.agent.get(`/api/v1/actions/${action.id}`).expect(404);
    await owner.agent.patch('/api/v1/actions/not-a-uuid').send({ status: 'done' }).expect(404);
    expect((await owner.agent.get(`/api/v1/actions/${action.id}`).expect(200)).body.status).toBe('open');
  });

  it('When the report is no longer submitted (withdrawn), then 409', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const [action] = await actionsOf(c, id);
    // No route withdraws a report yet: the row is put back to draft as a withdrawal would.
    await t.db.db.updateTable('assessments').set({ status: 'draft' }).where('id', '=', id).execute();
    const res = await c.agent.patch(`/api/v1/actions/${action.id}`).send({ status: 'done' }).expect(409);
    expect(res.type).toBe('application/problem+json');
  });

  it('When the ledger is worked on, then the submitted report’s bytes and fingerprint never change', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const before = await stored(id);
    const jsonBefore = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    const actions = await actionsOf(c, id);
    await c.agent
      .patch(`/api/v1/actions/${actions[0].id}`)
      .send({ status: 'done', owner: '新负责人', dueDate: '2027-01-15', correctedOn: '2026-12-20', note: '已整改' })
      .expect(200);
    await c.agent.patch(`/api/v1/actions/${actions[1].id}`).send({ status: 'not_needed', note: '不适用' }).expect(200);
    const after = await stored(id);
    expect(after).toEqual(before);
    const jsonAfter = await c.agent.get(`/api/v1/assessments/${id}/report`).expect(200);
    expect(jsonAfter.text).toBe(jsonBefore.text);
    expect(jsonAfter.headers['x-report-fingerprint']).toBe(before.fingerprint);
    expect(fingerprintOf(jsonAfter.body as Report)).toBe(before.fingerprint);
    const gap = (jsonAfter.body as Report).gaps.find((g) => g.code === 'XF-001');
    expect(gap?.action).toEqual({ owner: '王主管', dueDate: '2026-12-31', correctedOn: null });
  });
});

describe('Pages /assess/:id/actions and /assess/actions/:actionId', () => {
  const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  it('When the firm opens the ledger from the report, then every action is listed with its status and a form to update it', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const report = await c.agent.get(`/assess/${id}/report`).expect(200);
    expect(report.text).toContain(`href="/assess/${id}/actions"`);
    const page = await c.agent.get(`/assess/${id}/actions`).expect(200);
    expect(page.text).toContain('整改台账');
    expect(page.text).toContain('XF-001');
    expect(page.text).toContain('LD-001');
    expect(page.text).toContain('待整改');
    expect(page.text).not.toContain('XF-002');
  });

  it('When the form is posted without JavaScript, then the action is saved and the list shows 已整改', async () => {
    const c = await registerCompany(t.app);
    const id = await submitted(c);
    const [action] = await actionsOf(c, id);
    const form = await c.agent.get(`/assess/actions/${action.id}`).expect(200);
    expect(form.text).toContain('name="status"');
    expect(csrfOf(form.text)).toBe(c.agent.csrf);
    const res = await c.agent
      .form(`/assess/actions/${action.id}`, {
        status: 'done',
        owner: '王主管',
        dueDate: '2026-12-31',
        correctedOn: '2026-12-02',
        note: '通道已清理',
      })
      .expect(303);
    expect(res.headers.location).toContain(`/assess/${id}/actions`);
    const list = await c.agent.get(`/assess/${id}/actions`).expect(200);
    expect(list.text).toContain('已整改');
    expect((await c.agent.get(`/api/v1/actions/${action.id}`).expect(200)).body).toMatchObject({
      status: 'done',
      correctedOn: '2026-12-02',
      note: '通道已清理',
    });
  });

  it('When 无需整改 is chosen without a reason, then the page comes back with an error summary and the input kept', async () => {
    const c = await registerCompany(t.app);
    const [action] = await actionsOf(c, await submitted(c));
    const res = await c.agent
      .form(`/assess/actions/${action.id}`, { status: 'not_needed', owner: '赵六', note: '' })
      .expect(400);
    expect(res.text).toContain('错误');
    expect(res.text).toContain('href="#note"');
    expect(res.text).toContain('value="赵六"');
    const noStatus = await c.agent.form(`/assess/actions/${action.id}`, { owner: '赵六' }).expect(400);
    expect(noStatus.text).toContain('href="#status-open"');
    expect((await c.agent.get(`/api/v1/actions/${action.id}`).expect(200)).body.status).toBe('open');
  });

  it('When another organisation opens or posts an action page, then 404', async () => {
    const owner = await registerCompany(t.app);
    const other = await registerCompany(t.app);
    const id = await submitted(owner);
    const [action] = await actionsOf(owner, id);
    await other.agent.get(`/assess/actions/${action.id}`).expect(404);
    await other.agent.get(`/assess/${id}/actions`).expect(404);
    await other.agent.form(`/assess/actions/${action.id}`, { status: 'done' }).expect(404);
  });
});
