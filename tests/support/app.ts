// Builds the real app on a fresh database with the given (or real) checklist content.
import { resolve } from 'node:path';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../server/app';
import { Catalogue } from '../../server/catalogue/catalogue';
import { loadChecklistsOrThrow } from '../../server/catalogue/load';
import type { ChecklistContent } from '../../server/domain/checklist';
import { CatalogueStore } from '../../server/catalogue/catalogue-store';
import { importCatalogue } from '../../server/catalogue/version-import';
import { createLogger } from '../../server/logger';
import { freshDb, type TestDb } from './db';

export const checklistsDir = resolve(__dirname, '..', '..', 'checklists');

let realContent: ChecklistContent | undefined;
export function realChecklists(): ChecklistContent {
  realContent ??= loadChecklistsOrThrow(checklistsDir);
  return realContent;
}

export interface TestApp {
  readonly app: Express;
  readonly db: TestDb;
  readonly store: CatalogueStore;
  readonly catalogue: Catalogue;
  readonly close: () => Promise<void>;
}

export async function startTestApp(
  content: ChecklistContent = realChecklists(),
  options: Pick<AppDeps, 'renderLimits' | 'publicFiles' | 'limits'> = {},
): Promise<TestApp> {
  const db = await freshDb();
  const { catalogue } = await importCatalogue(db.db, content);
  const store = new CatalogueStore(db.db, catalogue);
  // Tests stand for many firms on many addresses through X-Forwarded-For, as behind a proxy on loopback.
  const app = createApp({
    database: db,
    catalogues: store,
    logger: createLogger('silent'),
    production: false,
    trustProxy: 'loopback',
    ...options,
  });
  return { app, db, store, catalogue, close: () => db.drop() };
}
