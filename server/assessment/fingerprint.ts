import { createHash } from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json';

/** SHA-256 of the report's canonical JSON (RFC 8785 key order; no floats beyond 4 decimals). */
export function fingerprintOf(report: unknown): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}
