import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child-server.js';
import { makeJpeg } from './support/uploads.js';

/**
 * PRODUCT.md rule 8 and issue 10 item 4, against the API as `npm start` runs it (a separate
 * process whose NODE_ENV is really production or development, embedded S3 as its child), at
 * LOG_LEVEL=debug: every HTTP-level error is typed JSON in GraphQL's shape, and no password,
 * bearer token, download ticket or upload/media token reaches anything the processes write.
 */

const marker = (kind: string) => `${kind}-marker-${randomBytes(8).toString('hex')}`;
const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN_EMAIL = 'admin@redaction.test';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

describe.each(['production', 'development'] as const)('NODE_ENV=%s', (nodeEnv) => {
  const secrets = { password: marker('password'), bearer: marker('bearer'), adminPassword: marker('admin-password') };
  /** Real credentials the server hands out during the test, added as they are issued. */
  const issued: Record<string, string> = {};
  let server: ChildServer;

  const send = async (path: string, init: RequestInit = {}): Promise<Sent> => {
    const response = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${secrets.bearer}`, ...(init.headers as Record<string, string>) } });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const postJson = (body: string, headers: Record<string, string> = {}) => send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (!body.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  beforeAll(async () => {
    server = await startChildServer({
      NODE_ENV: nodeEnv,
      LOG_LEVEL: 'debug',
      ADMIN_EMAIL,
      ADMIN_PASSWORD: secrets.adminPassword,
      ...(nodeEnv === 'production' ? { CORS_ORIGINS: 'https://app.example.test', SMTP_URL: 'smtp://127.0.0.1:2525' } : {}),
    });
  }, 90_000);
  afterAll(() => server?.stop());

  /** A well-formed error answer: GraphQL's shape, a code, and nothing of the server's insides. */
  const expectTypedJsonError = (sent: Sent, status: number, code: string, what: string) => {
    expect(sent.status, what).toBe(status);
    expect(sent.headers.get('content-type'), what).toMatch(/^application\/(graphql-response\+)?json/);
    let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
    try {
      body = JSON.parse(sent.text);
    } catch {
      throw new Error(`${what}: not JSON: ${sent.text.slice(0, 200)}`);
    }
    expect(body.errors?.[0]?.extensions?.code, `${what}: ${sent.text.slice(0, 300)}`).toBe(code);
    expect(typeof body.errors?.[0]?.message, what).toBe('string');
    expect(sent.text, what).not.toMatch(/stack|\n\s+at |<html|<!doctype|node_modules/i);
    expect(sent.text, what).not.toContain(REPOSITORY_ROOT);
  };

  it('answers malformed, oversized, wrongly typed, unknown and wrong-method requests as typed JSON', async () => {
    const trailingComma = `{"query":${JSON.stringify(LOGIN)},"variables":{"email":"${ADMIN_EMAIL}","password":"${secrets.password}"},}`;
    expectTypedJsonError(await postJson(trailingComma), 400, 'BAD_REQUEST', 'login JSON with a trailing comma');
    expectTypedJsonError(await postJson('{"query": "{ me'), 400, 'BAD_REQUEST', 'JSON cut off');
    const huge = JSON.stringify({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: secrets.password }, padding: 'x'.repeat(1_100_000) });
    expectTypedJsonError(await postJson(huge), 413, 'PAYLOAD_TOO_LARGE', 'body over the 1 MB limit');
    const validJson = JSON.stringify({ query: '{ __typename }' });
    expectTypedJsonError(await send('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: validJson }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain POST');
    expectTypedJsonError(await send('/graphql', { method: 'POST', body: new Uint8Array(Buffer.from(validJson)) }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'POST without a content type');
    expectTypedJsonError(await postJson(validJson, { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'JSON in latin1');
    // GraphQL over HTTP: a request error is a 400 in application/graphql-response+json, a 200 in legacy application/json.
    expectTypedJsonError(await postJson(JSON.stringify({ query: '{ me' }), { accept: 'application/graphql-response+json' }), 400, 'GRAPHQL_PARSE_FAILED', 'GraphQL syntax error');
    expectTypedJsonError(await postJson(JSON.stringify({ query: '{ me' }), { accept: 'application/json' }), 200, 'GRAPHQL_PARSE_FAILED', 'GraphQL syntax error, legacy JSON');

    for (const [method, path] of [['GET', '/nothing-here'], ['POST', '/nothing-here'], ['GET', '/downloads/images'], ['GET', '/uploads/a/b'], ['GET', '/webhooks/replicate']]) {
      expectTypedJsonError(await send(path!, { method }), 404, 'NOT_FOUND', `${method} ${path}`);
    }
    for (const [method, path, allow] of [['DELETE', '/graphql', 'GET, POST'], ['POST', '/healthz', 'GET'], ['PUT', '/readyz', 'GET'], ['POST', '/downloads/images/x', 'GET'], ['PUT', '/downloads/archive/x', 'GET'], ['POST', '/media/x', 'GET'], ['GET', '/uploads/x', 'PUT']]) {
      const sent = await send(path!, { method });
      expectTypedJsonError(sent, 405, 'METHOD_NOT_ALLOWED', `${method} ${path}`);
      expect(sent.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
    expectTypedJsonError(await send('/downloads/images/%E0%A4%A'), 400, 'BAD_REQUEST', 'a ticket that is not valid percent-encoding');
    for (const path of ['/downloads/images/nonsense', '/downloads/archive/nonsense', '/media/nonsense']) {
      expectTypedJsonError(await send(path), 403, 'FORBIDDEN', `GET ${path}`);
    }
    expectTypedJsonError(await send('/uploads/nonsense', { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(3) }), 403, 'FORBIDDEN', 'PUT /uploads/nonsense');
  });

  it('writes no password, bearer token, ticket or upload/media token anywhere, at debug level', async () => {
    // A valid sign-in with the admin's real password (it must not be logged either), and a wrong one.
    const login = await gql(LOGIN, { email: ADMIN_EMAIL, password: secrets.adminPassword }, secrets.bearer);
    const admin = (issued.accessToken = login.login.accessToken as string);
    issued.refreshToken = login.login.refreshToken as string;
    await postJson(JSON.stringify({ query: LOGIN, variables: { email: ADMIN_EMAIL, password: secrets.password } }));
    // The password inside GraphQL syntax that fails to parse, and in a GET's query string.
    await postJson(JSON.stringify({ query: `mutation { login(email: "${ADMIN_EMAIL}" password "${secrets.password}") { accessToken } }` }));
    await send(`/graphql?query=${encodeURIComponent(`mutation { login(email: "${ADMIN_EMAIL}", password: "${secrets.password}") { accessToken } }`)}`);
    await send(`/graphql?query=${encodeURIComponent('query($p: String) { __typename }')}&variables=${encodeURIComponent(JSON.stringify({ p: secrets.password }))}`, { headers: { 'apollo-require-preflight': 'true' } });

    // A real upload URL, media URL, image ticket and archive ticket, each used.
    const customer = (await gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { name: 'Redaction GmbH' } }, admin)).createCustomer;
    const job = (await gql('mutation($input: CreateJobInput!) { createJob(input: $input) { id } }', { input: { customerId: customer.id, title: 'Redaction job', status: 'DELIVERED' } }, admin)).createJob;
    const jpeg = await makeJpeg(320, 200);
    const upload = (await gql(
      'mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) { url headers { name value } image { id } } }',
      { input: { jobId: job.id, filename: 'room.jpg', contentType: 'image/jpeg', byteSize: jpeg.length, sha256: createHash('sha256').update(jpeg).digest('hex') } },
      admin,
    )).requestImageUpload;
    issued.uploadToken = tokenIn(upload.url, '/uploads/');
    const headers = Object.fromEntries(upload.headers.map((header: { name: string; value: string }) => [header.name, header.value]));
    expect((await fetch(upload.url, { method: 'PUT', headers, body: new Uint8Array(jpeg) })).status).toBe(204);
    const completed = (await gql('mutation($id: ID!) { completeImageUpload(imageId: $id) { id status } }', { id: upload.image.id }, admin)).completeImageUpload;
    expect(completed.status).toBe('PROCESSING');
    let image: { id: string; status: string; thumbnailUrl: string };
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [image] = (await gql('query($ids: [ID!]!) { imagesByIds(ids: $ids) { id status thumbnailUrl } }', { ids: [upload.image.id] }, admin)).imagesByIds;
    } while (image.status === 'PROCESSING');
    expect(image.status).toBe('READY');
    issued.mediaToken = tokenIn(image.thumbnailUrl, '/media/');
    expect((await fetch(image.thumbnailUrl)).status).toBe(200);
    const imageTicket = (await gql('mutation($id: ID!) { imageDownloadUrl(imageId: $id) { url } }', { id: image.id }, admin)).imageDownloadUrl.url as string;
    issued.imageTicket = tokenIn(imageTicket, '/downloads/images/');
    expect((await fetch(imageTicket)).status).toBe(200);
    const archiveTicket = (await gql('mutation($id: ID!) { jobArchiveDownload(jobId: $id) { url } }', { id: job.id }, admin)).jobArchiveDownload.url as string;
    issued.archiveTicket = tokenIn(archiveTicket, '/downloads/archive/');
    expect((await fetch(archiveTicket)).status).toBe(200);
    // Used again where they do not belong, and with the body parser failing on them.
    await send(`/download/images/${issued.imageTicket}`);
    await postJson(`{"ticket":"${issued.archiveTicket}",}`);

    const output = await server.stop();
    for (const [name, value] of Object.entries({ ...secrets, ...issued })) {
      expect(value.length, name).toBeGreaterThan(15);
      const leak = output.split('\n').find((line) => line.includes(value));
      expect(leak?.slice(0, 400), `${name} appears in the server's output`).toBeUndefined();
    }
    // The log really is at debug level and really saw these requests, so silence is not why nothing leaked.
    expect(output).toMatch(/"level":20/);
    expect(output.includes('"route":"/downloads/images/:ticket"'), 'the image download was logged').toBe(true);
    expect(output.includes('"route":"/uploads/:token"'), 'the upload was logged').toBe(true);
  });

  it('logged each request as method, route, status, duration and request id, with no headers', async () => {
    const output = await server.stop();
    const requests = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((line) => line.msg === 'request completed');
    const download = requests.find((line) => line.route === '/downloads/images/:ticket' && line.statusCode === 200);
    expect(download, 'the image download was logged').toBeDefined();
    expect(download).toMatchObject({ level: 30, requestId: expect.any(String), method: 'GET', route: '/downloads/images/:ticket', statusCode: 200, responseTime: expect.any(Number) });
    const allowed = ['level', 'time', 'service', 'requestId', 'method', 'route', 'statusCode', 'responseTime', 'msg'];
    for (const line of requests) expect(Object.keys(line).filter((key) => !allowed.includes(key)), JSON.stringify(line)).toEqual([]);
  });
});

function tokenIn(url: string, prefix: string): string {
  const token = new URL(url).pathname.split(prefix)[1];
  if (!token) throw new Error(`no token after ${prefix} in ${url}`);
  return decodeURIComponent(token);
}
