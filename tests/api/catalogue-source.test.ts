// A restart with the same checklist files reads the version back from the
// database instead of parsing and validating the YAML again; any change to a
// file is validated as before, and a broken file is still refused.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checklistSourceHash, openCatalogue } from '../../server/catalogue/source-cache';
import { checklistsDir } from '../support/app';
import { freshDb, type TestDb } from '../support/db';

jest.setTimeout(60_000);

let db: TestDb;
let dir: string;
beforeAll(async () => {
  db = await freshDb();
  dir = mkdtempSync(join(tmpdir(), 'hegui-checklists-'));
  cpSync(checklistsDir, dir, { recursive: true });
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('parses the files on the first start and reads the same version back, unparsed, on the next', async () => {
  const first = await openCatalogue(db.db, dir);
  if ('problems' in first) throw new Error(first.problems.join('\n'));
  expect(first).toMatchObject({ parsed: true, created: true });
  const again = await openCatalogue(db.db, dir);
  if ('problems' in again) throw new Error(again.problems.join('\n'));
  expect(again).toMatchObject({ parsed: false, created: false });
  expect(again.catalogue.version).toEqual(first.catalogue.version);
  expect(again.catalogue.itemCount).toBe(first.catalogue.itemCount);
  expect(again.catalogue.item('AQ-001')).toEqual(first.catalogue.item('AQ-001'));
});

it('validates the files again when one of them changed, even by a comment', async () => {
  const before = checklistSourceHash(dir);
  appendFileSync(join(dir, 'domains', '01-aq.yaml'), '\n# 注释：不改变内容\n');
  expect(checklistSourceHash(dir)).not.toBe(before);
  const opened = await openCatalogue(db.db, dir);
  if ('problems' in opened) throw new Error(opened.problems.join('\n'));
  // Same content, so the same version; but the files were read and checked.
  expect(opened).toMatchObject({ parsed: true, created: false });
});

it('refuses a broken file instead of serving the version imported before', async () => {
  const file = join(dir, 'domains', '03-xf.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^code: XF$/m, 'code: xf'));
  const opened = await openCatalogue(db.db, dir);
  expect('problems' in opened && opened.problems.join('\n')).toMatch(/03-xf\.yaml/);
});
