// A TCP proxy to PostgreSQL that a test can cut (every connection dropped, new
// ones refused) and restore: what the app sees when the database restarts. Or it
// can turn into a black hole: connections stay open (new ones are accepted) but
// nothing is forwarded either way, what the app sees when a network path dies
// without a reset (a firewall dropping packets, a cable pulled between switches).
import { connect, createServer, type Server, type Socket } from 'node:net';

export class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private port = 0;
  private swallowing = false;
  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.swallowing = false;
    this.server = createServer((client) => {
      this.track(client);
      if (this.swallowing) {
        client.resume(); // read and drop: the peer sees an open connection that never answers
        return;
      }
      const upstream = connect(this.target.port, this.target.host);
      this.track(upstream);
      const pair = { client, upstream };
      this.pairs.add(pair);
      client.on('close', () => this.pairs.delete(pair));
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : this.port;
    return this.port;
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => s.destroy());
  }

  /** From now on nothing passes, on open connections or new ones, and nothing is closed. */
  blackHole(): void {
    this.swallowing = true;
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.resume();
      upstream.resume();
    }
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => {
      if (this.server)
        this.server.close(() => {
          resolve();
        });
      else resolve();
    });
    this.server = undefined;
  }

  /** The PostgreSQL URL with its host and port replaced by the proxy's. */
  static urlThrough(url: string, port: number): string {
    const u = new URL(url);
    u.host = `127.0.0.1:${port}`;
    return u.toString();
  }
}
