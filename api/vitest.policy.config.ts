import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The focused, fast suite for mutation testing of `src/policy/` (stryker.config.mjs): the policy's own
 * unit tests, nothing over HTTP. `npm test` runs the same files with every other test.
 */
export default defineConfig({
  ...base,
  // Stryker runs from the repository root (its sandbox needs ../migrations); the tests' root is here.
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    ...base.test,
    include: ['test/policy/**/*.test.ts'],
    // The database only: the policy's tests use no object storage.
    globalSetup: ['test/policy/global-setup.ts'],
  },
});
