// The Ed25519 key that signs audit checkpoints. It lives outside the database
// (AUDIT_SIGNING_KEY, or a file in the data folder created on first start), so
// whoever can rewrite the audit rows cannot also forge a checkpoint.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in each checkpoint. */
  readonly keyId: string;
  /** The public key as base64 SPKI DER, to print beside a signed head. */
  readonly publicKeyBase64: string;
}

export const SIGNING_KEY_FILE = 'audit-signing-key.pem';

class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError('the audit signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    keyId: createHash('sha256').update(spki).digest('hex').slice(0, 16),
    publicKeyBase64: spki.toString('base64'),
  };
}

/** A PKCS#8 PEM, or the same DER in base64 on one line (handier in an environment variable). */
export function parseSigningKey(text: string, source = 'AUDIT_SIGNING_KEY'): SigningKey {
  const trimmed = text.trim();
  try {
    const privateKey = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    return fromPrivateKey(privateKey);
  } catch (err) {
    if (err instanceof SigningKeyError) throw err;
    throw new SigningKeyError(`${source} is not an Ed25519 private key (PKCS#8 PEM, or its DER in base64)`);
  }
}

/** AUDIT_SIGNING_KEY if set; else DATA_DIR/audit-signing-key.pem, created (mode 0600) when missing. */
export function loadSigningKey(options: { readonly envKey?: string; readonly dataDir: string }): SigningKey {
  if (options.envKey) return parseSigningKey(options.envKey);
  const path = join(options.dataDir, SIGNING_KEY_FILE);
  if (existsSync(path)) return parseSigningKey(readFileSync(path, 'utf8'), path);
  mkdirSync(options.dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written whole under a name of our own, then linked into place: link() is
  // atomic and fails when the name exists, so instances starting together on a
  // new folder never read a half-written key, and all end up with one key.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, pem, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (err) {
    // Another process linked its key first: use that one.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return parseSigningKey(readFileSync(path, 'utf8'), path);
    throw err;
  } finally {
    unlinkSync(draft);
  }
  return fromPrivateKey(privateKey);
}
