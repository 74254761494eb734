import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { assertSupportedNode } from './src/runtime-guard.js';

assertSupportedNode();

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds; Node (Apollo, type-graphql) loads the CommonJS one, so the
    // code under test must too, or schema objects fail graphql's "from another module or realm" check.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
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
