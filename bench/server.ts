// The server as production runs it: compiled once (npm run build), started with
// node from dist/, NODE_ENV=production. Shared by both benchmark scripts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Starts dist/server/main.js and resolves once /readyz answers 200. */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'server', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DRAIN_DELAY_MS: '0',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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
export async function baselineStartMs(port: number): Promise<number> {
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
