import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one real API (as `npm start` runs it, embedded PostgreSQL and S3, demo data) for
 * the whole run, Debian's Chromium driven by playwright-core. Files run one after another: on two
 * cores a second browser only makes both slower.
 */
export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
