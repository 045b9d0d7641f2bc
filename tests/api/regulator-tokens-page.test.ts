// The API-token page: POST-redirect-GET (a reload creates nothing and the token
// is shown once), the token never in a URL, scope and expiry shown, and a
// confirmation before revoking.
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem } from '../support/fixtures';
import { signInAs, type SignedInUser } from '../support/sign-in';

let t: TestApp;
let regulator: SignedInUser;

beforeAll(async () => {
  t = await startTestApp(fixtureContent([fixtureItem('XF-001')]));
  regulator = await signInAs(t, 'regulator');
});
afterAll(async () => {
  await t.close();
});

const tokensNamed = async (name: string): Promise<number> =>
  (await t.db.db.selectFrom('api_tokens').select('id').where('name', '=', name).execute()).length;

describe('the API-token page', () => {
  it('When a token is created, then the POST redirects, the GET shows it once, and a reload creates and shows nothing', async () => {
    const post = await regulator.agent.form('/regulator/tokens', { name: '月度报表' }).expect(303);
    expect(post.headers.location).toBe('/regulator/tokens');
    expect(post.headers.location).not.toContain('hgr_');
    const cookie = ([] as string[]).concat(post.headers['set-cookie'] ?? []).join('; ');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/regulator\/tokens/);
    const shown = await regulator.agent.get('/regulator/tokens').expect(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    const token = /value="(hgr_[^"]+)"/.exec(shown.text)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(shown.text).toContain('data-copy-token="new-token"');
    expect(shown.text).toContain('只读：统计数据');
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', `Bearer ${token}`).expect(200);
    // The reload (F5 after the redirect is a GET): nothing new, nothing shown again.
    const reload = await regulator.agent.get('/regulator/tokens').expect(200);
    expect(reload.text).not.toContain(token);
    expect(reload.text).not.toContain('data-copy-token');
    expect(await tokensNamed('月度报表')).toBe(1);
  });

  it('When another user replays the cookie, then the token is not shown to them', async () => {
    await regulator.agent.form('/regulator/tokens', { name: '别人的' }).expect(303);
    const row = await t.db.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', '别人的')
      .executeTakeFirstOrThrow();
    const other = await signInAs(t, 'regulator');
    const res = await other.agent
      .get('/regulator/tokens')
      .set('Cookie', `hegui_new_token=${row.id}.hgr_forged`)
      .expect(200);
    expect(res.text).not.toContain('hgr_forged');
  });

  it('When 撤销 is chosen, then a confirmation page asks first, and only its POST revokes', async () => {
    await regulator.agent.form('/regulator/tokens', { name: '待撤销' }).expect(303);
    const page = await regulator.agent.get('/regulator/tokens').expect(200);
    const token = /value="(hgr_[^"]+)"/.exec(page.text)?.[1] ?? '';
    const row = await t.db.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', '待撤销')
      .executeTakeFirstOrThrow();
    expect(page.text).toContain(`href="/regulator/tokens/${row.id}/revoke"`);
    const confirm = await regulator.agent.get(`/regulator/tokens/${row.id}/revoke`).expect(200);
    expect(confirm.text).toContain('确认撤销令牌“待撤销”？');
    expect(confirm.text).toContain(`action="/regulator/tokens/${row.id}/revoke"`);
    // Seeing the question revokes nothing.
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', `Bearer ${token}`).expect(200);
    await regulator.agent.form(`/regulator/tokens/${row.id}/revoke`).expect(303);
    await request(t.app).get('/api/v1/stats/summary').set('Authorization', `Bearer ${token}`).expect(401);
    // A revoked token's confirmation page sends back to the list.
    const gone = await regulator.agent.get(`/regulator/tokens/${row.id}/revoke`).expect(303);
    expect(gone.headers.location).toBe('/regulator/tokens');
  });
});
