// A fresh, migrated database per test file on the backend under test.
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { openDb, type DbHandle } from '../../db';
import { migrateToLatest } from '../../db/migrate';
import { backend, SNAPSHOT_ENV } from './backend';

export interface TestDb extends DbHandle {
  /** For PostgreSQL: the URL of this file's own database. */
  readonly url?: string;
  readonly drop: () => Promise<void>;
}

let counter = 0;

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDb(): Promise<TestDb> {
  if (backend === 'postgres') {
    counter += 1;
    const name = `hegui_test_${process.pid}_${Date.now().toString(36)}_${counter}`;
    await adminQuery(`create database ${name}`);
    const url = databaseUrlFor(name);
    const handle = await openDb({ databaseUrl: url, poolSize: 4 });
    await migrateToLatest(handle.db);
    let dropped = false;
    return {
      ...handle,
      url,
      drop: async () => {
        if (dropped) return;
        dropped = true;
        await handle.close().catch(() => undefined);
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const snapshot = process.env[SNAPSHOT_ENV];
  const loadDataDir = snapshot ? new Blob([readFileSync(snapshot)]) : undefined;
  const handle = await openDb({ loadDataDir });
  await migrateToLatest(handle.db);
  let closed = false;
  return {
    ...handle,
    drop: async () => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    },
  };
}
