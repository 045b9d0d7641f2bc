// An event for the hash-chained audit log, and the one way areas write it. The
// audit area implements the writer; server/app.ts hands it to the areas that
// change state, so none of them imports the audit area.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly payload?: Record<string, unknown>;
}

/** Appends an event inside the caller's transaction; resolves to the event's hash. */
export type AppendAudit = (tx: Transaction<Database>, input: AuditInput) => Promise<string>;
