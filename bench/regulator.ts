// npm run bench:regulator — regulator statistics at scale, on PostgreSQL only
// (DATABASE_URL). Tops the database up to BENCH_ASSESSMENTS (default 100,000)
// submitted assessments with seed:demo's light rows, starts the real server as
// a child process and prints:
//  - GET /api/v1/stats/summary p50/p95 (unfiltered and filtered),
//  - GET /api/v1/exports/answers.csv throughput against psql \copy of the same
//    query, with the server's peak RSS (VmHWM) during the export,
//  - GET /api/v1/exports/summary.xlsx time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDb } from '../db';
import { migrateToLatest } from '../db/migrate';
import { createUser } from '../server/accounts/service';
import { loadChecklistsOrThrow } from '../server/catalogue/load';
import { importCatalogue } from '../server/catalogue/version-import';
import { answersSqlText } from '../server/regulator/answers-export';
import { seedDemo } from '../server/tools/demo-data';
import { computeSummary } from '../server/regulator/stats';
import { createToken } from '../server/regulator/tokens';
import { buildServer, peakRssMb, root, rssMb, startServer, stopServer } from './server';

const url = process.env.DATABASE_URL;
const target = Number(process.env.BENCH_ASSESSMENTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number): string => `${n.toFixed(0)} ms`;

async function timed(
  fetchUrl: string,
  token: string,
): Promise<{ ms: number; bytes: number; lines: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(fetchUrl, { headers: { Authorization: `Bearer ${token}` } });
  let bytes = 0;
  let lines = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i += 1) if (value[i] === 10) lines += 1;
    }
  }
  return { ms: performance.now() - t0, bytes, lines, status: res.status };
}

function psqlCopy(query: string): Promise<{ ms: number; bytes: number; lines: number }> {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = spawn(
      'psql',
      [url ?? '', '-X', '-q', '-c', `\\copy (${query.replace(/\s+/g, ' ')}) to stdout with (format csv, header)`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let bytes = 0;
    let lines = 0;
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      for (const c of b) if (c === 10) lines += 1;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveRun({ ms: performance.now() - t0, bytes, lines });
      else reject(new Error(`psql exited with ${code}`));
    });
  });
}

async function main(): Promise<void> {
  if (!url)
    throw new Error(
      'bench:regulator needs DATABASE_URL (PostgreSQL): createdb hegui_bench && DATABASE_URL=postgres://…/hegui_bench npm run bench:regulator',
    );
  const database = await openDb({ databaseUrl: url });
  await migrateToLatest(database.db);
  const { catalogue } = await importCatalogue(database.db, loadChecklistsOrThrow(join(root, 'checklists')));
  const have = Number(
    (
      await database.db
        .selectFrom('stat_submissions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('version_id', '=', catalogue.version.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (have < target) {
    const orgs = Math.ceil((target - have) / 1.25);
    console.log(`seeding ~${target - have} assessments (${orgs} organisations, light rows)…`);
    const t0 = performance.now();
    const r = await seedDemo(database.db, catalogue, { orgs, seed: have + 1, run: 1 + Math.floor(have / 1000) });
    console.log(
      `  seeded ${r.assessments} assessments, ${r.answers} answers in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  const counts = await database.db
    .selectFrom('stat_submissions')
    .select([
      (eb) => eb.fn.countAll<string>().as('assessments'),
      (eb) => eb.fn.count<string>('org_id').distinct().as('orgs'),
    ])
    .where('version_id', '=', catalogue.version.id)
    .executeTakeFirstOrThrow();
  const answers = Number(
    (
      await database.db
        .selectFrom('answers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const cells = Number(
    (
      await database.db
        .selectFrom('stat_item_cells')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  // Uncached: the full computation each time (what the first view after a submission costs).
  const only = process.env.BENCH_ONLY; // 'export' skips the dashboard timings
  for (const [label, extra] of only === 'export'
    ? []
    : ([
        ['unfiltered', {}],
        ['region=杨舍镇', { region: '杨舍镇' }],
        ['region+industry+months', { region: '杨舍镇', industry: 'C', from: '2026-01', to: '2026-06' }],
      ] as const)) {
    const f = { version: catalogue.version.id, ...extra };
    await computeSummary(database.db, catalogue, f);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await computeSummary(database.db, catalogue, f);
      times.push(performance.now() - t0);
    }
    console.log(
      `dashboard summary uncached (${label}): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} over ${runs} computations`,
    );
  }
  const user = await createUser(database.db, {
    email: `bench-${Date.now()}@hegui.invalid`,
    password: 'bench password 1',
    role: 'regulator',
  });
  const { token } = await createToken(database.db, user.id, 'bench');
  await database.close();
  console.log(
    `data: ${counts.assessments} submitted assessments, ${counts.orgs} organisations, ${answers} answers, ${cells} item cells (checklist v${catalogue.version.id})`,
  );

  buildServer();
  const server = await startServer({});
  const { child, url: base } = server;
  try {
    for (const [label, query] of only === 'export'
      ? []
      : ([
          ['unfiltered', ''],
          ['region=杨舍镇', 'region=杨舍镇'],
          ['region+industry+months', 'region=杨舍镇&industry=C&from=2026-01&to=2026-06'],
        ] as const)) {
      const q = `${base}/api/v1/stats/summary${query ? `?${encodeURI(query)}` : ''}`;
      for (let i = 0; i < 3; i += 1) await timed(q, token);
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const r = await timed(q, token);
        if (r.status !== 200) throw new Error(`summary answered ${r.status}`);
        times.push(r.ms);
      }
      console.log(
        `GET /api/v1/stats/summary cached (${label}): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))} over ${runs} requests`,
      );
    }

    const version = catalogue.version.id;
    const rssBefore = rssMb(child.pid ?? 0);
    const exp = await timed(`${base}/api/v1/exports/answers.csv?version=${version}`, token);
    const peak = peakRssMb(child.pid ?? 0);
    const copy = await psqlCopy(answersSqlText({ version }, catalogue));
    const rate = (r: { ms: number; lines: number }): number => (r.lines - 1) / (r.ms / 1000);
    console.log(
      `answers.csv: ${exp.lines - 1} rows, ${(exp.bytes / 1e6).toFixed(1)} MB in ${ms(exp.ms)} = ${rate(exp).toFixed(0)} rows/s`,
    );
    console.log(
      `psql \\copy same query: ${copy.lines - 1} rows, ${(copy.bytes / 1e6).toFixed(1)} MB in ${ms(copy.ms)} = ${rate(copy).toFixed(0)} rows/s`,
    );
    console.log(
      `answers.csv throughput ratio vs psql: ${(rate(exp) / rate(copy)).toFixed(2)} (target ≥ 0.5); server RSS ${rssBefore.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (target < 200 MB)`,
    );

    const xlsx = await timed(`${base}/api/v1/exports/summary.xlsx`, token);
    console.log(`summary.xlsx: ${(xlsx.bytes / 1e3).toFixed(0)} kB in ${ms(xlsx.ms)} (status ${xlsx.status})`);
  } finally {
    await stopServer(server);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
