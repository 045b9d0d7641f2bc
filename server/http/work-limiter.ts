// Bounds the CPU- and memory-heavy requests (verifying an uploaded report,
// rendering PDFs) one instance runs at once. A request waits for a slot in a
// short queue; beyond the queue it gets 503 with Retry-After at once, so a burst
// cannot stall /healthz or the answer saves of everyone else.
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

export interface WorkLimiterOptions {
  /** Requests running at once. */
  readonly concurrency: number;
  /** Requests waiting for a slot; one more is refused. */
  readonly queue: number;
  /** Seconds a refused client is told to wait. */
  readonly retryAfterSeconds: number;
}

export class WorkLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: WorkLimiterOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Express middleware: holds the request until a slot is free, releases it when the response ends. */
  readonly middleware: RequestHandler = (_req, res, next) => {
    const start = (): void => {
      this.running++;
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        this.running--;
        this.waiting.shift()?.();
      };
      res.on('close', release);
      res.on('finish', release);
      next();
    };
    if (this.running < this.options.concurrency) {
      start();
      return;
    }
    if (this.waiting.length >= this.options.queue) {
      res.set('Retry-After', String(this.options.retryAfterSeconds));
      next(new HttpError(503, { key: 'error.busy' }));
      return;
    }
    const entry = (): void => {
      res.off('close', abandon);
      start();
    };
    // A client that gives up while waiting leaves the queue.
    const abandon = (): void => {
      const i = this.waiting.indexOf(entry);
      if (i >= 0) this.waiting.splice(i, 1);
    };
    res.on('close', abandon);
    this.waiting.push(entry);
  };
}
