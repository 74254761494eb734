import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** POST /graphql as if from `ip` (through a trusted proxy on loopback when the server trusts it). */
async function gqlFrom(server: TestServer, ip: string | null, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip ? { 'x-forwarded-for': ip } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}
const codes = (body: any): string[] => (body.errors ?? []).map((error: any) => error.extensions.code);

describe('sign-in limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      TRUSTED_PROXIES: 'loopback',
      RATE_LIMIT_LOGIN_ACCOUNT_IP: '5/10m',
      RATE_LIMIT_LOGIN_IP: '20/10m',
      RATE_LIMIT_LOGIN_ACCOUNT: '50/1h',
    });
  });
  afterAll(() => server?.close());

  it('cut a flood of wrong passwords off at the configured count, while the owner still signs in from elsewhere', async () => {
    const user = await factories(server).user(UserRole.CUSTOMER, await factories(server).customer());
    const answers = [];
    for (let attempt = 0; attempt < 12; attempt++) answers.push(await gqlFrom(server, '203.0.113.7', LOGIN, { email: user.email, password: 'guess' }));
    expect(answers.slice(0, 5).map((answer) => codes(answer.body)[0])).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(answers.slice(5).every((answer) => codes(answer.body)[0] === 'RATE_LIMITED')).toBe(true);
    const refused = answers[5]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'loginAccountIp', retryAfterSeconds: expect.any(Number), resetAt: expect.any(String) });
    // Even the right password is refused from the flooding address for now…
    expect(codes((await gqlFrom(server, '203.0.113.7', LOGIN, { email: user.email, password: PASSWORD })).body)).toEqual(['RATE_LIMITED']);
    // …but the owner, elsewhere, is not locked out.
    const owner = await gqlFrom(server, '198.51.100.20', LOGIN, { email: user.email, password: PASSWORD });
    expect(owner.body.data.login.accessToken).toEqual(expect.any(String));
  });

  it('count an account as one however its email is written', async () => {
    const user = await factories(server).user(UserRole.STAFF, undefined, { email: 'Mixed.Case@Example.test' });
    for (const email of ['Mixed.Case@Example.test', ' mixed.case@example.test ', 'MIXED.CASE@EXAMPLE.TEST', 'mixed.case@example.test', 'Mixed.case@example.test']) {
      expect(codes((await gqlFrom(server, '203.0.113.8', LOGIN, { email, password: 'wrong' })).body)).toEqual(['UNAUTHENTICATED']);
    }
    expect(codes((await gqlFrom(server, '203.0.113.8', LOGIN, { email: user.email, password: 'wrong' })).body)).toEqual(['RATE_LIMITED']);
  });

  it('cap one address across many accounts', async () => {
    const answers = [];
    for (let index = 0; index < 22; index++) answers.push(codes((await gqlFrom(server, '203.0.113.9', LOGIN, { email: `nobody${index}@example.test`, password: 'x' })).body)[0]);
    expect(answers.slice(0, 20).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(answers.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('count email-code requests and code guesses as sign-in attempts too', async () => {
    const user = await factories(server).user(UserRole.CUSTOMER, await factories(server).customer());
    const request = 'mutation($email: String!) { requestLoginCode(email: $email) }';
    const verify = 'mutation($email: String!, $code: String!) { verifyLoginCode(email: $email, code: $code) { accessToken } }';
    const answers = [];
    for (let index = 0; index < 3; index++) answers.push(codes((await gqlFrom(server, '203.0.113.30', request, { email: user.email })).body)[0]);
    for (let index = 0; index < 3; index++) answers.push(codes((await gqlFrom(server, '203.0.113.30', verify, { email: user.email, code: '000000' })).body)[0]);
    expect(answers).toEqual([undefined, undefined, undefined, 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });

  it('count aliases: each aliased login in one request is an attempt of its own', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    // With the right password each alias succeeds until the limit refuses one; mutations run in
    // order and a refused non-null field ends the request, so the refusal lands on the sixth.
    const aliased = `mutation { ${Array.from({ length: 15 }, (_, index) => `a${index}: login(email: "${user.email}", password: "${PASSWORD}") { accessToken }`).join(' ')} }`;
    const answer = await gqlFrom(server, '203.0.113.10', aliased);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors[0]).toMatchObject({ path: ['a5'], extensions: { code: 'RATE_LIMITED', limit: 'loginAccountIp' } });
    // A wrong password in alias 0 ends the request there: never more than one guess per refusal.
    const guesses = `mutation { ${Array.from({ length: 15 }, (_, index) => `g${index}: login(email: "${user.email}", password: "wrong${index}") { accessToken }`).join(' ')} }`;
    const other = await gqlFrom(server, '203.0.113.12', guesses);
    expect(codes(other.body)).toEqual(['UNAUTHENTICATED']);
  });

  it('are atomic: ten parallel attempts against a limit of one let exactly one through', async () => {
    const strict = await startTestServer({ TRUSTED_PROXIES: 'loopback', RATE_LIMIT_LOGIN_ACCOUNT_IP: '1/10m' });
    try {
      const user = await factories(strict).user(UserRole.STAFF);
      const answers = await Promise.all(Array.from({ length: 10 }, () => gqlFrom(strict, '203.0.113.11', LOGIN, { email: user.email, password: 'wrong' })));
      const all = answers.map((answer) => codes(answer.body)[0]);
      expect(all.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(1);
      expect(all.filter((code) => code === 'RATE_LIMITED')).toHaveLength(9);
    } finally {
      await strict.close();
    }
  });

  it('record each refusal as a security event that admins can read', async () => {
    const admin = await factories(server).user(UserRole.ADMIN);
    const token = (await gqlFrom(server, '198.51.100.99', LOGIN, { email: admin.email, password: PASSWORD })).body.data.login.accessToken;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const events = await gqlFrom(server, '198.51.100.99', '{ securityEvents(filter: { type: RATE_LIMITED }, first: 50) { totalCount nodes { type ip details } } }', {}, token);
    expect(events.body.data.securityEvents.totalCount).toBeGreaterThan(5);
    expect(events.body.data.securityEvents.nodes[0]).toMatchObject({ type: 'RATE_LIMITED', ip: expect.stringMatching(/^203\.0\.113\./), details: { limit: expect.any(String) } });
    const failures = await gqlFrom(server, '198.51.100.99', '{ securityEvents(filter: { type: LOGIN_FAILED }) { totalCount } }', {}, token);
    expect(failures.body.data.securityEvents.totalCount).toBeGreaterThan(5);
  });
});

describe('client addresses', () => {
  it('ignore X-Forwarded-For unless it comes from a configured proxy', async () => {
    const server = await startTestServer({ TRUSTED_PROXIES: '', RATE_LIMIT_LOGIN_IP: '3/10m' });
    try {
      const answers = [];
      for (let index = 0; index < 5; index++) {
        answers.push(codes((await gqlFrom(server, `192.0.2.${index + 1}`, LOGIN, { email: `spoof${index}@example.test`, password: 'x' })).body)[0]);
      }
      expect(answers).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'RATE_LIMITED']);
    } finally {
      await server.close();
    }
  });
});

describe('other limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      RATE_LIMIT_DOWNLOAD_USER: '2/10m',
      RATE_LIMIT_UPLOAD_IP: '3/10m',
      RATE_LIMIT_UPLOAD_USER: '3/10m',
      RATE_LIMIT_UPLOAD_STAFF_USER: '5/10m',
      RATE_LIMIT_UPLOAD_MIB_USER: '25/1d',
      RATE_LIMIT_GENERAL_IP: '400/1m',
    });
  });
  afterAll(() => server?.close());

  const upload = (byteSize = 10) =>
    `mutation($id: ID!) { requestImageUpload(input: { jobId: $id, filename: "a.jpg", contentType: "image/jpeg", byteSize: ${byteSize}, sha256: "${'a'.repeat(64)}" }) { url } }`;

  it('limit download tickets per user', async () => {
    const make = factories(server);
    const token = await signIn(server, (await make.user(UserRole.STAFF)).email);
    const job = await make.job(await make.customer());
    const ticket = 'mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }';
    const ticketCodes = [];
    for (let index = 0; index < 3; index++) ticketCodes.push(errorCode(await server.gql(ticket, { id: job.id }, token)));
    expect(ticketCodes[2]).toBe('RATE_LIMITED');
  });

  it('limit a customer’s upload calls per address and per user, and their bytes per day', async () => {
    const make = factories(server);
    const customer = await make.customer();
    const users = [await make.user(UserRole.CUSTOMER, customer), await make.user(UserRole.CUSTOMER, customer)];
    const [first, second] = await Promise.all(users.map((user) => signIn(server, user.email)));
    const job = await make.job(customer, { allowCustomerUploads: true });
    const tenMib = 10 * 1024 * 1024;
    expect(errorCode(await server.gql(upload(tenMib), { id: job.id }, first))).toBeUndefined();
    expect(errorCode(await server.gql(upload(tenMib), { id: job.id }, first))).toBeUndefined();
    const overBudget = await server.gql(upload(tenMib), { id: job.id }, first);
    expect(overBudget.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'uploadMibUser', retryAfterSeconds: expect.any(Number) });
    // Three calls counted against the address: the fourth is refused, and so is another user from there.
    expect((await server.gql(upload(), { id: job.id }, first)).errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'uploadIp' });
    expect((await server.gql(upload(), { id: job.id }, second)).errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'uploadIp' });
  });

  it('count a staff user’s upload calls per user only, from any address', async () => {
    const make = factories(server);
    const token = await signIn(server, (await make.user(UserRole.STAFF)).email);
    const customer = await make.customer();
    const job = await make.job(customer, { allowCustomerUploads: true });
    const customerToken = await signIn(server, (await make.user(UserRole.CUSTOMER, customer)).email);
    for (let index = 0; index < 3; index++) await server.gql(upload(), { id: job.id }, customerToken);
    expect((await server.gql(upload(), { id: job.id }, customerToken)).errors![0]!.extensions).toMatchObject({ limit: 'uploadIp' });
    const codes = [];
    // The address's spent budget does not apply to staff; their own budget of 5 does.
    for (let index = 0; index < 6; index++) codes.push(errorCode(await server.gql(upload(), { id: job.id }, token)));
    expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
  });
});

describe('a whole shoot under the default limits', () => {
  it('a staff user makes 2,000 upload calls (1,000 files of 10 MB) from one address without a 429', async () => {
    const server = await startTestServer();
    try {
      const make = factories(server);
      const token = await signIn(server, (await make.user(UserRole.STAFF)).email);
      const job = await make.job(await make.customer());
      const tenMb = 10_000_000;
      // 20 aliases a request (GraphQL Armor's limit); each alias counts as one call.
      const aliases = (field: (index: number) => string) => `mutation($id: ID!) { ${Array.from({ length: 20 }, (_, index) => `a${index}: ${field(index)}`).join(' ')} }`;
      const requestBatch = aliases(() => `requestImageUpload(input: { jobId: $id, filename: "a.jpg", contentType: "image/jpeg", byteSize: ${tenMb}, sha256: "${'a'.repeat(64)}" }) { image { id } }`);
      const imageIds: string[] = [];
      for (let batch = 0; batch < 50; batch++) {
        const answer = await server.gql(requestBatch, { id: job.id }, token);
        expect(answer.errors).toBeUndefined();
        imageIds.push(...Object.values(answer.data! as Record<string, { image: { id: string } }>).map((ticket) => ticket.image.id));
      }
      const codes = new Set<string>();
      for (let batch = 0; batch < 50; batch++) {
        const ids = imageIds.slice(batch * 20, batch * 20 + 20);
        const complete = `mutation { ${ids.map((id, index) => `a${index}: completeImageUpload(imageId: "${id}") { id }`).join(' ')} }`;
        for (const error of (await server.gql(complete, {}, token)).errors ?? []) codes.add(String(error.extensions.reason ?? error.extensions.code));
      }
      // Nothing was PUT, so every completion says so, and none is refused by a limit.
      expect([...codes]).toEqual(['UPLOAD_NOT_FOUND']);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('the general per-address budget', () => {
  it('answers plain HTTP routes with 429 and Retry-After, and GraphQL with a typed error', async () => {
    const server = await startTestServer({ RATE_LIMIT_GENERAL_IP: '3/1m' });
    try {
      const statuses = [];
      for (let index = 0; index < 3; index++) statuses.push((await fetch(`${server.url}/media/none`)).status);
      expect(statuses).toEqual([403, 403, 403]);
      const refused = await fetch(`${server.url}/media/none`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      const graphql = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ studio { name } }"}' });
      expect(graphql.status).toBe(429);
      expect(((await graphql.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
      // Health checks are never limited.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

const redisUrl = process.env.REDIS_URL;
// Needs a Redis server; .ci/run sets REDIS_URL to the machine's. Without one there is nothing shared to test.
describe.skipIf(!redisUrl)('limits shared through Redis', () => {
  it('hold across two API processes', async () => {
    const shared = { REDIS_URL: redisUrl!, RATE_LIMIT_KEY_PREFIX: `two-servers-${Date.now()}`, RATE_LIMIT_LOGIN_ACCOUNT_IP: '4/10m' };
    const first = await startTestServer(shared);
    const second = await startTestServer(shared);
    try {
      const user = await factories(first).user(UserRole.STAFF, undefined, { email: `redis-${Date.now()}@example.test` });
      const answers = [];
      for (let index = 0; index < 8; index++) answers.push(codes((await gqlFrom(index % 2 ? second : first, null, LOGIN, { email: user.email, password: 'wrong' })).body)[0]);
      expect(answers.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(4);
      expect(answers.slice(4)).toEqual(Array(4).fill('RATE_LIMITED'));
    } finally {
      await first.close();
      await second.close();
    }
  });
});
