// Lecturer pages: domain decks, speaker view, handouts (HTML, PDF, DOCX), the
// offline file, and composing a deck without JavaScript.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app';
import { signInAs, type SignedInUser } from '../support/sign-in';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    cb(null, Buffer.concat(chunks));
  });
};

function largestDomain(): { code: string; items: number } {
  const d = [...t.catalogue.domains].sort((a, b) => b.items.length - a.items.length)[0];
  return { code: d.code, items: d.items.length };
}

describe('GET /present/domains/:code', () => {
  it('renders a title slide with QR codes, a slide per item, case slides and a closing slide', async () => {
    const domain = t.catalogue.domain('AQ');
    if (!domain) throw new Error('AQ missing');
    const res = await request(t.app).get('/present/domains/AQ').expect(200);
    const html = res.text;
    expect(html.match(/class="slide slide-title"/g)).toHaveLength(1);
    expect(html.match(/class="slide slide-closing"/g)).toHaveLength(1);
    // Three QR codes on the title slide (domain page, self-assessment, check-in), two on the closing one.
    expect(html.match(/<svg class="qr"/g)).toHaveLength(5);
    expect(html).toContain(`/domains/AQ`);
    for (const item of domain.items) expect(html).toContain(`data-slide-id="${item.code}"`);
    const cases = domain.items.reduce((n, i) => n + (i.cases?.length ?? 0), 0);
    expect(html.match(/data-slide-id="[A-Z]{2}-\d{3}-case\d+"/g)).toHaveLength(cases);
    // Slides are numbered so #12 works with and without script.
    expect(html).toContain('id="12"');
  });

  it('keeps to the CSP: no inline script or style', async () => {
    const html = (await request(t.app).get('/present/domains/XF').expect(200)).text;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<style/);
  });

  it('redirects a lower-case code and answers 404 for an unknown domain or view', async () => {
    await request(t.app).get('/present/domains/xf').expect(301).expect('Location', '/present/domains/XF');
    await request(t.app).get('/present/domains/QQ').expect(404);
    await request(t.app).get('/present/domains/XF/nothing').expect(404);
  });

  it('renders the largest domain quickly (figure printed)', async () => {
    const { code, items } = largestDomain();
    await request(t.app).get(`/present/domains/${code}`).expect(200);
    const started = process.hrtime.bigint();
    const runs = 5;
    for (let i = 0; i < runs; i += 1) await request(t.app).get(`/present/domains/${code}`).expect(200);
    const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
    console.log(`[figure] /present/domains/${code} (${items} items): ${ms.toFixed(1)} ms per render`);
    expect(ms).toBeLessThan(1000);
  });
});

describe('speaker view', () => {
  it('has the slides with their notes and the speaker panes', async () => {
    const html = (await request(t.app).get('/present/domains/XF/speaker').expect(200)).text;
    expect(html).toContain('data-role="speaker"');
    expect(html).toContain('id="speaker-notes"');
    expect(html).toContain('应留存的记录');
  });
});

describe('handouts', () => {
  it('prints two items per A4 page with a QR code each', async () => {
    const domain = t.catalogue.domain('XF');
    if (!domain) throw new Error('XF missing');
    const html = (await request(t.app).get('/present/domains/XF/handout').expect(200)).text;
    expect(html.match(/class="handout-page"/g)).toHaveLength(Math.ceil(domain.items.length / 2));
    expect(html.match(/class="handout-item"/g)).toHaveLength(domain.items.length);
    expect(html.match(/<svg class="qr"/g)).toHaveLength(domain.items.length);
  });

  it('serves a PDF whose text is Chinese', async () => {
    const res = await request(t.app).get('/present/domains/XF/handout.pdf').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    writeFileSync(join(dir, 'h.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'h.pdf'), '-']).toString();
    expect(text).toContain('XF-001');
    expect(text).toContain('什么是违法');
  }, 60_000);

  it('serves a DOCX', async () => {
    const res = await request(t.app).get('/present/domains/XF/handout.docx').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain('hegui-XF-handout.docx');
    const docx = res.body as Buffer;
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    writeFileSync(join(dir, 'h.docx'), docx);
    const xml = execFileSync('unzip', ['-p', join(dir, 'h.docx'), 'word/document.xml']).toString();
    expect(xml).toContain('怎么不违法');
    expect(xml).toContain('XF-001');
  }, 60_000);
});

describe('offline file', () => {
  it('is one self-contained HTML download (figure printed)', async () => {
    const { code } = largestDomain();
    const res = await request(t.app).get(`/present/domains/${code}/offline.html`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hegui-${code}.html"`);
    const html = res.text;
    expect(html).toContain('<style>');
    expect(html).toMatch(/<script>[\s\S]*BroadcastChannel/);
    // Nothing fetched: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*stylesheet/);
    expect(html).not.toMatch(/url\(/);
    console.log(`[figure] offline deck ${code}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB`);
  });
});

describe('composing a deck without JavaScript', () => {
  const lecturer = (): Promise<SignedInUser> => signInAs(t, 'lecturer');

  it('sends a visitor to log in', async () => {
    await request(t.app)
      .get('/present/decks/new')
      .expect(303)
      .expect('Location', '/login?next=%2Fpresent%2Fdecks%2Fnew');
  });

  it('searches, adds, reorders, saves, shares and deletes', async () => {
    const { agent } = await lecturer();
    const form = (extra: Record<string, string | string[]>): Record<string, string | string[]> => ({
      title: '专题：培训与消防',
      audienceNote: '企业负责人',
      ...extra,
    });
    const searched = await agent.form('/present/decks/new', form({ q: '灭火器', action: 'search' })).expect(200);
    expect(searched.text).toContain('value="add:XF-');
    const added = await agent
      .form('/present/decks/new', form({ q: '', action: 'add:AQ-001', code: ['XF-001'], note: ['先讲月检'] }))
      .expect(200);
    expect(added.text).toMatch(/name="code" value="XF-001"[\s\S]*name="code" value="AQ-001"/);
    const moved = await agent
      .form('/present/decks/new', form({ action: 'up:1', code: ['XF-001', 'AQ-001'], note: ['先讲月检', ''] }))
      .expect(200);
    expect(moved.text).toMatch(/name="code" value="AQ-001"[\s\S]*name="code" value="XF-001"/);
    expect(moved.text).toContain('AQ-001 现在是第 1 项');
    // The note travels with its item.
    expect(moved.text).toMatch(/value="XF-001"[\s\S]*?先讲月检/);

    const missingTitle = await agent
      .form('/present/decks/new', { title: ' ', action: 'save', code: ['AQ-001'], note: [''] })
      .expect(400);
    expect(missingTitle.text).toContain('请填写课件标题');

    const saved = await agent
      .form('/present/decks/new', form({ action: 'save', code: ['AQ-001', 'XF-001'], note: ['', '先讲月检'] }))
      .expect(303);
    const editUrl: string = saved.headers.location;
    expect(editUrl).toMatch(/^\/present\/decks\/[0-9a-f-]{36}\/edit\?saved=1$/);
    const edit = await agent.get(editUrl).expect(200);
    expect(edit.text).toContain('课件已保存');
    const shareUrl = /\/present\/shared\/[A-Za-z0-9_-]+/.exec(edit.text)?.[0];
    expect(shareUrl).toBeDefined();

    const deckUrl = editUrl.replace(/\/edit.*$/, '');
    const slides = await agent.get(deckUrl).expect(200);
    expect(slides.text).toContain('专题：培训与消防');
    expect(slides.text).toContain('先讲月检');
    // Read-only for anyone with the link; the owner's pages stay closed.
    const shared = await request(t.app).get(String(shareUrl)).expect(200);
    expect(shared.text).toContain('专题：培训与消防');
    await request(t.app)
      .get(`${String(shareUrl)}/handout`)
      .expect(200);
    await request(t.app).get(deckUrl).expect(303);
    const other = await lecturer();
    await other.agent.get(deckUrl).expect(404);
    await other.agent.get(editUrl.split('?')[0]).expect(404);

    await agent.form(`${deckUrl}/delete`).expect(303).expect('Location', '/present?deleted=1');
    await request(t.app).get(String(shareUrl)).expect(404);
  });
});

describe('GET /present', () => {
  it('lists every domain and invites a visitor to log in for custom decks', async () => {
    const html = (await request(t.app).get('/present').expect(200)).text;
    for (const d of t.catalogue.domains) expect(html).toContain(`href="/present/domains/${d.code}"`);
    expect(html).toContain('/login?next=/present');
  });
});
