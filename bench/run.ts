// npm run bench — cold start times and throughput of key routes against a
// baseline route of the same server. Uses PostgreSQL when DATABASE_URL is set,
// else embedded PGlite. BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 50).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

const root = resolve(__dirname, '..');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Running { child: ChildProcess; url: string; readyMs: number }

async function start(env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return { child, url, readyMs: performance.now() - t0 };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(r: Running): Promise<void> {
  await new Promise<void>((resolveStop) => { r.child.once('exit', () => resolveStop()); r.child.kill('SIGTERM'); });
}

interface Figure { label: string; path: string; rps: number; p99: number; errors: number; non2xx: number }

// Queries that rotate per request, so the search cache cannot answer most of them.
const VARIED = ['消防', '灭火器', '劳动合同', '发票', '危险废物', '健康证', '培训', '台账', '排污', '广告', '工资', '社保', '年报', '特种设备',
  '食品', '标签', '叉车', '噪声', '扬尘', '押金', '预付', '商标', '检定', '环评', '施工', '招牌', '超载', '应急预案', '隐患', '职业病',
  '加班', '试用期', '童工', '公积金', '纳税申报', '账簿', '油烟', '危化品', '疏散', 'AQ-0'];

async function load(url: string, label: string, path: string, varied = false): Promise<Figure> {
  let n = 0;
  const result = await autocannon({
    url: `${url}${path}`,
    connections,
    duration,
    ...(varied ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `/api/v1/search?q=${encodeURIComponent(`${VARIED[n++ % VARIED.length]}`)}&limit=${1 + (n % 97)}` }) }] } : {}),
  });
  return { label, path, rps: result.requests.average, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function main(): Promise<void> {
  const pg = Boolean(process.env.DATABASE_URL);
  console.log(`Hegui benchmark — ${pg ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${duration} s per route, Node ${process.version}\n`);

  const dataDir = mkdtempSync(join(tmpdir(), 'hegui-bench-'));
  const pgliteEnv = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const fresh = await start(pgliteEnv, 3201);
  await stop(fresh);
  const existing = await start(pgliteEnv, 3202);
  console.log('cold start (process start → /readyz 200)');
  console.log(`  PGlite, new folder:      ${fresh.readyMs.toFixed(0)} ms`);
  console.log(`  PGlite, existing folder: ${existing.readyMs.toFixed(0)} ms`);
  let server = existing;
  if (pg) {
    await stop(existing);
    server = await start({}, 3203);
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
  figures.push(await load(server.url, 'search, 3880 distinct uncached', '/api/v1/search', true));
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });

  console.log('\nroute                        req/s    p99 ms   ratio to baseline   errors/non-2xx');
  for (const f of figures) {
    console.log(`${`${f.label} ${f.path}`.padEnd(52).slice(0, 52)} ${f.rps.toFixed(0).padStart(6)} ${String(f.p99).padStart(8)}   ${(f.rps / baseline.rps).toFixed(2).padStart(6)}   ${f.errors}/${f.non2xx}`);
  }
  const ratio = (label: string): number => (figures.find((f) => f.label === label)?.rps ?? 0) / baseline.rps;
  console.log(`\ntargets: domain page ≥ 0.50 of baseline: ${ratio('domain page').toFixed(2)} ${ratio('domain page') >= 0.5 ? 'met' : 'NOT met'}; search ≥ 0.30: ${ratio('search API').toFixed(2)} ${ratio('search API') >= 0.3 ? 'met' : 'NOT met'}`);
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
