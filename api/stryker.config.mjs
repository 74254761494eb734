// Mutation testing of the access module and the download policy (src/policy/): `npm run mutation`.
// Not part of CI: a run takes minutes. Stryker copies the repository into .stryker-tmp/ (the api
// needs ../migrations), so it runs from the root: `npm run mutation` changes there first.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'api/vitest.policy.config.ts' },
  mutate: ['api/src/policy/**/*.ts'],
  // Each mutant reruns only the tests that reached it.
  coverageAnalysis: 'perTest',
  // The machine is shared: two workers, each with one vitest fork.
  concurrency: 2,
  ignorePatterns: ['/admin', '/client', '/bench', '/schema', '/reports', '/coverage', '/artifacts', '/test-results'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/policy.html' },
  jsonReporter: { fileName: 'reports/mutation/policy.json' },
  thresholds: { high: 90, low: 80, break: null },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
