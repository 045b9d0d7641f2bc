// Graceful shutdown for an instance behind a load balancer. On SIGTERM the
// instance first says it is not ready (/readyz 503) while it keeps serving, so a
// balancer that polls /readyz stops sending it work; then it stops accepting
// connections (a balancer that does not poll, like nginx's passive checks, gets
// "connection refused" and passes the request to the next instance before
// anything was sent); the requests already in flight finish; then it exits.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

/** Whether this process is shutting down, and the responses still open. Shared by main.ts and /readyz. */
export class DrainState {
  private startedAt: number | undefined;
  private readonly open = new Set<ServerResponse>();

  get draining(): boolean {
    return this.startedAt !== undefined;
  }

  /** Requests received whose response has not finished yet. */
  get inFlight(): number {
    return this.open.size;
  }

  start(): void {
    if (this.startedAt !== undefined) return;
    this.startedAt = Date.now();
    // Requests already in flight close their connection too once answered.
    for (const res of this.open) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  track(res: ServerResponse): void {
    this.open.add(res);
    res.once('close', () => this.open.delete(res));
  }
}

export interface DrainOptions {
  /** How long /readyz answers 503 before the listener closes (time for a polling balancer to notice). */
  readonly delayMs: number;
  /** After this long, connections still open are cut and the drain gives up waiting. */
  readonly timeoutMs: number;
  readonly log?: (message: string, fields?: Record<string, unknown>) => void;
}

export type DrainOutcome = 'drained' | 'timed-out';

/**
 * Wraps the app's request listener: counts requests in flight and, while draining,
 * makes every response close its connection, so kept-alive clients reconnect (to
 * another instance) for their next request.
 */
export function drainAware(listener: RequestListener, state: DrainState): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    state.track(res);
    if (state.draining) res.setHeader('Connection', 'close');
    listener(req, res);
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the drain: not ready → stop accepting → wait for in-flight requests (bounded) → resolved. */
export async function drainServer(server: Server, state: DrainState, opts: DrainOptions): Promise<DrainOutcome> {
  state.start();
  opts.log?.('draining: /readyz answers 503', { delayMs: opts.delayMs });
  if (opts.delayMs > 0) await sleep(opts.delayMs);
  const closed = new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  // Idle kept-alive connections would otherwise hold the close open until they time out.
  server.closeIdleConnections();
  opts.log?.('draining: listener closed, waiting for requests in flight');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    closed.then((): DrainOutcome => 'drained'),
    new Promise<DrainOutcome>((resolve) => {
      timer = setTimeout(() => {
        resolve('timed-out');
      }, opts.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === 'timed-out') server.closeAllConnections();
  return outcome;
}
