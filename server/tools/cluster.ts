// npm run cluster — two app instances on this machine against one PostgreSQL,
// behind nginx (Debian's /usr/sbin/nginx with a generated configuration, not the
// system service). Runs until Ctrl-C, then drains the instances and stops nginx.
// CLUSTER_PORT (default 8080), CLUSTER_APP_PORTS (default 3101,3102), CLUSTER_DIR
// (default: a temp folder), CLUSTER_RUNNER=tsx|dist (default tsx).
import { runTool } from './cli';
import { clusterPrerequisites, startCluster } from './cluster/cluster';

async function main(): Promise<number> {
  const problems = clusterPrerequisites();
  if (problems.length > 0) {
    for (const p of problems) console.error(`npm run cluster: ${p}`);
    return 2;
  }
  const appPorts = (process.env.CLUSTER_APP_PORTS ?? '3101,3102').split(',').map(Number);
  if (appPorts.length < 2 || appPorts.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) {
    console.error('npm run cluster: CLUSTER_APP_PORTS must list at least two port numbers, e.g. 3101,3102');
    return 2;
  }
  const port = Number(process.env.CLUSTER_PORT ?? 8080);
  const cluster = await startCluster({
    databaseUrl: process.env.DATABASE_URL ?? '',
    port,
    appPorts,
    dir: process.env.CLUSTER_DIR,
    runner: process.env.CLUSTER_RUNNER === 'dist' ? 'dist' : 'tsx',
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  console.log(`Hegui cluster: nginx on ${cluster.url} (configuration in ${cluster.dir}/nginx.conf)`);
  for (const inst of cluster.instances) console.log(`  ${inst.id}: ${inst.url} (pid ${inst.child.pid ?? '?'})`);
  console.log('Ctrl-C stops it (each instance drains first).');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('stopping…');
  await cluster.stop();
  console.log('stopped');
  return 0;
}

runTool('npm run cluster', main);
