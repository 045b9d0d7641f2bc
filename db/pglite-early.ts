// Imported first by server/main.ts: when the embedded database will be used
// (no DATABASE_URL), PGlite's 9 MB WebAssembly module starts compiling now, on
// V8's background threads, while the main thread is still loading the app's
// modules; openDb then hands the compiled module to PGlite instead of having it
// read and compile the file later, on the start-up's critical path.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let compiling: Promise<WebAssembly.Module> | undefined;

function startPgliteCompile(): void {
  if (compiling) return;
  try {
    const dist = dirname(require.resolve('@electric-sql/pglite'));
    compiling = WebAssembly.compile(readFileSync(join(dist, 'pglite.wasm')));
    compiling.catch(() => undefined); // PGlite then compiles it itself
  } catch {
    compiling = undefined;
  }
}

/** The module compiled ahead, if startPgliteCompile ran and it succeeded. */
export async function precompiledPglite(): Promise<WebAssembly.Module | undefined> {
  return compiling?.catch(() => undefined);
}

if (!process.env.DATABASE_URL) startPgliteCompile();
