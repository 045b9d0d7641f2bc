// Two instances behind nginx against one PostgreSQL. The cluster is a
// PostgreSQL deployment by definition, so on the PGlite run too this test uses
// the local PostgreSQL (DATABASE_URL's server, else 127.0.0.1:5432) with its own
// database, created and dropped here.
import { Client } from 'pg';
import { runSaveStorm, sessionAcrossInstances } from '../../bench/save-storm';
import { startCluster, type Cluster } from '../../server/tools/cluster/cluster';
import { uniqueCreditCode } from '../support/company';

jest.setTimeout(90_000);

const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const name = `hegui_test_cluster_${process.pid}_${Date.now().toString(36)}`;
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${name}`;

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let cluster: Cluster | undefined;
beforeAll(async () => {
  await admin(`create database ${name}`);
  cluster = await startCluster({
    databaseUrl: databaseUrl.toString(),
    runner: 'tsx',
    output: 'files',
    env: { DRAIN_DELAY_MS: '300' },
  });
});
afterAll(async () => {
  await cluster?.stop();
  await admin(`drop database if exists ${name} with (force)`);
});

function running(): Cluster {
  if (!cluster) throw new Error('the cluster did not start');
  return cluster;
}

it('serves one session, signed in through nginx, from both instances', async () => {
  const c = running();
  const email = `cluster-${Date.now()}@example.cn`;
  const password = 'cluster-test-pass-1';
  const reg = await fetch(`${c.instances[0].url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.80.0.1' },
    body: JSON.stringify({
      email,
      password,
      orgName: '集群会话测试企业',
      creditCode: uniqueCreditCode(),
      region: '杨舍镇',
      industry: 'C',
      size: 'small',
    }),
  });
  expect(reg.status).toBe(201);
  const session = await sessionAcrossInstances(c, email, password, 4);
  expect(session.statuses).toEqual([200, 200, 200, 200]);
  expect(new Set(session.servedBy)).toEqual(new Set(['app-1', 'app-2']));
});

it('loses no acknowledged save and shows clients no 5xx while one instance restarts', async () => {
  const c = running();
  const result = await runSaveStorm(c, databaseUrl.toString(), {
    clients: 10,
    savesPerClient: 30,
    restartAt: { index: 0, fraction: 0.2 },
    backoffMs: 50,
  });
  expect(result.restart?.readyz503Ms).toBeGreaterThanOrEqual(0);
  // /readyz said 503 before the listener closed.
  expect(result.restart?.readyz503Ms).toBeLessThan(result.restart?.refusedMs ?? -1);
  expect(result).toMatchObject({ acknowledged: 300, lost: 0, serverErrors: 0, failed: 0 });
  expect(Object.keys(result.byInstance).sort()).toEqual(['app-1', 'app-2']);
});
