import type { Kysely } from 'kysely';

// Filled in by the area that owns it; kept frozen once released.
export async function up(_db: Kysely<unknown>): Promise<void> {
  // nothing yet
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // nothing yet
}
