// A TCP proxy to PostgreSQL that a test can cut (every connection dropped, new
// ones refused) and restore: what the app sees when the database restarts.
import { connect, createServer, type Server, type Socket } from 'node:net';

export class CuttableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : this.port;
    return this.port;
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
