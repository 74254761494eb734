import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rootDeclarations } from '../src/graphql/requires.js';
import { buildPublicSchema } from '../src/graphql/schema.js';
import { declaredPermissionOf } from '../src/http/guarded.js';
import { Access } from '../src/policy/access.js';
import { signIn, standardCast } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

/**
 * Every entry point asks the access module for its one permission: each route of the Express app
 * and each query and mutation of the schema is enumerated here (so routes and operations added
 * later are covered without editing this test), called, and the access module must have been asked
 * for the permission it declares. Also: decisions are per request and per id, never shared between
 * list items (shield's contextual cache would share them).
 */

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const asked: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
  for (const method of ['check', 'refuseLink'] as const) {
    const original = Access.prototype[method] as (...args: unknown[]) => unknown;
    vi.spyOn(Access.prototype, method).mockImplementation(function (this: Access, ...args: unknown[]) {
      asked.push(String(args[0]));
      return original.apply(this, args) as never;
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});
beforeEach(() => {
  asked.length = 0;
});

interface MountedRoute {
  path: string;
  method: string;
  permissions: string[];
}

/** The app's routes with, per method, the permissions their handlers declare (`.all` fallbacks for 405 excluded). */
function mountedRoutes(): MountedRoute[] {
  const stack = (server.app as unknown as { router: { stack: { route?: { path: string; stack: { method?: string; handle: unknown }[] } }[] } }).router.stack;
  const routes: MountedRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const byMethod = new Map<string, string[]>();
    for (const handler of layer.route.stack) {
      if (!handler.method || handler.method === '_all') continue;
      const permission = declaredPermissionOf(handler.handle);
      byMethod.set(handler.method, [...(byMethod.get(handler.method) ?? []), ...(permission ? [permission] : [])]);
    }
    for (const [method, permissions] of byMethod) routes.push({ path: layer.route.path, method: method.toUpperCase(), permissions });
  }
  return routes;
}

describe('every HTTP route', () => {
  it('declares exactly one permission per method', () => {
    const routes = mountedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(7);
    expect(routes.filter((route) => route.permissions.length !== 1)).toEqual([]);
  });

  it('asks the access module for it, even when the request is refused before anything else', async () => {
    for (const route of mountedRoutes()) {
      asked.length = 0;
      const url = `${server.url}${route.path.replace(/:[A-Za-z]+/g, 'not-a-valid-token')}`;
      const response = await fetch(url, { method: route.method, headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: route.method === 'GET' ? undefined : '{}' });
      await response.arrayBuffer();
      expect(asked, `${route.method} ${route.path}`).toContain(route.permissions[0]);
    }
  });
});

/** A value of an input type that passes GraphQL validation (not necessarily the resolver's). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, sample(field.type)]));
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = { ID: '00000000-0000-4000-8000-000000000000', String: 'x', Int: 1, Float: 1, Boolean: false, DateTimeISO: new Date().toISOString(), SafeInt: 1, JSON: {}, JSONObject: {} };
    if (!(type.name in samples)) throw new Error(`no sample for scalar ${type.name}: add one`);
    return samples[type.name];
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** An operation calling one root field with sample values for its required arguments. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const variables = Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)]));
  const declared = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables };
}

describe('every query and mutation', () => {
  it('asks the access module for the permission it declares, anonymous and as a customer', async () => {
    const schema = await buildPublicSchema();
    const declarations = rootDeclarations(schema);
    expect(declarations.length).toBeGreaterThan(50);
    for (const { type, field, declaration } of declarations) {
      const definition = (type === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field]!;
      const { query, variables } = operationFor(type === 'Query' ? 'query' : 'mutation', definition);
      for (const token of [undefined, cast.customerToken]) {
        asked.length = 0;
        const response = await server.gql(query, variables, token);
        expect(response.errors?.filter((error) => error.extensions.code === 'GRAPHQL_VALIDATION_FAILED') ?? [], query).toEqual([]);
        expect(asked, `${type}.${field} ${token ? 'as a customer' : 'anonymous'}`).toContain(declaration!.permission);
      }
      // Signing out everywhere ended the customer's sessions: the next operations need a new one.
      if (field === 'signOutEverywhere') cast.customerToken = await signIn(server, cast.customerUser.email);
    }
  }, 120_000);
});

describe('decisions', () => {
  it('are made per id and never leak from one item to another (a mixed list of aliases)', async () => {
    const mine = await cast.make.job(cast.customer);
    const theirs = await cast.make.job(cast.otherCustomer);
    const add = async (jobId: string, shade: number) =>
      (await uploads(server).upload(cast.staffToken, await makeJpeg(60 + shade, 40, { r: shade, g: 10, b: 10 }), { jobId })).completed.data!.completeImageUpload.id as string;
    const [a, b, c] = [await add(mine.id, 1), await add(theirs.id, 2), await add(mine.id, 3)];
    const response = await server.gql(
      'query($a: ID!, $b: ID!, $c: ID!) { first: image(id: $a) { id } foreign: image(id: $b) { id } again: image(id: $a) { id } last: image(id: $c) { id } }',
      { a, b, c },
      cast.customerToken,
    );
    // `image` is non-null, so one refusal nulls `data`; every field still ran, and only the foreign one was refused.
    expect(response.errors?.map((error) => [error.path?.[0], error.extensions.code])).toEqual([['foreign', 'FORBIDDEN']]);
    expect(asked.filter((permission) => permission === 'image.read').length).toBe(4);
  });

  it('are memoised per (permission, id) within one request, and a refusal stays with its id', async () => {
    const mine = await cast.make.job(cast.customer);
    const theirs = await cast.make.job(cast.otherCustomer);
    const add = async (jobId: string, shade: number) =>
      (await uploads(server).upload(cast.staffToken, await makeJpeg(70 + shade, 40, { r: 10, g: shade, b: 10 }), { jobId })).completed.data!.completeImageUpload.id as string;
    const [a, b] = [await add(mine.id, 4), await add(theirs.id, 5)];
    const denials: unknown[] = [];
    const access = new Access(server.services.orm.em.fork(), { kind: 'user', user: cast.customerUser }, (denial) => denials.push(denial));
    const statements = await server.queriesDuring(async () => {
      expect(await access.check('image.read', [a])).toBe(true);
      expect((await access.check('image.read', [b])) === true).toBe(false);
      expect(await access.check('image.read', [a])).toBe(true);
      expect([...(await access.allowed('image.read', [a, b]))]).toEqual([a]);
    });
    // a and b were each decided once: two statements for four questions.
    expect(statements.length).toBe(2);
    expect(denials).toEqual([expect.objectContaining({ permission: 'image.read', callerKind: 'user', ids: [b], reason: 'RESOURCE' })]);
  });
});
