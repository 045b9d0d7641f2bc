// The text guard finds what PostgreSQL cannot store: NUL anywhere, and lone UTF-16
// surrogates (a half of a pair, which JSON's "\ud800" escape and %ED%A0%80 produce),
// while real characters outside the BMP (a well-formed pair, 𠀀) pass.
import express from 'express';
import request from 'supertest';
import { badTextIn, rejectBadTextInBody, rejectBadTextInUrl } from '../../server/http/text-guard';
import { errorHandler } from '../../server/http/errors';
import { createLogger } from '../../server/logger';
import { loadViews } from '../../server/http/views';
import { projectRoot } from '../../server/config';
import { join } from 'node:path';

describe('badTextIn', () => {
  it('names the first bad string, key or value, and why', () => {
    expect(badTextIn({ note: 'a\u0000b' })).toEqual({ where: 'note', problem: 'error.nulByte' });
    expect(badTextIn({ items: [{ note: 'x' }, { note: '\ud800' }] })).toEqual({
      where: 'items/1/note',
      problem: 'error.loneSurrogate',
    });
    expect(badTextIn({ ['k\udc00']: 1 })).toEqual({ where: 'k\\udc00', problem: 'error.loneSurrogate' });
    expect(badTextIn('tail \ud83d')).toEqual({ where: '(root)', problem: 'error.loneSurrogate' });
  });

  it('lets real text through, supplementary-plane characters included', () => {
    expect(badTextIn({ note: '灭火器 𠀀 😀 ok', n: 1, list: ['é', null] })).toBeUndefined();
  });
});

describe('the guards as middleware', () => {
  const app = express();
  app.use(rejectBadTextInUrl);
  app.post('/api/echo', express.json(), rejectBadTextInBody, (req, res) => {
    res.json(req.body);
  });
  app.get('/api/echo', (req, res) => {
    res.json(req.query);
  });
  app.use(errorHandler(loadViews(join(projectRoot, 'views')), createLogger('silent')));

  it('a lone surrogate in a JSON body is a 400 problem', async () => {
    const res = await request(app).post('/api/echo').type('application/json').send('{"note":"\\ud800"}');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'note', message: expect.stringMatching(/代理项|surrogate/) }]);
  });

  it('a surrogate percent-encoded in the URL is a 400 problem', async () => {
    for (const q of ['%ED%A0%80', '%ed%bf%bf', 'a%ED%B0%80b']) {
      const res = await request(app).get(`/api/echo?q=${q}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('well-formed text passes, encoded or not', async () => {
    await request(app).get('/api/echo?q=%F0%A0%80%80%E6%B6%88').expect(200, { q: '𠀀消' });
    await request(app).post('/api/echo').send({ note: '\ud840\udc00' }).expect(200, { note: '𠀀' });
  });
});
