// What every command-line tool does the same way: run its main, turn the number
// it returns into the exit code, print an unexpected error as one line prefixed
// with the command's name (no stack trace), and open the configured database
// (PGlite under DATA_DIR, or DATABASE_URL) for one piece of work.
import { openDb, type DbHandle } from '../../db';
import { migrateToLatest } from '../../db/migrate';
import { readConfig, type Config } from '../config';

/** Runs main; its number (default 0) becomes the exit code, a throw prints `command: message` and exits 1. */
export function runTool(command: string, main: () => Promise<number | undefined>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      console.error(`${command}: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}

/** The value after `--name` on the command line, if given. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface DatabaseOptions {
  /** Bring the schema up to date first (tools that read or write app data). */
  readonly migrate?: boolean;
  readonly poolSize?: number;
}

/** Opens the configured database, runs use, and closes it whatever happens. */
export async function withDatabase<T>(
  use: (database: DbHandle, config: Config) => Promise<T>,
  options: DatabaseOptions = {},
): Promise<T> {
  const config = readConfig();
  const database = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: options.poolSize,
  });
  try {
    if (options.migrate) await migrateToLatest(database.db);
    return await use(database, config);
  } finally {
    await database.close();
  }
}
