// Entry point: read config, open the database, migrate, import the checklist
// files as a version, listen.
// First: starts compiling the embedded database's WebAssembly while the rest loads.
import '../db/pglite-early';
import { createServer } from 'node:http';
import { openDb, DataDirLockedError } from '../db';
import { migrateToLatest } from '../db/migrate';
import { createApp } from './app';
import { startCheckpointSchedule } from './audit/checkpoint-schedule';
import { loadSigningKey } from './audit/signing-key';
import { CatalogueStore } from './catalogue/catalogue-store';
import { openCatalogue } from './catalogue/source-cache';
import { readConfig } from './config';
import { DrainState, drainAware, drainServer } from './http/drain';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  let database;
  try {
    database = await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      onPoolError: (err) => {
        logger.warn({ err: err.message }, 'database connection lost');
      },
    });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      logger.fatal(err.message);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  const applied = await migrateToLatest(database.db);
  // The same files as last time come back from the database without parsing them again.
  const opened = await openCatalogue(database.db, config.checklistsDir);
  if ('problems' in opened) {
    for (const problem of opened.problems) logger.error(problem);
    logger.fatal(
      `${opened.problems.length} problem(s) in the checklist files; fix them (npm run checklists:check) and start again`,
    );
    await database.close().catch(() => undefined);
    process.exitCode = 1;
    return;
  }
  const { catalogue, created, parsed } = opened;
  logger.info(
    {
      database: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
      migrations: applied,
      version: catalogue.version.id,
      newVersion: created,
      checklistFilesParsed: parsed,
      items: catalogue.itemCount,
    },
    'database ready',
  );

  const stopCheckpoints = startCheckpointSchedule(
    database.db,
    loadSigningKey({ envKey: config.auditSigningKey, dataDir: config.dataDir }),
    logger,
  );
  const drain = new DrainState();
  const app = createApp({
    database,
    catalogues: new CatalogueStore(database.db, catalogue),
    logger,
    production: config.production,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    limits: config.limits,
    renderLimits: config.renderLimits,
    drain,
  });
  const instanceId = config.instanceId;
  const server = createServer(
    drainAware(
      instanceId
        ? (req, res) => {
            res.setHeader('X-Hegui-Instance', instanceId);
            app(req, res);
          }
        : app,
      drain,
    ),
  );
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ startupMs: Date.now() - started }, `Hegui is listening on http://localhost:${port}`);
    // Segment the checklist for search now rather than on the first search (~0.5 s, once per version).
    setImmediate(() => catalogue.searchIndexOf());
  });

  // SIGTERM: /readyz 503 first, then stop accepting, let requests in flight finish, close the database.
  const stop = (signal: string): void => {
    stopCheckpoints();
    if (drain.draining) return;
    logger.info({ inFlight: drain.inFlight }, `${signal} received, draining`);
    // Last resort if closing the database hangs too.
    setTimeout(() => process.exit(1), config.drainDelayMs + config.shutdownTimeoutMs + 5000).unref();
    void drainServer(server, drain, {
      delayMs: config.drainDelayMs,
      timeoutMs: config.shutdownTimeoutMs,
      log: (message, fields) => {
        logger.info({ ...fields, inFlight: drain.inFlight }, message);
      },
    })
      .then(async (outcome) => {
        if (outcome === 'timed-out') logger.warn({ inFlight: drain.inFlight }, 'requests still in flight were cut');
        await database.close();
        logger.info('stopped');
      })
      .catch((err: unknown) => {
        logger.error({ err: String(err) }, 'shutdown failed');
      })
      .finally(() => process.exit(0));
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
