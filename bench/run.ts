// npm run bench — cold start times and throughput of key routes against a
// baseline route of the same server. Uses PostgreSQL when DATABASE_URL is set,
// else embedded PGlite. BENCH_DURATION (s, default 10), BENCH_WARMUP (s before each
// measured run, default 2), BENCH_CONNECTIONS (default 50).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { measureSearchCpu } from './search-cpu';
import { baselineStartMs, buildServer, startServer as start, stopServer as stop } from './server';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);

interface Figure {
  label: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

// 4,000 distinct everyday queries (topic × how owners phrase it), rotating per
// request: more than the search cache holds (500), so nearly every search is
// segmented and ranked afresh.
const TOPICS = [
  '消防',
  '灭火器',
  '消防通道',
  '电瓶车',
  '劳动合同',
  '加班',
  '工资',
  '社保',
  '公积金',
  '年报',
  '营业执照',
  '发票',
  '报税',
  '危险废物',
  '废机油',
  '健康证',
  '食品标签',
  '过期食品',
  '培训',
  '台账',
  '排污',
  '环评',
  '油烟',
  '噪声',
  '扬尘',
  '广告',
  '标价',
  '打折',
  '商标',
  '刷单',
  '退货',
  '预付卡',
  '押金',
  '特种设备',
  '叉车',
  '电梯',
  '锅炉',
  '危化品',
  '仓库',
  '应急预案',
  '隐患',
  '劳保用品',
  '职业病',
  '体检',
  '试用期',
  '童工',
  '年休假',
  '施工许可',
  '违章建筑',
  '转包',
  '垃圾分类',
  '门前三包',
  '占道经营',
  '招牌',
  '渣土车',
  '货车超载',
  '交强险',
  '汽修',
  '燃气',
  'AQ-0',
];
const PHRASINGS = [
  '{}',
  '{}怎么办',
  '没有{}',
  '{}要办什么',
  '{}被罚款',
  '{}的规定',
  '检查{}',
  '{}不合格',
  '{}过期了',
  '{}没登记',
  '{}怎么管',
  '员工{}',
  '店里{}',
  '工地{}',
  '{}记录',
  '{}要求',
  '{}处罚',
  '{}多少钱',
  '{}找谁',
  '不懂{}',
  '{}没做',
  '{}忘了',
  '{}标准',
  '{}问题',
  '小店{}',
  '{}整改',
  '{}台账',
  '{}责任',
  '{}投诉',
  '工厂{}',
  '{}第一次',
  '{}免罚',
  '{}要证吗',
  '{}被查',
  '{}培训',
  '{}备案',
  '{}许可',
  '{}举报',
  '{}怎么写',
  '{}违法吗',
  '{}补办',
  '{}年检',
  '{}合同',
  '{}费用',
  '{}标志',
  '{}检测',
  '{}条件',
  '{}制度',
  '{}流程',
  '{}期限',
  '{}审批',
  '{}注意',
  '{}哪些',
  '{}多久',
  '{}规范',
  '{}说明',
  '{}登记',
  '{}变更',
  '{}罚多少',
  '{}有效期',
  '{}赔偿',
  '{}管理',
  '{}申报',
  '{}清单',
  '{}依据',
  '{}在哪办',
  '{}新规定',
];
const VARIED = TOPICS.flatMap((topic) => PHRASINGS.map((p) => p.replace('{}', topic))).slice(0, 4000);

/** A short warm-up (JIT, connection pool, prepared statements), then the measured run. */
async function measure(options: autocannon.Options): Promise<autocannon.Result> {
  await autocannon({ ...options, duration: warmup });
  return autocannon({ ...options, duration });
}

function figureOf(label: string, path: string, r: autocannon.Result): Figure {
  return {
    label,
    path,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function load(url: string, label: string, path: string, varied = false): Promise<Figure> {
  let n = 0;
  const result = await measure({
    url: `${url}${path}`,
    connections,
    ...(varied
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                path: `/api/v1/search?q=${encodeURIComponent(VARIED[n++ % VARIED.length])}`,
              }),
            },
          ],
        }
      : {}),
  });
  return figureOf(label, path, result);
}

interface Session {
  cookie: string;
  csrf: string;
  assessment: string;
  items: string[];
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A valid 统一社会信用代码 for the i-th benchmark company (GB 32100-2015 check character). */
function benchCreditCode(i: number): string {
  const body = `91320582MA1B${String(i).padStart(5, '0')}`;
  let sum = 0;
  for (let j = 0; j < body.length; j += 1) sum += CREDIT_CHARSET.indexOf(body[j]) * CREDIT_WEIGHTS[j];
  return body + CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/** Registers company i (own address, own session) and starts its draft with every profile tag. */
async function benchCompany(url: string, i: number, tags: string[]): Promise<Session> {
  const json = { 'content-type': 'application/json' };
  const reg = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { ...json, 'x-forwarded-for': `10.77.${i >> 8}.${i & 255}` },
    body: JSON.stringify({
      email: `bench-${i}@example.cn`,
      password: 'benchmark-pass-1',
      orgName: `基准测试企业${i}`,
      creditCode: benchCreditCode(i),
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
    }),
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
  const cookie = (reg.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await reg.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/v1/assessments`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ profile: { tags } }),
  });
  const draft = (await created.json()) as { id: string; items: string[] };
  return { cookie, csrf: csrfToken, assessment: draft.id, items: draft.items };
}

async function benchSaves(url: string): Promise<{ figure: Figure; session: Session }> {
  const profile = (await (await fetch(`${url}/api/v1/catalogue.json`)).json()) as {
    profile: { questions: Array<{ tag: string }> };
  };
  const tags = profile.profile.questions.map((q) => q.tag);
  // One company, session and draft per connection, as when 50 people each fill
  // in their own assessment (all saving into one row would measure that row's lock).
  const sessions: Session[] = [];
  for (let i = 0; i < connections; i += 1) sessions.push(await benchCompany(url, i, tags));
  let n = 0;
  const statuses = ['compliant', 'non_compliant', 'unsure', 'not_applicable'];
  const options: autocannon.Options = {
    url,
    connections,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req: autocannon.Request) => {
          const i = n++;
          const s = sessions[i % sessions.length];
          return {
            ...req,
            method: 'PUT',
            path: `/api/v1/assessments/${s.assessment}/answers/${s.items[Math.floor(i / sessions.length) % s.items.length]}`,
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify({
              status: statuses[i % 4],
              note: i % 4 === 1 ? '月检记录缺失，需补齐' : null,
              owner: i % 4 === 1 ? '安全员' : null,
              dueDate: i % 4 === 1 ? '2026-12-31' : null,
            }),
          };
        },
      },
    ],
  };
  // Three measured runs after one warm-up; the figure is the median of each column. On a
  // shared 2-core box one 10 s run swings by a third; every run is printed as well.
  await autocannon({ ...options, duration: warmup });
  const runs: Figure[] = [];
  for (let i = 0; i < 3; i += 1)
    runs.push(
      figureOf(
        'answer save (PUT)',
        '/api/v1/assessments/:id/answers/:code',
        await autocannon({ ...options, duration }),
      ),
    );
  for (const [i, r] of runs.entries())
    console.log(
      `  answer saves, run ${i + 1}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}/${r.non2xx}`,
    );
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1];
  const figure: Figure = {
    ...runs[0],
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
  return { figure, session: sessions[0] };
}

async function benchReport(
  url: string,
  saving: { session: Session },
): Promise<{ items: number; ms: Record<string, number> }> {
  const { cookie, csrf, assessment, items } = saving.session;
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  // Make sure every item has an answer (the save run covers them all; this is a cheap guarantee).
  for (const code of items)
    await fetch(`${url}/api/v1/assessments/${assessment}/answers/${code}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ status: code.endsWith('1') ? 'non_compliant' : 'compliant' }),
    });
  const ms: Record<string, number> = {};
  let t0 = performance.now();
  const submitted = await fetch(`${url}/api/v1/assessments/${assessment}/submit`, { method: 'POST', headers });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  ms.submit = performance.now() - t0;
  for (const [format, path] of [
    ['json', '/api/v1/assessments/:id/report'],
    ['html', '/assess/:id/report'],
    ['docx', '/api/v1/assessments/:id/report.docx'],
    ['pdf', '/api/v1/assessments/:id/report.pdf'],
  ]) {
    t0 = performance.now();
    const res = await fetch(`${url}${path.replace(':id', assessment)}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${format}: ${res.status}`);
    ms[format] = performance.now() - t0;
  }
  return { items: items.length, ms };
}

/** A domain handout PDF: its first request renders it, every later one is served from the cache. */
async function benchHandout(url: string, baseline: Figure): Promise<{ path: string; firstMs: number; cached: Figure }> {
  const catalogue = (await (await fetch(`${url}/api/v1/catalogue.json`)).json()) as {
    domains: Array<{ code: string; items: unknown[] }>;
  };
  const largest = [...catalogue.domains].sort((a, b) => b.items.length - a.items.length)[0];
  const path = `/present/domains/${largest.code}/handout.pdf`;
  const t0 = performance.now();
  const first = await fetch(`${url}${path}`);
  await first.arrayBuffer();
  if (first.status !== 200) throw new Error(`handout: ${first.status}`);
  const firstMs = performance.now() - t0;
  const cached = await load(url, `handout PDF, cached (${largest.items.length} items)`, path);
  console.log(
    `  handout ${path}: first (rendered) ${firstMs.toFixed(0)} ms; cached ${cached.rps.toFixed(0)} req/s = ${(cached.rps / baseline.rps).toFixed(2)} of baseline, p50 ${cached.p50} ms`,
  );
  return { path, firstMs, cached };
}

async function main(): Promise<void> {
  const pg = Boolean(process.env.DATABASE_URL);
  console.log(
    `Hegui benchmark — ${pg ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${duration} s per route, Node ${process.version}\n`,
  );

  buildServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'hegui-bench-'));
  const pgliteEnv = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const fresh = await start(pgliteEnv);
  await stop(fresh);
  // Reopening an existing folder is what every restart does: three runs, the median,
  // each against a bare node process started just before it (the same machine load).
  const reopens: Array<{ ms: number; baseline: number }> = [];
  let existing = fresh;
  for (let i = 0; i < 3; i += 1) {
    const baseline = await baselineStartMs();
    existing = await start(pgliteEnv);
    reopens.push({ ms: existing.readyMs, baseline });
    if (i < 2) await stop(existing);
  }
  const mid = [...reopens].sort((a, b) => a.ms - b.ms)[1];
  console.log('cold start (process start → /readyz 200)');
  console.log(`  PGlite, new folder:      ${fresh.readyMs.toFixed(0)} ms`);
  for (const [i, r] of reopens.entries())
    console.log(
      `  PGlite, existing folder, run ${i + 1}: ${r.ms.toFixed(0)} ms (bare node process ${r.baseline.toFixed(0)} ms, ratio ${(r.ms / r.baseline).toFixed(1)})`,
    );
  console.log(
    `  PGlite, existing folder (median): ${mid.ms.toFixed(0)} ms, ${(mid.ms / mid.baseline).toFixed(1)}× a bare node process; target < 1500 ms: ${mid.ms < 1500 ? 'met' : 'NOT met'}`,
  );
  let server = existing;
  if (pg) {
    await stop(existing);
    server = await start({});
    console.log(`  PostgreSQL:              ${server.readyMs.toFixed(0)} ms`);
  }

  const routes: Array<[string, string]> = [
    ['domain page', '/domains/AQ'],
    ['item API', '/api/v1/items/AQ-001'],
    ['search API', `/api/v1/search?q=${encodeURIComponent('消防')}`],
  ];
  const baseline = await load(server.url, 'baseline (fixed string)', '/healthz');
  const figures = [baseline];
  for (const [label, path] of routes) figures.push(await load(server.url, label, path));
  figures.push(await load(server.url, `search, ${new Set(VARIED).size} distinct uncached`, '/api/v1/search', true));
  const saving = await benchSaves(server.url);
  const rendering = await benchReport(server.url, saving);
  const handout = await benchHandout(server.url, baseline);
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
  figures.push(saving.figure, handout.cached);

  console.log(
    '\nroute                                                 req/s   p50 ms   p99 ms   ratio to baseline   errors/non-2xx',
  );
  for (const f of figures) {
    console.log(
      `${`${f.label} ${f.path}`.padEnd(52).slice(0, 52)} ${f.rps.toFixed(0).padStart(6)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)}   ${(f.rps / baseline.rps).toFixed(2).padStart(6)}   ${f.errors}/${f.non2xx}`,
    );
  }
  const ratio = (label: string): number => (figures.find((f) => f.label.startsWith(label))?.rps ?? 0) / baseline.rps;
  console.log(`\nreport of an assessment with all ${rendering.items} items answered (first render, not cached):`);
  for (const [format, ms] of Object.entries(rendering.ms))
    console.log(
      `  ${format.padEnd(5)} ${ms.toFixed(0).padStart(6)} ms${format === 'json' ? '' : ` (${(ms / rendering.ms.json).toFixed(1)}× the JSON report)`}`,
    );
  console.log(
    `targets: report PDF first render < 1000 ms: ${rendering.ms.pdf.toFixed(0)} ms ${rendering.ms.pdf < 1000 ? 'met' : 'NOT met'}; handout PDF cached ÷ first render: ${(handout.firstMs / Math.max(handout.cached.p50, 1)).toFixed(0)}× faster (p50 ${handout.cached.p50} ms vs ${handout.firstMs.toFixed(0)} ms)`,
  );
  const saves = saving.figure;
  console.log(
    `\ntargets: answer saves (median of 3 runs) ≥ 0.15 of baseline and p99 < 50 ms: ${(saves.rps / baseline.rps).toFixed(2)}, p99 ${saves.p99} ms ${saves.rps / baseline.rps >= 0.15 && saves.p99 < 50 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `targets: domain page ≥ 0.50 of baseline: ${ratio('domain page').toFixed(2)} ${ratio('domain page') >= 0.5 ? 'met' : 'NOT met'}; search ≥ 0.30: ${ratio('search API').toFixed(2)} ${ratio('search API') >= 0.3 ? 'met' : 'NOT met'}; search, distinct uncached ≥ 0.30: ${ratio('search, ').toFixed(2)} ${ratio('search, ') >= 0.3 ? 'met' : 'NOT met'}`,
  );
  const cpu = measureSearchCpu();
  console.log(
    `targets: search CPU for a 200-character query ≤ 20 ms: max ${cpu.maxMs.toFixed(2)} ms (best of 3 runs per query; p50 ${cpu.p50Ms.toFixed(2)} ms; slowest single run ${cpu.rawMaxMs.toFixed(2)} ms) over ${cpu.queries} queries ${cpu.maxMs <= 20 ? 'met' : 'NOT met'}; search index build ${cpu.buildMs.toFixed(0)} ms`,
  );
  console.log(
    '\nregulator statistics at scale (100,000 submitted assessments; seeds them on first run, ~12 min): DATABASE_URL=… npm run bench:regulator',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
