// npm run bench:cluster — two instances behind nginx against one PostgreSQL
// (DATABASE_URL names the server; the benchmark creates and drops its own
// database there). Logs in through the balancer and reads with that session
// from both instances; then CLUSTER_CLIENTS (50) clients × CLUSTER_SAVES (100)
// answer saves while one instance is restarted (SIGTERM → drain → start again);
// prints the figures and exits non-zero if a save was lost or a client saw a 5xx.
import { Client } from 'pg';
import { clusterPrerequisites, startCluster } from '../server/tools/cluster/cluster';
import { formatStorm, runSaveStorm, sessionAcrossInstances } from './save-storm';
import { buildServer } from './server';

async function admin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const problems = clusterPrerequisites();
  if (problems.length > 0) {
    for (const p of problems) console.error(`npm run bench:cluster: ${p}`);
    return 2;
  }
  const clients = Number(process.env.CLUSTER_CLIENTS ?? 50);
  const saves = Number(process.env.CLUSTER_SAVES ?? 100);
  const server = new URL(process.env.DATABASE_URL ?? '');
  const name = `hegui_bench_cluster_${Date.now().toString(36)}`;
  const databaseUrl = new URL(server);
  databaseUrl.pathname = `/${name}`;
  console.log(
    `Hegui cluster benchmark — 2 instances behind nginx, PostgreSQL database ${name}, Node ${process.version}`,
  );
  buildServer();
  await admin(server.toString(), `create database ${name}`);
  try {
    const t0 = performance.now();
    const cluster = await startCluster({ databaseUrl: databaseUrl.toString(), runner: 'dist', output: 'inherit' });
    console.log(`cluster up in ${(performance.now() - t0).toFixed(0)} ms: nginx ${cluster.url}`);
    try {
      // One account, registered at one instance, signed in through the balancer.
      const email = `cluster-login-${Date.now()}@example.cn`;
      const password = 'cluster-login-pass-1';
      const reg = await fetch(`${cluster.instances[0].url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.79.0.1' },
        body: JSON.stringify({
          email,
          password,
          orgName: '集群登录测试企业',
          creditCode: '91320582MA1C00001X',
          region: '杨舍镇',
          industry: 'C',
          size: 'small',
        }),
      });
      if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
      const session = await sessionAcrossInstances(cluster, email, password);
      console.log(
        `\none session through the balancer: signed in at ${session.loginInstance}; GET /api/v1/me served by ${session.servedBy.join(', ')} (statuses ${session.statuses.join(', ')})`,
      );

      console.log(`\n${clients} clients × ${saves} answer saves through nginx, app-1 restarted after a quarter:`);
      const result = await runSaveStorm(cluster, databaseUrl.toString(), {
        clients,
        savesPerClient: saves,
        restartAt: { index: 0, fraction: 0.25 },
      });
      for (const line of formatStorm(result)) console.log(`  ${line}`);
      const bothServed = new Set(session.servedBy).size >= 2 && session.statuses.every((s) => s === 200);
      const ok = result.lost === 0 && result.serverErrors === 0 && result.failed === 0 && bothServed;
      console.log(
        `\ntargets: 0 acknowledged saves lost (${result.lost}), 0 5xx seen by clients (${result.serverErrors}), ` +
          `every save acknowledged (${result.acknowledged}/${result.attempted}), one session on both instances (${bothServed ? 'yes' : 'no'}): ${ok ? 'met' : 'NOT met'}`,
      );
      return ok ? 0 : 1;
    } finally {
      await cluster.stop();
    }
  } finally {
    await admin(server.toString(), `drop database if exists ${name} with (force)`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
