import { defineConfig } from 'vitest/config';
import { assertSupportedNode } from './src/runtime-guard.js';

assertSupportedNode();

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    // Each file gets its own database cloned from a migrated template, so files run in parallel.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
