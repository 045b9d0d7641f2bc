// Many companies saving answers through the balancer while one instance
// restarts. Each client saves its items one after another and retries what the
// browser retries (views/assets/assess.js: network errors, 502, 503, 504, with
// exponential backoff and jitter); afterwards the database must hold every
// acknowledged save. Shared by npm run bench:cluster and the cluster test.
import { Client } from 'pg';
import { checkCharacter } from '../server/accounts/credit-code';
import type { Cluster, RestartTimeline } from '../server/tools/cluster/cluster';

/** A valid 统一社会信用代码 (GB 32100-2015 check character) for client i of run tag. */
function creditCode(tag: number, i: number): string {
  const body = `91320582MC${String(tag % 100).padStart(2, '0')}${String(i).padStart(5, '0')}`;
  return body + checkCharacter(body);
}

const RETRY = new Set([0, 502, 503, 504]);
const STATUSES = ['compliant', 'non_compliant', 'unsure', 'not_applicable'] as const;

export interface StormOptions {
  readonly clients: number;
  readonly savesPerClient: number;
  /** Restart this instance once this share of all saves has been acknowledged. */
  readonly restartAt?: { readonly index: number; readonly fraction: number };
  /** Backoff base in ms (the browser uses 1000; a benchmark can afford less). */
  readonly backoffMs?: number;
}

export interface StormResult {
  readonly attempted: number;
  readonly acknowledged: number;
  /** Acknowledged saves the database does not hold (as acknowledged) afterwards. */
  readonly lost: number;
  /** Every 5xx response a client received, retried or not. */
  readonly serverErrors: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly networkErrors: number;
  readonly retries: number;
  readonly failed: number;
  readonly byInstance: Readonly<Record<string, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly wallMs: number;
  readonly restart?: RestartTimeline & { readonly instance: string; readonly afterSaves: number };
}

interface StormClient {
  readonly cookie: string;
  readonly csrf: string;
  readonly assessment: string;
  readonly items: readonly string[];
  readonly acknowledged: Map<string, string>;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Registers a company straight at one instance (from its own address: instances trust
 * the proxy header from loopback; through nginx every client would share 127.0.0.1 and
 * hit the per-IP registration limit) and starts a draft with every profile tag.
 */
async function setUpClient(instanceUrl: string, tag: number, i: number, tags: string[]): Promise<StormClient> {
  const json = { 'content-type': 'application/json' };
  const reg = await fetch(`${instanceUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { ...json, 'x-forwarded-for': `10.78.${i >> 8}.${i & 255}` },
    body: JSON.stringify({
      email: `storm-${tag}-${i}@example.cn`,
      password: 'cluster-storm-pass-1',
      orgName: `集群测试企业${i}`,
      creditCode: creditCode(tag, i),
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
    }),
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
  const cookie = (reg.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await reg.json()) as { csrfToken: string };
  const created = await fetch(`${instanceUrl}/api/v1/assessments`, {
    method: 'POST',
    headers: { ...json, cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ profile: { tags } }),
  });
  if (created.status !== 201) throw new Error(`create draft: ${created.status} ${await created.text()}`);
  const draft = (await created.json()) as { id: string; items: string[] };
  return { cookie, csrf: csrfToken, assessment: draft.id, items: draft.items, acknowledged: new Map() };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

export async function runSaveStorm(cluster: Cluster, databaseUrl: string, opts: StormOptions): Promise<StormResult> {
  const tag = Date.now() % 1_000_000;
  const catalogue = (await (await fetch(`${cluster.url}/api/v1/catalogue.json`)).json()) as {
    profile: { questions: Array<{ tag: string }> };
  };
  const tags = catalogue.profile.questions.map((q) => q.tag);
  const setupUrl = cluster.instances[cluster.instances.length - 1].url;
  const clients: StormClient[] = [];
  for (let i = 0; i < opts.clients; i += 1) clients.push(await setUpClient(setupUrl, tag, i, tags));
  const saves = Math.min(opts.savesPerClient, ...clients.map((c) => c.items.length));
  if (saves < opts.savesPerClient) throw new Error(`drafts have only ${saves} items, fewer than the saves asked for`);

  const byStatus = new Map<number, number>();
  const byInstance = new Map<string, number>();
  const latencies: number[] = [];
  let acknowledged = 0;
  let serverErrors = 0;
  let networkErrors = 0;
  let retries = 0;
  let failed = 0;
  const backoff = opts.backoffMs ?? 100;
  const total = opts.clients * saves;
  let restartTriggered: (() => void) | undefined;
  const restartDue = new Promise<void>((resolve) => {
    restartTriggered = resolve;
  });

  const saveOne = async (client: StormClient, n: number, j: number): Promise<void> => {
    const code = client.items[j];
    const note = `客户${n}-第${j}次保存-${tag}`;
    const body = JSON.stringify({ status: STATUSES[(n + j) % 4], note });
    for (let attempt = 0; ; attempt += 1) {
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${cluster.url}/api/v1/assessments/${client.assessment}/answers/${code}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: client.cookie, 'x-csrf-token': client.csrf },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        status = res.status;
        const instance = res.headers.get('x-hegui-instance') ?? '?';
        byInstance.set(instance, (byInstance.get(instance) ?? 0) + 1);
      } catch {
        networkErrors += 1;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors += 1;
      if (status === 200) {
        latencies.push(performance.now() - t0);
        client.acknowledged.set(code, note);
        acknowledged += 1;
        if (opts.restartAt && acknowledged === Math.floor(total * opts.restartAt.fraction)) restartTriggered?.();
        return;
      }
      if (!RETRY.has(status) || attempt >= 12) {
        failed += 1;
        return;
      }
      retries += 1;
      await sleep(Math.min(30_000, backoff * 2 ** attempt) * (0.75 + Math.random() * 0.5));
    }
  };

  const t0 = performance.now();
  const saving = Promise.all(
    clients.map(async (client, n) => {
      for (let j = 0; j < saves; j += 1) await saveOne(client, n, j);
    }),
  );
  let restart: StormResult['restart'];
  if (opts.restartAt) {
    const { index } = opts.restartAt;
    await Promise.race([restartDue, saving]);
    const afterSaves = acknowledged;
    const timeline = await cluster.restart(index);
    restart = { ...timeline, instance: cluster.instances[index].id, afterSaves };
  }
  await saving;
  const wallMs = performance.now() - t0;

  // What the database holds, read straight from PostgreSQL, not through the app.
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  let lost = 0;
  try {
    const { rows } = await pg.query<{ assessment_id: string; item_code: string; note: string | null }>(
      'select assessment_id, item_code, note from answers where assessment_id = any($1::uuid[])',
      [clients.map((c) => c.assessment)],
    );
    const stored = new Map(rows.map((r) => [`${r.assessment_id}/${r.item_code}`, r.note]));
    for (const c of clients)
      for (const [code, note] of c.acknowledged) if (stored.get(`${c.assessment}/${code}`) !== note) lost += 1;
  } finally {
    await pg.end();
  }
  latencies.sort((a, b) => a - b);
  return {
    attempted: total,
    acknowledged,
    lost,
    serverErrors,
    byStatus: Object.fromEntries(byStatus),
    networkErrors,
    retries,
    failed,
    byInstance: Object.fromEntries(byInstance),
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    wallMs: Math.round(wallMs),
    restart,
  };
}

/** Logs in through the balancer and reads /api/v1/me with that one session several times. */
export async function sessionAcrossInstances(
  cluster: Cluster,
  email: string,
  password: string,
  reads = 6,
): Promise<{ loginInstance: string; servedBy: string[]; statuses: number[] }> {
  const login = await fetch(`${cluster.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login through the balancer: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const servedBy: string[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < reads; i += 1) {
    const me = await fetch(`${cluster.url}/api/v1/me`, { headers: { cookie } });
    await me.arrayBuffer();
    statuses.push(me.status);
    servedBy.push(me.headers.get('x-hegui-instance') ?? '?');
  }
  return { loginInstance: login.headers.get('x-hegui-instance') ?? '?', servedBy, statuses };
}

export function formatStorm(r: StormResult): string[] {
  const lines = [
    `saves attempted ${r.attempted}, acknowledged ${r.acknowledged}, lost (acknowledged but not in the database) ${r.lost}`,
    `5xx responses seen by clients ${r.serverErrors}, network errors ${r.networkErrors}, retries ${r.retries}, given up ${r.failed}`,
    `statuses ${JSON.stringify(r.byStatus)}, served by ${JSON.stringify(r.byInstance)}`,
    `wall ${r.wallMs} ms, ${((r.acknowledged / r.wallMs) * 1000).toFixed(0)} saves/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
  ];
  if (r.restart)
    lines.push(
      `restart of ${r.restart.instance} after ${r.restart.afterSaves} saves: /readyz 503 at +${r.restart.readyz503Ms} ms, ` +
        `connections refused at +${r.restart.refusedMs} ms, exited at +${r.restart.exitedMs} ms, ready again at +${r.restart.readyAgainMs} ms`,
    );
  return lines;
}
