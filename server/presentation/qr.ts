// QR codes as inline SVG (no image request, allowed by the CSP, prints sharp).
import QRCode from 'qrcode';
import { Lru } from '../lib/lru';

const cache = new Lru<string, string>(500);

export async function qrSvg(url: string): Promise<string> {
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  // Drop the XML prolog if any; give the SVG a role so screen readers skip the pattern.
  const clean = svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace('<svg ', '<svg class="qr" role="img" aria-hidden="true" focusable="false" ');
  cache.set(url, clean);
  return clean;
}

/** A PNG for documents (PDF, DOCX) that cannot take SVG. */
export async function qrPng(url: string, width = 240): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', margin: 1, width, errorCorrectionLevel: 'M' });
}
