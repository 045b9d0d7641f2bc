// Random bearer tokens (session cookies, invitations, API tokens, deck links) and
// the hash under which the database keeps them: a stolen table holds no usable token.
import { createHash, randomBytes } from 'node:crypto';

export const randomToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
