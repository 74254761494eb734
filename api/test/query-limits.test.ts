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
