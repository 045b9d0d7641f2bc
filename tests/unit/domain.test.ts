// The shared vocabulary: one list per word, the lists the schema and the database
// already enforce, and the domain's own rule on answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_STATUSES, ANSWER_STATUSES, statusCarriesAction } from '../../server/domain/answer-status';
import { CONSEQUENCES, LENIENCY_KINDS } from '../../server/domain/checklist';
import { INDUSTRY_CODES, industryLabel, isOrgSize, ORG_SIZES } from '../../server/domain/organisation';
import { isRole, REGULATOR_ROLES, ROLES } from '../../server/domain/roles';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'checklists/schema/domain.schema.json'), 'utf8')) as {
  $defs: {
    penalty: { properties: { consequences: { items: { enum: string[] } } } };
    leniency: { properties: { kind: { enum: string[] } } };
  };
};
const firstMigration = readFileSync(join(root, 'db/migrations/0002-accounts-assessments.ts'), 'utf8');

describe('the shared vocabulary', () => {
  test('only 不符合 and 不确定 carry an action', () => {
    expect(ANSWER_STATUSES.filter(statusCarriesAction)).toEqual(['non_compliant', 'unsure']);
    expect(ACTION_STATUSES).toEqual(['non_compliant', 'unsure']);
    expect(statusCarriesAction('maybe')).toBe(false);
  });

  test('answer statuses and sizes are the ones the database accepts, in the order the forms show them', () => {
    expect(firstMigration).toContain(`status in (${ANSWER_STATUSES.map((s) => `'${s}'`).join(', ')})`);
    expect(firstMigration).toContain(`size in (${ORG_SIZES.map((s) => `'${s}'`).join(', ')})`);
    expect(ORG_SIZES).toEqual(['large', 'medium', 'small', 'micro']);
    expect(isOrgSize('micro')).toBe(true);
    expect(isOrgSize('tiny')).toBe(false);
  });

  test('consequences and leniency kinds are the checklist schema’s', () => {
    expect([...CONSEQUENCES]).toEqual(schema.$defs.penalty.properties.consequences.items.enum);
    expect([...LENIENCY_KINDS]).toEqual(schema.$defs.leniency.properties.kind.enum);
  });

  test('industries are the 20 门类 A–T of GB/T 4754-2017', () => {
    expect(INDUSTRY_CODES.join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryLabel('C')).toBe('C 制造业');
    expect(industryLabel('Z')).toBe('Z');
  });

  test('roles', () => {
    expect(ROLES).toEqual(['company', 'lecturer', 'regulator', 'admin']);
    expect(REGULATOR_ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
