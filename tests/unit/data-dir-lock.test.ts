import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, openDb } from '../../db';

// Opening PGlite on disk runs initdb (a few seconds).
jest.setTimeout(60000);

describe('the embedded database folder', () => {
  let holder: ChildProcess | undefined;
  afterEach(() => {
    holder?.kill();
    holder = undefined;
  });

  it('is refused with a clear message while another live process holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hegui-lock-'));
    holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(join(dir, 'hegui.lock'), String(holder.pid));
    await expect(openDb({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
    await expect(openDb({ dataDir: dir })).rejects.toThrow(`already in use by process ${holder.pid}`);
  });

  it('is taken over from a process that has exited, kept on disk and released on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'hegui-lock-')), 'nested', 'data');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const handle = await openDb({ dataDir: dir }); // creates the missing parent folders
    expect(readFileSync(join(dir, 'hegui.lock'), 'utf8')).toBe(String(process.pid));
    await handle.db.schema.createTable('probe').addColumn('id', 'integer').execute();
    await handle.close();
    expect(existsSync(join(dir, 'hegui.lock'))).toBe(false);

    writeFileSync(join(dir, 'hegui.lock'), String(gone.pid));
    const reopened = await openDb({ dataDir: dir });
    const tables = await reopened.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toContain('probe');
    await reopened.close();
  });
});
