// Bounds the CPU- and memory-heavy requests (verifying an uploaded report,
// rendering PDF/DOCX/XLSX files) one instance runs at once. A request waits for
// a slot in a short queue; beyond the queue it gets 503 with Retry-After at once,
// so a burst cannot stall /healthz or the answer saves of everyone else.
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

type Release = () => void;

export class WorkLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: WorkLimiterOptions) {}

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** 503 with Retry-After (the error handler sends the header). */
  private busy(): HttpError {
    return new HttpError(503, { key: 'error.busy' }, undefined, this.options.retryAfterSeconds);
  }

  private take(): Release {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }

  /**
   * A slot now, a place in the queue, or undefined when the queue is full.
   * `abandoned` lets a queued caller that gave up leave the queue.
   */
  private acquire(abandoned?: (leave: () => void) => void): Promise<Release> | undefined {
    if (this.running < this.options.concurrency) return Promise.resolve(this.take());
    if (this.waiting.length >= this.options.queue) return undefined;
    return new Promise<Release>((resolve) => {
      const entry = (): void => {
        resolve(this.take());
      };
      this.waiting.push(entry);
      abandoned?.(() => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
      });
    });
  }

  /** Runs work in a slot (waiting for one in the queue); throws the 503 when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const slot = this.acquire();
    if (!slot) throw this.busy();
    const release = await slot;
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Express middleware: holds the request until a slot is free, releases it when the response ends. */
  readonly middleware: RequestHandler = (_req, res, next) => {
    let gaveUp = false;
    const slot = this.acquire((leave) => {
      // A client that gives up while waiting leaves the queue.
      res.once('close', () => {
        gaveUp = true;
        leave();
      });
    });
    if (!slot) {
      res.set('Retry-After', String(this.options.retryAfterSeconds));
      next(this.busy());
      return;
    }
    void slot.then((release) => {
      if (gaveUp) {
        release();
        return;
      }
      res.on('close', release);
      res.on('finish', release);
      next();
    });
  };
}
