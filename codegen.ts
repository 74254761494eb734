import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: typed documents for the two front ends, from the checked-in schema
 * (`npm run schema` writes it, a test fails when it drifts). Documents are written with
 * `graphql(`…`)` next to the component that uses them; nobody writes API types by hand.
 *
 *   npm run codegen
 */
const clientPreset = {
  preset: 'client',
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    // How the API's custom scalars arrive in JSON. strictScalars makes a scalar added to the schema
    // later fail here (and api/test/codegen-drift.test.ts) until it is mapped. JSON is any JSON
    // value, so the front ends must narrow it; JSONObject is at least an object.
    scalars: { DateTimeISO: 'string', SafeInt: 'number', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
    strictScalars: true,
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  // The labels' enum types need no documents.
  ignoreNoDocuments: true,
  generates: {
    'admin/src/gql/': {
      ...clientPreset,
      // react-admin components read records the data provider made from query results, not
      // fragments of their parent's query, so the back office has no use for fragment masking.
      presetConfig: { fragmentMasking: false },
      documents: ['admin/src/**/*.{ts,tsx}', '!admin/src/gql/**'],
    },
    'client/src/gql/': {
      ...clientPreset,
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
    },
    // graphcache's schema, trimmed to the client's own documents (client/codegen/cache-schema.mjs).
    'client/src/gql/cache-schema.ts': {
      config: clientPreset.config,
      plugins: ['./client/codegen/cache-schema.mjs'],
      documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
    },
    // The enum types the shared labels are checked against (labels/, used by both front ends).
    'labels/src/schema-types.ts': {
      config: { ...clientPreset.config, onlyEnums: true },
      plugins: ['typescript'],
    },
  },
};

export default config;
