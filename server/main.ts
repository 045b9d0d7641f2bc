// Entry point: read config, open the database, migrate, import the checklist
// files as a version, listen.
import type { Server } from 'node:http';
import { openDb, DataDirLockedError } from '../db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from './app';
import { loadChecklists, formatProblem } from './catalogue/load';
import { CatalogueStore } from './catalogue/catalogue-store';
import { importCatalogue } from './catalogue/version-import';
import { readConfig } from './config';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  // Open the database while the checklist files are parsed: both take a while.
  const opening = openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    onPoolError: (err) => {
      logger.warn({ err: err.message }, 'database connection lost');
    },
  });
  opening.catch(() => undefined); // handled below; avoids an unhandled rejection meanwhile
  const loaded = loadChecklists(config.checklistsDir);
  if (!loaded.content) {
    for (const p of loaded.problems) logger.error(formatProblem(p));
    logger.fatal(
      `${loaded.problems.length} problem(s) in the checklist files; fix them (npm run checklists:check) and start again`,
    );
    await opening.then((db) => db.close()).catch(() => undefined);
    process.exitCode = 1;
    return;
  }

  let database;
  try {
    database = await opening;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      logger.fatal(err.message);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  const applied = await migrateToLatest(database.db);
  const { catalogue, created } = await importCatalogue(database.db, loaded.content);
  logger.info(
    {
      database: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
      migrations: applied,
      version: catalogue.version.id,
      newVersion: created,
      items: catalogue.itemCount,
    },
    'database ready',
  );

  const app = createApp({
    database,
    catalogues: new CatalogueStore(database.db, catalogue),
    logger,
    production: config.production,
  });
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ startupMs: Date.now() - started }, `Hegui is listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    server.close(() => {
      void database.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
