import { defineConfig } from 'vitest/config';

// Integration tests run against the real PostgreSQL and Redis (see tests/support/env.ts).
// Each test file gets its own database cloned from a migrated template, so files run in parallel.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
