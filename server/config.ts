// Configuration comes from environment variables only (listed in the README).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** What one account may keep at once, so that no account can grow the database (and its pages) without end. */
export interface AccountLimits {
  /** Unsubmitted drafts one organisation may have open (MAX_OPEN_DRAFTS_PER_ORG). */
  readonly openDraftsPerOrg: number;
  /** Custom decks one lecturer may keep (MAX_DECKS_PER_LECTURER). */
  readonly decksPerLecturer: number;
}

export const DEFAULT_ACCOUNT_LIMITS: AccountLimits = { openDraftsPerOrg: 20, decksPerLecturer: 200 };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Set → real PostgreSQL; unset → embedded PGlite under dataDir. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** Connections per app instance to PostgreSQL (unused with PGlite). */
  readonly dbPoolSize: number;
  /** PostgreSQL: statement_timeout of every session; the client gives up on a silent connection 2 s later. */
  readonly statementTimeoutMs: number;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  readonly checklistsDir: string;
  /** Ed25519 key (PKCS#8 PEM or base64 DER) signing audit checkpoints; unset → a key file in dataDir. */
  readonly auditSigningKey?: string;
  /** Express's "trust proxy": false unless TRUST_PROXY names the proxies (hops, or addresses/CIDRs/loopback…). */
  readonly trustProxy: boolean | number | string;
  /** The address people reach the service at (https://hegui.example.cn): absolute links and QR codes. */
  readonly publicUrl?: string;
  /** Sent as X-Hegui-Instance on every response when set (which instance served it, behind a balancer). */
  readonly instanceId?: string;
  /** On SIGTERM: how long /readyz answers 503 before the listener closes. */
  readonly drainDelayMs: number;
  /** On SIGTERM: how long requests in flight may take before their connections are cut. */
  readonly shutdownTimeoutMs: number;
  readonly limits: AccountLimits;
  /** PDF/DOCX/XLSX renders running at once (RENDER_CONCURRENCY) and waiting (RENDER_QUEUE); more get 503. */
  readonly renderLimits: RenderLimits;
}

export interface RenderLimits {
  readonly concurrency: number;
  readonly queue: number;
}

/** A whole-number setting from min to max; unset or empty → the fallback. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${env[name]}"`);
  return value;
}

/** TRUST_PROXY: unset or "false" → trust nobody; a whole number → that many hops; else express's list syntax. */
function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^[0-9]+$/.test(v)) return Number(v);
  if (!/^[0-9a-fA-F:.,/ a-z]+$/.test(v))
    throw new Error(
      `TRUST_PROXY must be a number of hops or a list of addresses, CIDRs, loopback, linklocal, uniquelocal; got "${v}"`,
    );
  return v;
}

/** PUBLIC_URL: an http(s) origin, optionally with a path prefix; returned without the trailing slash. */
function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`PUBLIC_URL must start with http:// or https://, got "${value}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The folder holding package.json: the same from server/ under tsx and from dist/server/ when built. */
export const projectRoot = ((): string => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(__dirname, '..');
  }
})();

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = wholeNumber(env, 'PORT', 3000, 0, 65535);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const dbPoolSize = wholeNumber(env, 'DB_POOL_SIZE', 10, 1, 1000);
  const statementTimeoutMs = wholeNumber(env, 'STATEMENT_TIMEOUT_MS', 10_000, 1, 3_600_000);
  const drainDelayMs = wholeNumber(env, 'DRAIN_DELAY_MS', 1000, 0, 600_000);
  const shutdownTimeoutMs = wholeNumber(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 1, 600_000);
  return {
    port,
    renderLimits: {
      concurrency: wholeNumber(env, 'RENDER_CONCURRENCY', availableParallelism(), 1, 256),
      queue: wholeNumber(env, 'RENDER_QUEUE', 16, 0, 10_000),
    },
    drainDelayMs,
    shutdownTimeoutMs,
    instanceId: env.INSTANCE_ID || undefined,
    dbPoolSize,
    statementTimeoutMs,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? resolve(projectRoot, 'data')),
    production: env.NODE_ENV === 'production',
    logLevel,
    checklistsDir: resolve(env.CHECKLISTS_DIR ?? resolve(projectRoot, 'checklists')),
    auditSigningKey: env.AUDIT_SIGNING_KEY || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    limits: {
      openDraftsPerOrg: wholeNumber(
        env,
        'MAX_OPEN_DRAFTS_PER_ORG',
        DEFAULT_ACCOUNT_LIMITS.openDraftsPerOrg,
        1,
        1_000_000,
      ),
      decksPerLecturer: wholeNumber(
        env,
        'MAX_DECKS_PER_LECTURER',
        DEFAULT_ACCOUNT_LIMITS.decksPerLecturer,
        1,
        1_000_000,
      ),
    },
  };
}
