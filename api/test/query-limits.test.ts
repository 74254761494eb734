import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '../src/graphql/armor.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const aliases = (count: number, prefix = 'a', field = '__typename') => Array.from({ length: count }, (_, index) => `${prefix}${index}: ${field}`).join(' ');
const MAX = GRAPHQL_LIMITS.maxAliases;

const expectAliasRefusal = (response: GraphQLResponse) => {
  expect(response.data ?? null).toBeNull();
  expect(response.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(response.errors![0]!.message).toMatch(/alias/i);
};

describe('the alias limit', () => {
  it('counts aliases of __typename like any other', async () => {
    expectAliasRefusal(await server.gql(`{ ${aliases(100)} }`));
    expectAliasRefusal(await server.gql(`{ ${aliases(MAX + 1)} }`));
    expect((await server.gql(`{ ${aliases(MAX)} }`)).errors).toBeUndefined();
  });

  it('counts aliases in fragments, inline fragments and nested selections, once per use', async () => {
    const half = Math.floor(MAX / 2);
    const split = `{ ...Named ... on Query { ${aliases(MAX - half, 'b')} } } fragment Named on Query { ${aliases(half, 'a')} }`;
    expect((await server.gql(split)).errors).toBeUndefined();
    expectAliasRefusal(await server.gql(split.replace('{ ...Named', '{ x: __typename ...Named')));
    // One fragment of half the limit under three parents: its fields are resolved three times.
    expectAliasRefusal(await server.gql(`{ s1: studio { ...Names } s2: studio { ...Names } s3: studio { ...Names } } fragment Names on Studio { ${aliases(half, 'n', 'name')} }`));
    expectAliasRefusal(await server.gql(`{ studio { ... on Studio { ${aliases(MAX + 1, 'n', 'name')} } } }`));
  });

  it('survives fragment cycles (refused, and the server keeps answering)', async () => {
    const cycle = await server.gql(`{ ...A } fragment A on Query { x: __typename ...B } fragment B on Query { y: __typename ...A }`);
    expect(cycle.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const selfCycle = await server.gql(`{ ...A } fragment A on Query { ${aliases(MAX + 5)} ...A }`);
    expect(selfCycle.errors!.map((error) => error.extensions.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(selfCycle.errors!.some((error) => /alias/i.test(error.message))).toBe(true);
    expect((await server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});

const post = async (target: TestServer, body: { query: string; variables?: Record<string, unknown> }) => {
  const response = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
};

/** A mistyped name of each kind graphql-js would suggest a correction for. */
const MISTAKES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  field: { query: '{ studi { name } }' },
  argument: { query: '{ jobs(frist: 1) { totalCount } }' },
  'enum value': { query: '{ jobs(filter: { status: [DELIVERD] }) { totalCount } }' },
  'enum value in a variable': { query: 'query($s: [JobStatus!]) { jobs(filter: { status: $s }) { totalCount } }', variables: { s: ['DELIVERD'] } },
  type: { query: 'query($s: JobStatu) { jobs(filter: { status: [$s] }) { totalCount } }' },
  'input field': { query: '{ jobs(filter: { serch: "x" }) { totalCount } }' },
  'input field in a variable': { query: 'query($f: JobFilter) { jobs(filter: $f) { totalCount } }', variables: { f: { serch: 'x' } } },
};

const deep = `{ me { ${'customer { jobs { nodes { '.repeat(4)}id${' } } }'.repeat(4)} } }`;
const fanOut = Array.from({ length: 15 }, (_, index) => `j${index}: jobs(first: 100) { nodes { images(first: 500) { nodes { id } } } }`).join(' ');
/** Each limit, a request over it, and the code its refusal keeps. */
const OVER_LIMITS: [limit: string, query: string, code: string][] = [
  ['aliases', `{ ${aliases(MAX + 10, 'a', 'studio { name }')} }`, 'GRAPHQL_VALIDATION_FAILED'],
  ['depth', deep, 'GRAPHQL_VALIDATION_FAILED'],
  ['directives', `{ __typename ${'@include(if: true) '.repeat(GRAPHQL_LIMITS.maxDirectives + 5)}}`, 'GRAPHQL_VALIDATION_FAILED'],
  ['cost', `{ ${fanOut} }`, 'GRAPHQL_VALIDATION_FAILED'],
  ['tokens', `{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} }`, 'GRAPHQL_PARSE_FAILED'],
  // Armor's cost reads literal page sizes only; the list-item limit reads variables too.
  ['listItems', 'query($n: Int) { jobs(first: $n) { nodes { images(first: 500) { nodes { id } } } } }', 'BAD_USER_INPUT'],
];
const LIMIT_VARIABLES = { n: 100 };

describe('error messages', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ NODE_ENV: 'production', CORS_ORIGINS: 'https://admin.pixgate.example', SMTP_URL: 'smtp://127.0.0.1:2525' });
  });
  afterAll(() => production?.close());

  it.each(Object.entries(MISTAKES))('in production suggest nothing for a mistyped %s (development does)', async (_kind, request) => {
    const development = await post(server, request);
    expect(development.body.errors!.map((error) => error.message).join(' ')).toMatch(/did you mean/i);
    const answer = await post(production, request);
    expect(answer.status).toBe(development.status);
    expect(answer.body.errors!.map((error) => error.extensions.code)).toEqual(development.body.errors!.map((error) => error.extensions.code));
    for (const error of answer.body.errors!) {
      expect(error.message).not.toMatch(/did you mean|suggestion|\?$/i);
      expect(error.message.length).toBeGreaterThan(10);
    }
  });

  it.each(OVER_LIMITS)('in production name the %s limit but not its figures (development gives them)', async (limit, query, code) => {
    const refusalIn = async (target: TestServer) => {
      const answer = await post(target, { query, variables: query.includes('$n') ? LIMIT_VARIABLES : undefined });
      expect(answer.status, limit).toBe(400);
      expect(answer.body.data ?? null).toBeNull();
      return answer.body.errors!.find((error) => error.extensions.limit === limit) ?? answer.body.errors![0]!;
    };
    const development = await refusalIn(server);
    expect(development.extensions).toMatchObject({ code, limit });
    expect(development.message).toMatch(/\d/);

    const refusal = await refusalIn(production);
    expect(refusal.extensions).toMatchObject({ code, limit });
    expect(refusal.message).not.toMatch(/\d/);
    expect(Object.values(refusal.extensions).filter((value) => typeof value === 'number')).toEqual([]);
  });
});
