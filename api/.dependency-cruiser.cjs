/**
 * Which layer of api/src may import which (issue 11, item 7). Checked in `npm test` by
 * test/import-rules.test.ts, which also proves each rule fires on a deliberate breach; for a
 * readable report run `npm run lint:imports -w api`.
 *
 *   config.ts, shared/, storage/, the base: import nothing from modules/ (types included) and
 *   queue/                        nothing from the edges
 *   policy/                       decides over the persistence model: of modules/ it may import the
 *                                 entity files only (*.entity.ts: classes for its set-based
 *                                 loaders, types for its rules), never a service, resolver or type
 *   modules/                      services and resolvers; never http/, and errors and connection
 *                                 helpers come from shared/, not graphql/
 *   graphql/, http/               the edges: whatever they need, but not each other's insides
 */
const BASE = '^src/(config\\.ts$|shared/|storage/|queue/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'base-not-on-modules',
      comment: 'config.ts, shared/ and storage/ are below every module: they import none, not even a type. Move what both need into shared/ (shared/domain/ for enums and the like).',
      severity: 'error',
      from: { path: BASE },
      to: { path: '^src/modules/' },
    },
    {
      name: 'policy-only-on-entities',
      comment: 'policy/ may use the persistence model (modules/**/*.entity.ts) and nothing else of a module: no service, resolver or GraphQL type.',
      severity: 'error',
      from: { path: '^src/policy/' },
      to: { path: '^src/modules/', pathNot: '\\.entity\\.ts$' },
    },
    {
      name: 'entities-only-on-entities',
      comment: 'An entity imports only other entities (and types): policy/ may import entities, so they must not pull a service in behind them.',
      severity: 'error',
      from: { path: '^src/modules/.+\\.entity\\.ts$' },
      to: { path: '^src/modules/', pathNot: '\\.entity\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'inner-layers-not-on-edges',
      comment: 'config.ts, shared/, storage/ and policy/ know nothing of GraphQL or HTTP: graphql/ and http/ are the edges that call them.',
      severity: 'error',
      from: { path: '^src/(config\\.ts$|shared/|storage/|queue/|policy/)' },
      to: { path: '^src/(graphql|http)/' },
    },
    {
      name: 'modules-not-on-http',
      comment: 'Nothing under modules/ imports the HTTP edge; routes call services, not the other way round.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'modules-errors-and-connections-from-shared',
      comment: 'Modules take AppError and its helpers from shared/errors.ts and connections from shared/connection.ts; graphql/errors.ts is the edge that maps them.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/graphql/(errors|connection)\\.ts$' },
    },
    {
      name: 'graphql-not-on-http',
      comment: 'The GraphQL edge does not reach into the HTTP edge (http/app.ts mounts GraphQL, not the reverse).',
      severity: 'error',
      from: { path: '^src/graphql/' },
      to: { path: '^src/http/' },
    },
  ],
  options: {
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
