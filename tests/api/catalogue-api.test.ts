import request from 'supertest';
import ExcelJS from 'exceljs';
import { openApiDocument } from '../../server/openapi';
import { startTestApp, type TestApp } from '../support/app';
import { fixtureContent, fixtureItem, employmentDomain } from '../support/fixtures';

let t: TestApp;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  name?: string;
  handle?: { stack?: Layer[] };
  match: (path: string) => boolean;
}

/** Every method+path express has under /api/v1 (plus health), read from the router stack. */
function apiRoutes(app: import('express').Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          out.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.name === 'router' && layer.handle?.stack) {
        // A router mounted at /api/v1 matches that prefix and not the site root.
        walk(layer.handle.stack, layer.match('/api/v1/x') && !layer.match('/x') ? '/api/v1' : prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(out)].filter((r) => /^\w+ \/(api\/v1|healthz|readyz)/.test(r));
}
const content = fixtureContent(
  [
    fixtureItem('XF-001', {
      title: '消防设施、器材未保持完好有效',
      frequency: 'high',
      cases: [
        {
          title: '灭火器过期（示例）',
          facts: '商场灭火器过期。',
          outcome: '责令改正并罚款。',
          lesson: '每月检查。',
          illustrative: true,
        },
      ],
    }),
    fixtureItem('XF-002', { title: '占用、堵塞、封闭疏散通道', illegal: '在疏散通道堆放货物，锁闭安全出口。' }),
  ],
  [employmentDomain([fixtureItem('LD-001', { title: '未与劳动者订立书面劳动合同', appliesTo: ['employees'] })])],
);

beforeAll(async () => {
  t = await startTestApp(content);
});
afterAll(async () => {
  await t.close();
});

function expectProblem(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
}

describe('GET /api/v1/domains', () => {
  it('lists every domain with its item count', async () => {
    const res = await request(t.app).get('/api/v1/domains').expect(200);
    expect(res.body.domains).toEqual([
      expect.objectContaining({
        code: 'XF',
        name: '消防安全',
        nameEn: 'Fire safety',
        department: '消防救援机构',
        itemCount: 2,
        highCount: 1,
      }),
      expect.objectContaining({ code: 'LD', itemCount: 1 }),
    ]);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await request(t.app).get('/api/v1/domains').expect(200);
    expect(first.headers.etag).toBeDefined();
    expect(first.headers['cache-control']).toMatch(/max-age/);
    await request(t.app).get('/api/v1/domains').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('rejects a version that is not a number', async () => {
    const res = await request(t.app).get('/api/v1/domains?version=abc').set('Accept-Language', 'en');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'version', message: 'must be integer' }]);
  });

  it('answers 404 for a version that does not exist', async () => {
    expectProblem(await request(t.app).get('/api/v1/domains?version=9999'), 404);
  });
});

describe('GET /api/v1/domains/:code', () => {
  it('returns the domain with its items', async () => {
    const res = await request(t.app).get('/api/v1/domains/XF').expect(200);
    expect(res.body).toMatchObject({ code: 'XF', itemCount: 2 });
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(['XF-001', 'XF-002']);
    expect(res.body.items[0].basis[0]).toEqual({
      law: '中华人民共和国消防法',
      article: '第十六条',
      text: expect.any(String),
    });
  });

  it('accepts a lower-case code', async () => {
    await request(t.app).get('/api/v1/domains/xf').expect(200);
  });

  it('answers 404 problem+json for an unknown code', async () => {
    const res = await request(t.app).get('/api/v1/domains/ZZ');
    expectProblem(res, 404);
    expect(res.body.detail).toContain('ZZ');
  });
});

describe('GET /api/v1/items/:code', () => {
  it('returns the full item with its domain and version', async () => {
    const res = await request(t.app).get('/api/v1/items/LD-001').expect(200);
    expect(res.body).toMatchObject({
      code: 'LD-001',
      domain: 'LD',
      appliesTo: ['employees'],
      version: { id: t.catalogue.version.id, hash: t.catalogue.version.hash },
    });
    for (const field of ['title', 'question', 'illegal', 'basis', 'penalty', 'guidance', 'evidence', 'leniency'])
      expect(res.body[field]).toBeDefined();
  });

  it('answers 404 problem+json for an unknown item', async () => {
    expectProblem(await request(t.app).get('/api/v1/items/XF-999'), 404);
  });
});

describe('GET /api/v1/search', () => {
  it('finds items by a Chinese substring', async () => {
    const res = await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('疏散通道')}`)
      .expect(200);
    expect(res.body.results).toEqual([
      {
        code: 'XF-002',
        title: '占用、堵塞、封闭疏散通道',
        domain: 'XF',
        snippet: expect.stringContaining('疏散通道'),
        score: expect.any(Number),
      },
    ]);
    expect(res.body.total).toBe(1);
    expect(res.body.facets).toEqual({ domains: [{ code: 'XF', count: 1 }] });
  });

  it('finds items by code', async () => {
    const res = await request(t.app).get('/api/v1/search?q=ld-001').expect(200);
    expect(res.body.results[0]).toMatchObject({ code: 'LD-001', domain: 'LD' });
  });

  it('returns an empty list when nothing matches', async () => {
    const res = await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('宇宙飞船')}`)
      .expect(200);
    expect(res.body.results).toEqual([]);
  });

  it.each([
    ['missing', ''],
    ['empty', '?q='],
    ['blank', '?q=%20%20'],
  ])('rejects a %s query with 400', async (_name, qs) => {
    const res = await request(t.app).get(`/api/v1/search${qs}`);
    expectProblem(res, 400);
    expect(res.body.errors[0].field).toBe('q');
  });

  it('rejects a query over 200 characters with 400', async () => {
    const res = await request(t.app)
      .get(`/api/v1/search?q=${'消'.repeat(201)}`)
      .set('Accept-Language', 'en');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'q', message: 'must NOT have more than 200 characters' }]);
  });

  it.each([
    ['an unknown domain', '&domain=ZZ', 'domain'],
    ['a domain code that is not two letters', '&domain=XFF', 'domain'],
    ['a negative offset', '&offset=-1', 'offset'],
    ['an offset that is not a number', '&offset=abc', 'offset'],
    ['a limit of 0', '&limit=0', 'limit'],
    ['a limit over 100', '&limit=101', 'limit'],
  ])('rejects %s with 400 naming the parameter', async (_name, qs, field) => {
    const res = await request(t.app).get(`/api/v1/search?q=${encodeURIComponent('灭火器')}${qs}`);
    expectProblem(res, 400);
    expect(res.body.errors[0].field).toBe(field);
  });

  it('searches within a domain and pages with offset', async () => {
    const all = await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('灭火器')}`)
      .expect(200);
    expect(all.body.total).toBeGreaterThan(1);
    const second = await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('灭火器')}&domain=xf&limit=1&offset=1`)
      .expect(200);
    const inXf = all.body.results.filter((r: { domain: string }) => r.domain === 'XF');
    expect(second.body.total).toBe(inXf.length);
    expect(second.body.results).toEqual([inXf[1]]);
    expect(second.body.facets).toEqual(all.body.facets);
  });

  it('limits the number of results', async () => {
    const res = await request(t.app)
      .get(`/api/v1/search?q=${encodeURIComponent('灭火器')}&limit=1`)
      .expect(200);
    expect(res.body.results).toHaveLength(1);
  });
});

describe('GET /api/v1/versions', () => {
  it('lists the current version with its item count', async () => {
    const res = await request(t.app).get('/api/v1/versions').expect(200);
    expect(res.body.versions).toEqual([
      {
        id: t.catalogue.version.id,
        hash: t.catalogue.version.hash,
        createdAt: expect.any(String),
        current: true,
        itemCount: 3,
      },
    ]);
  });
});

describe('downloads', () => {
  it('serves the whole catalogue as JSON', async () => {
    const res = await request(t.app).get('/api/v1/catalogue.json').expect(200);
    expect(res.body.domains.map((d: { code: string }) => d.code)).toEqual(['XF', 'LD']);
    expect(res.body.profile.questions[0].tag).toBe('employees');
  });

  it('serves an XLSX workbook with one sheet per domain and Chinese headers', async () => {
    const res = await request(t.app)
      .get('/api/v1/catalogue.xlsx')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => {
          cb(null, Buffer.concat(chunks));
        });
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?hegui-checklist-v\d+\.xlsx"?/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((res.body as Buffer).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', 'XF 消防安全', 'LD 劳动用工']);
    const xf = wb.getWorksheet('XF 消防安全');
    expect(xf?.getRow(1).getCell(1).value).toBe('编号');
    expect(xf?.getRow(1).getCell(2).value).toBe('违法行为');
    expect(xf?.getRow(3).getCell(1).value).toBe('XF-002');
    expect(xf?.getRow(2).getCell(5).text).toContain('《中华人民共和国消防法》第十六条');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 and documents every API route the app has', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(documented).toEqual(apiRoutes(t.app).sort());
  });
});

describe('health', () => {
  it('/healthz answers while the process runs', async () => {
    expect((await request(t.app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database backend', async () => {
    expect((await request(t.app).get('/readyz').expect(200)).body).toEqual({ status: 'ready', database: t.db.kind });
  });
});

describe('errors', () => {
  it('answers an unknown API path with 404 problem+json', async () => {
    expectProblem(await request(t.app).get('/api/v1/nothing-here'), 404);
  });

  it('never leaks a stack trace', async () => {
    const res = await request(t.app).get('/api/v1/items/%E0%A4%A');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
