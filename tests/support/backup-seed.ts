// Fills a database through the real app with something of every kind a backup
// must keep: organisations, users and sessions, a submitted assessment with its
// report and fingerprint (shared with regulators), a draft, a lecturer's deck,
// a regulator's API token, rate-limit rows and the audit events all this writes.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Role } from '../../server/domain/roles';
import { SignedInAgent } from './signed-in-agent';
import { createUser } from '../../server/accounts/service';
import { createApp } from '../../server/app';
import type { ChecklistContent } from '../../server/domain/checklist';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { createLogger } from '../../server/logger';
import type { DbHandle } from '../../db';
import { randomIp, registerCompany } from './company';
import { fixtureContent, fixtureItem, employmentDomain } from './fixtures';

/** Small content: three fire-safety items and one labour item (the backup fixture stays small). */
function seedContent(): ChecklistContent {
  return fixtureContent(
    [fixtureItem('XF-001'), fixtureItem('XF-002'), fixtureItem('XF-003')],
    [employmentDomain([fixtureItem('LD-001')])],
  );
}

async function signIn(app: Express, db: Kysely<Database>, role: Role): Promise<{ agent: SignedInAgent }> {
  const email = `${role}-${randomUUID()}@example.cn`;
  const password = 'correct horse battery';
  await createUser(db, { email, password, role });
  const agent = request.agent(app);
  const res = await agent
    .post('/api/v1/auth/login')
    .set('X-Forwarded-For', randomIp())
    .send({ email, password })
    .expect(200);
  return { agent: await SignedInAgent.after(agent, res) };
}

export interface Seeded {
  readonly app: Express;
  readonly fingerprints: readonly string[];
}

export async function seedForBackup(database: DbHandle): Promise<Seeded> {
  const db = database.db;
  const { catalogue } = await importCatalogue(db, seedContent());
  const app = createApp({
    database,
    catalogues: new CatalogueStore(db, catalogue),
    logger: createLogger('silent'),
    production: false,
  });
  const fingerprints: string[] = [];
  for (const [n, note] of ['灭火器未按月检查', '消防通道堆放杂物，含 "引号"、反斜杠 \\ 与换行\n第二行'].entries()) {
    const c = await registerCompany(app, { orgName: `备份测试企业${n + 1}` });
    const draft = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: ['employees'] } })
      .expect(201);
    const id = draft.body.id as string;
    for (const [i, code] of (draft.body.items as string[]).entries())
      await c.agent
        .put(`/api/v1/assessments/${id}/answers/${code}`)
        .send(
          i === 0
            ? { status: 'non_compliant', note, owner: '安全员', dueDate: '2026-12-31' }
            : { status: i % 2 ? 'compliant' : 'not_applicable' },
        )
        .expect(200);
    const submitted = await c.agent
      .post(`/api/v1/assessments/${id}/submit`)
      .set('X-CSRF-Token', c.agent.csrf)
      .expect(200);
    fingerprints.push(submitted.body.fingerprint as string);
    await c.agent.put(`/api/v1/assessments/${id}/sharing`).send({ shared: true }).expect(200);
    // A second draft, left open with one answer.
    const open = await c.agent
      .post('/api/v1/assessments')
      .send({ profile: { tags: [] } })
      .expect(201);
    await c.agent
      .put(`/api/v1/assessments/${open.body.id as string}/answers/XF-001`)
      .send({ status: 'unsure', note: '草稿中的答案' })
      .expect(200);
  }
  const lecturer = await signIn(app, db, 'lecturer');
  await lecturer.agent
    .post('/api/v1/decks')
    .send({
      title: '消防安全专题（备份测试）',
      items: [{ code: 'XF-002', note: '先讲灭火器月检' }, { code: 'LD-001' }],
    })
    .expect(201);
  const regulator = await signIn(app, db, 'regulator');
  await regulator.agent.post('/api/v1/regulator/tokens').send({ name: '月度报表' }).expect(201);
  return { app, fingerprints };
}
