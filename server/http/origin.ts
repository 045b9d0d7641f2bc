// The origin absolute links (deck QR codes, invitation links, report verify
// links) are built on: PUBLIC_URL when configured, else the request's own host
// with the scheme only ever http or https — a forwarded "javascript" or a
// host with markup in it never reaches a link.
import type { Express, Request } from 'express';

const PUBLIC_URL = 'hegui public url';
const HOST = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

export function setPublicUrl(app: Express, publicUrl: string | undefined): void {
  app.set(PUBLIC_URL, publicUrl);
}

export function originOf(req: Request): string {
  const configured = req.app.get(PUBLIC_URL) as string | undefined;
  if (configured) return configured;
  const scheme = req.protocol === 'https' ? 'https' : 'http';
  const host = req.get('host') ?? '';
  return `${scheme}://${HOST.test(host) ? host : 'localhost'}`;
}
