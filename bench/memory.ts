// npm run bench:memory — the issue 12 memory probe: the real server (built, as
// production runs it) given 1,500 drafts of one organisation through the API,
// then the organisation's assessment list (/assess) loaded 60 times. Prints the
// server's RSS at the baseline (started, one signed-in /assess load), after the
// drafts and after the loads, with the ratio to that baseline; target: under
// 300 MB after the loads. The open-draft limit is raised for the run
// (MAX_OPEN_DRAFTS_PER_ORG). PostgreSQL when DATABASE_URL is set, else PGlite in
// a temp folder (created by a first start, measured on reopening). BENCH_DRAFTS (default 1500), BENCH_LOADS (default 60).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { checkCharacter } from '../server/accounts/credit-code';
import { buildServer, peakRssMb, rssMb, startServer, stopServer } from './server';

const drafts = Number(process.env.BENCH_DRAFTS ?? 1500);
const loads = Number(process.env.BENCH_LOADS ?? 60);
const TARGET_MB = 300;

function creditCode(): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91320582';
  for (let i = 0; i < 9; i += 1) body += charset[randomInt(charset.length)];
  return body + checkCharacter(body);
}

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function register(url: string): Promise<Session> {
  const code = creditCode();
  const res = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${code.toLowerCase()}@example.cn`,
      password: 'correct horse battery',
      orgName: '张家港市内存测试有限公司',
      creditCode: code,
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
    }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

async function createDrafts(url: string, s: Session, n: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      next += 1;
      const res = await fetch(`${url}/api/v1/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({ profile: { tags: ['employees'] } }),
      });
      if (res.status !== 201) throw new Error(`create draft: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

async function loadList(url: string, s: Session): Promise<number> {
  const res = await fetch(`${url}/assess`, { headers: { cookie: s.cookie } });
  if (res.status !== 200) throw new Error(`/assess: ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

async function main(): Promise<void> {
  buildServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'hegui-bench-memory-'));
  // PGlite: a first start creates the folder (initdb costs several hundred MB that stay resident in that
  // process), as a deployment's first start does; the measured server reopens it, as every later start does.
  if (!process.env.DATABASE_URL) await stopServer(await startServer({ DATA_DIR: dataDir }));
  const server = await startServer({
    DATA_DIR: dataDir,
    MAX_OPEN_DRAFTS_PER_ORG: String(drafts + 10),
    TRUST_PROXY: '',
  });
  const pid = server.child.pid ?? 0;
  try {
    const session = await register(server.url);
    await loadList(server.url, session);
    const baseline = rssMb(pid);
    const t0 = performance.now();
    await createDrafts(server.url, session, drafts);
    const created = rssMb(pid);
    const createSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    let bytes = 0;
    for (let i = 0; i < loads; i += 1) bytes = await loadList(server.url, session);
    const loadMs = (performance.now() - t1) / loads;
    const after = rssMb(pid);
    const peak = peakRssMb(pid);
    const mb = (n: number): string => `${n.toFixed(0)} MB`;
    console.log(
      process.env.DATABASE_URL
        ? 'backend: PostgreSQL (the database in its own processes)'
        : 'backend: PGlite (the embedded database lives in the server process and is counted in its RSS)',
    );
    console.log(`baseline RSS (started, one signed-in /assess load): ${mb(baseline)}`);
    console.log(
      `after ${drafts} drafts through POST /api/v1/assessments (${createSeconds.toFixed(1)} s): ${mb(created)} (ratio ${(created / baseline).toFixed(2)})`,
    );
    console.log(
      `after ${loads} loads of /assess (${loadMs.toFixed(0)} ms each, ${(bytes / 1024).toFixed(0)} kB page): ${mb(after)} (ratio ${(after / baseline).toFixed(2)}), peak ${mb(peak)}`,
    );
    console.log(`target: under ${TARGET_MB} MB after the loads: ${after < TARGET_MB ? 'met' : 'NOT met'}`);
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
