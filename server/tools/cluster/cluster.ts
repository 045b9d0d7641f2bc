// Starts and stops a local cluster: N app processes on their own ports against
// one PostgreSQL, behind Debian's nginx run from a generated configuration in
// its own folder (not the system service). Used by npm run cluster, the cluster
// benchmark and the cluster test.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../config';
import { nginxConf } from './nginx-conf';

const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

class ClusterConfigError extends Error {
  override name = 'ClusterConfigError';
}

/** The reasons a cluster cannot start here, as sentences (empty = it can). */
export function clusterPrerequisites(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  if (!env.DATABASE_URL?.startsWith('postgres'))
    problems.push(
      'DATABASE_URL must point to PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/hegui): several instances ' +
        'share one database, and the embedded PGlite allows one process per data folder.',
    );
  if (!existsSync(NGINX))
    problems.push(`nginx was not found at ${NGINX}: install it with apt-get install -y nginx (or set NGINX_BIN).`);
  return problems;
}

export interface ClusterOptions {
  readonly databaseUrl: string;
  /** nginx listens here; 0 = a free port. */
  readonly port?: number;
  /** One app instance per entry; 0 = a free port. Default: two instances. */
  readonly appPorts?: readonly number[];
  /** Folder for nginx.conf, logs and temp files; default: a new temp folder, removed on stop. */
  readonly dir?: string;
  /** `dist`: node dist/server/main.js (npm run build first); `tsx`: the TypeScript directly. */
  readonly runner?: 'tsx' | 'dist';
  /** Extra environment for the app processes. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Where the apps' and nginx's output goes: this process's stderr (default),
   * or one log file per process in the cluster's folder, whose last lines are
   * quoted when a process exits before it is ready.
   */
  readonly output?: 'inherit' | 'files';
}

export interface Instance {
  readonly id: string;
  readonly port: number;
  readonly url: string;
  child: ChildProcess;
}

/** What happened while one instance restarted, in ms from the SIGTERM. */
export interface RestartTimeline {
  readonly readyz503Ms: number;
  readonly refusedMs: number;
  readonly exitedMs: number;
  readonly readyAgainMs: number;
}

export interface Cluster {
  /** The balancer's address: all traffic goes here. */
  readonly url: string;
  readonly dir: string;
  readonly instances: readonly Instance[];
  /** SIGTERM to one instance, wait for it to drain and exit, start it again. */
  restart(index: number): Promise<RestartTimeline>;
  stop(): Promise<void>;
}

/**
 * n distinct free ports: every probe stays open until all are bound, so the
 * system cannot hand the same port out twice.
 */
async function freePorts(n: number): Promise<number[]> {
  const probes = Array.from({ length: n }, () => createServer());
  try {
    return await Promise.all(
      probes.map(
        (probe) =>
          new Promise<number>((resolve, reject) => {
            probe.once('error', reject);
            probe.listen(0, '127.0.0.1', () => {
              const address = probe.address();
              resolve(typeof address === 'object' && address ? address.port : 0);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      probes.map(
        (probe) =>
          new Promise<void>((resolve) => {
            if (probe.listening)
              probe.close(() => {
                resolve();
              });
            else resolve();
          }),
      ),
    );
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** The status of GET url, or 'refused' when nothing listens. */
async function probe(url: string): Promise<number | 'refused' | 'error'> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'refused' : 'error';
  }
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  child: ChildProcess | undefined,
  timeoutMs: number,
  logFile?: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${what}: the process exited with code ${child.exitCode}${logTail(logFile)}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** The last lines a process wrote to its log file, to quote in an error. */
function logTail(logFile: string | undefined): string {
  if (!logFile || !existsSync(logFile)) return '';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15);
  return `; its last output:\n${lines.join('\n')}`;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  const problems = clusterPrerequisites({ DATABASE_URL: opts.databaseUrl });
  if (problems.length > 0) throw new ClusterConfigError(problems.join('\n'));
  const ownDir = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'hegui-cluster-'));
  // nginx's workers may run as another user than its master: they write request bodies here.
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(dir, 'temp', sub), { recursive: true, mode: 0o1777 });
  const wanted = [opts.port ?? 0, ...(opts.appPorts ?? [0, 0])];
  const free = await freePorts(wanted.filter((p) => p === 0).length);
  const [port, ...appPorts] = wanted.map((p) => p || (free.shift() ?? 0));
  const logFile = (name: string): string | undefined =>
    opts.output === 'files' ? join(dir, `${name}.log`) : undefined;
  /** Runs spawn with the process's stdout and stderr going where opts.output says. */
  const spawnLogged = (name: string, command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess => {
    const file = logFile(name);
    const fd = file === undefined ? undefined : openSync(file, 'a');
    try {
      const out = fd ?? 'inherit';
      return spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', out, out] });
    } finally {
      if (fd !== undefined) closeSync(fd); // the child has its own copy
    }
  };
  const runnerArgs =
    opts.runner === 'dist'
      ? ['--enable-source-maps', join(projectRoot, 'dist', 'server', 'main.js')]
      : ['--import', 'tsx', join(projectRoot, 'server', 'main.ts')];

  const spawnApp = (id: string, appPort: number): ChildProcess =>
    spawnLogged(id, process.execPath, runnerArgs, {
      ...process.env,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...opts.env,
      DATABASE_URL: opts.databaseUrl,
      PORT: String(appPort),
      HOST: '127.0.0.1',
      INSTANCE_ID: id,
      // Only nginx on this machine talks to the instances.
      TRUST_PROXY: 'loopback',
    });

  const instances: Instance[] = appPorts.map((p, i) => {
    const id = `app-${i + 1}`;
    return { id, port: p, url: `http://127.0.0.1:${p}`, child: spawnApp(id, p) };
  });
  let nginx: ChildProcess | undefined;
  const killAll = (): void => {
    for (const inst of instances) inst.child.kill('SIGKILL');
    nginx?.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killAll);
    await Promise.all(
      instances.map(async (inst) => {
        inst.child.kill('SIGTERM');
        await exited(inst.child);
      }),
    );
    if (nginx) {
      nginx.kill('SIGQUIT'); // graceful: finishes what it is sending
      await exited(nginx);
    }
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await Promise.all(
      instances.map((inst) =>
        waitFor(
          `instance ${inst.id} on port ${inst.port}`,
          async () => (await probe(`${inst.url}/readyz`)) === 200,
          inst.child,
          120_000,
          logFile(inst.id),
        ),
      ),
    );
    writeFileSync(join(dir, 'nginx.conf'), nginxConf({ dir, listenPort: port, upstreamPorts: appPorts }));
    nginx = spawnLogged('nginx', NGINX, [
      '-p',
      dir,
      '-c',
      'nginx.conf',
      '-e',
      join(dir, 'error.log'),
      '-g',
      'daemon off;',
    ]);
    const url = `http://127.0.0.1:${port}`;
    await waitFor('nginx', async () => (await probe(`${url}/healthz`)) === 200, nginx, 15_000, join(dir, 'error.log'));

    const restart = async (index: number): Promise<RestartTimeline> => {
      const inst = instances[index];
      const t0 = performance.now();
      const at = (): number => Math.round(performance.now() - t0);
      const gone = exited(inst.child);
      inst.child.kill('SIGTERM');
      let readyz503Ms = -1;
      let refusedMs = -1;
      while (refusedMs < 0) {
        const status = await probe(`${inst.url}/readyz`);
        if (status === 503 && readyz503Ms < 0) readyz503Ms = at();
        if (status === 'refused') refusedMs = at();
        else await sleep(10);
      }
      await gone;
      const exitedMs = at();
      inst.child = spawnApp(inst.id, inst.port);
      await waitFor(
        `instance ${inst.id} restarting`,
        async () => (await probe(`${inst.url}/readyz`)) === 200,
        inst.child,
        120_000,
        logFile(inst.id),
      );
      return { readyz503Ms, refusedMs, exitedMs, readyAgainMs: at() };
    };
    return { url, dir, instances, restart, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
