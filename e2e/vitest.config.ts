import { defineConfig } from 'vitest/config';

/**
 * Browser tests: one real API (as `npm start` runs it, embedded PostgreSQL and S3, demo data) for
 * the whole run, Debian's Chromium driven by playwright-core. Files run one after another in one
 * worker that keeps its modules from file to file (isolate: false): playwright-core, sharp, axe-core
 * and the apps' texts are imported once, and the worker's one Chromium (support/browser.ts) serves
 * every file, each test in a context of its own. Two files at a time were measured no faster here
 * while the two cores were busy; measure again on a quiet machine before turning it on.
 */
export default defineConfig({
  test: {
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    fileParallelism: false,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
