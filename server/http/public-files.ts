// Files anyone may download without logging in that depend only on the
// checklist version, the language and the site's address (domain handouts, the
// offline deck, the checklist as XLSX) are rendered once per key and served from
// memory with an ETag, so twenty people opening the same handout cost one render.
// Concurrent requests for a file not yet rendered wait for the same render; a
// render that fails (or is refused because too many are running) is not kept.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Lru } from '../lib/lru';
import type { WorkLimiter } from './work-limiter';

export interface RenderedFile {
  readonly body: Buffer;
  /** Content-Type. */
  readonly type: string;
  /** Sent as Content-Disposition: attachment; undefined → shown inline. */
  readonly attachment?: string;
}

interface CachedFile extends RenderedFile {
  readonly etag: string;
}

export interface PublicFileKey {
  /** The checklist version's content hash. */
  readonly version: string;
  readonly lang: string;
  /** The origin absolute links in the file point to. */
  readonly origin: string;
  /** Which file: the route and its parameters. */
  readonly name: string;
}

export class PublicFileCache {
  private readonly files: Lru<string, Promise<CachedFile>>;
  private rendered = 0;

  /** `limit` files are kept (a handout PDF is 0.1–1 MB); renders take a slot of `renders`. */
  constructor(
    private readonly renders: WorkLimiter,
    limit = 100,
  ) {
    this.files = new Lru(limit);
  }

  /** How many files have been rendered so far (cache misses). */
  get renderCount(): number {
    return this.rendered;
  }

  private file(key: PublicFileKey, render: () => Promise<RenderedFile>): Promise<CachedFile> {
    const id = JSON.stringify([key.version, key.lang, key.origin, key.name]);
    let file = this.files.get(id);
    if (!file) {
      file = this.renders.run(async () => {
        this.rendered += 1;
        const rendered = await render();
        return {
          ...rendered,
          etag: `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 27)}"`,
        };
      });
      this.files.set(id, file);
      file.catch(() => {
        this.files.delete(id);
      });
    }
    return file;
  }

  /** Sends the file (304 when the client has it), rendering it first if no one has yet. */
  async send(req: Request, res: Response, key: PublicFileKey, render: () => Promise<RenderedFile>): Promise<void> {
    const file = await this.file(key, render);
    res.set('ETag', file.etag);
    res.set('Cache-Control', 'public, max-age=300, must-revalidate');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    sendFile(res, file);
  }
}

/** Sends a rendered file as it is (names are ASCII: hegui-XF-handout.pdf). */
export function sendFile(res: Response, file: RenderedFile): void {
  if (file.attachment) res.set('Content-Disposition', `attachment; filename="${file.attachment}"`);
  res.type(file.type).send(file.body);
}
