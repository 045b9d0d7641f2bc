// The server as production runs it: compiled once (npm run build), started with
// node from dist/, NODE_ENV=production. Shared by both benchmark scripts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '..');

export interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly readyMs: number;
}

export function buildServer(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

/**
 * A port nothing listens on now. Fixed ports let a bench time a server left over
 * from an earlier run (or another bench) instead of the one it started.
 */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Servers this process started: stopped when it exits, even after a failed run. */
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** Starts dist/server/main.js on a free port and resolves once /readyz answers 200. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Running> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'server', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DRAIN_DELAY_MS: '0',
      // The bench stands in for a balancer: it gives each simulated company its own
      // X-Forwarded-For address, which the per-address limits must believe.
      TRUST_PROXY: 'loopback',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { child, url, readyMs: performance.now() - t0 };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function stopServer(r: Running): Promise<void> {
  if (r.child.exitCode !== null) return;
  await new Promise<void>((resolveStop) => {
    r.child.once('exit', () => {
      resolveStop();
    });
    r.child.kill('SIGTERM');
  });
}

/** The floor for any start: a bare node process with an http server, spawn → first 200. */
export async function baselineStartMs(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
    { stdio: 'ignore' },
  );
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) return performance.now() - t0;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill();
  }
}

/** Resident set of a process now (Linux VmRSS), in MB. */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Peak resident set of a process so far (Linux VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
