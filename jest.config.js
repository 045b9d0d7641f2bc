/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  testTimeout: 30000,
  // One worker per core (jest's default leaves one core to itself, which on a 2-core CI box means one
  // worker): the test files spend much of their time waiting on Chromium, PGlite and PostgreSQL.
  maxWorkers: '100%',
};
