// npm run seed:demo -- --orgs N [--seed S] [--shared 0.3] [--full-reports|--light]
// Demo organisations and submitted assessments for the regulator dashboard
// (see server/regulator/seed.ts for the answer patterns and the light rows).
import { openDb } from '../../db';
import { migrateToLatest } from '../../db/migrate';
import { loadChecklistsOrThrow } from '../catalogue/load';
import { importCatalogue } from '../catalogue/versions';
import { readConfig } from '../config';
import { seedDemo } from '../regulator/seed';

const USAGE = 'usage: npm run seed:demo -- --orgs N [--seed S] [--shared 0.3] [--full-reports | --light]';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const orgs = Number(arg('--orgs') ?? 200);
  const seed = arg('--seed') === undefined ? Date.now() % 2147483647 : Number(arg('--seed'));
  const sharedShare = Number(arg('--shared') ?? 0.3);
  if (!Number.isInteger(orgs) || orgs < 1 || orgs > 1_000_000 || !Number.isFinite(seed) || !(sharedShare >= 0 && sharedShare <= 1)) {
    console.error(USAGE);
    return 2;
  }
  // Real reports cost ~100 kB each: by default only for small demos.
  const fullReports = process.argv.includes('--full-reports') || (!process.argv.includes('--light') && orgs <= 4000);
  const config = readConfig();
  const database = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const { catalogue } = await importCatalogue(database.db, loadChecklistsOrThrow(config.checklistsDir));
    const started = Date.now();
    const result = await seedDemo(database.db, catalogue, {
      orgs, seed, sharedShare, fullReports,
      onProgress: (done, total) => { if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} organisations`); },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`seeded ${result.orgs} organisations, ${result.assessments} submitted assessments (${result.shared} shared), ${result.answers} answers in ${secs} s` +
      `${fullReports ? ' with full reports' : ' (light rows: no report JSON, fingerprints "demo-…")'}, checklist v${catalogue.version.id}`);
    console.log('Log in as a regulator (npm run user:create -- --role regulator …) and open /regulator.');
    return 0;
  } finally {
    await database.close();
  }
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; });
