// Which database the suite runs on: PostgreSQL when DATABASE_URL is set, else PGlite.
export type Backend = 'postgres' | 'pglite';
export const backend: Backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';
export const SNAPSHOT_ENV = 'HEGUI_TEST_PGLITE_SNAPSHOT';
