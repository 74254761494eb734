import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshToken } from '../src/modules/auth/refresh-token.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 15, item 2: the customer client keeps its session in its own HttpOnly cookie, beside the back
 * office's in the same browser; signing out (here or everywhere) ends only the signer's sessions, and
 * a refused refresh says why (expired or ended) so the client can say it kindly.
 */
let server: TestServer;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server?.close());

const LOGIN = `mutation($email: String!, $password: String!, $cookie: SessionCookie) {
  login(email: $email, password: $password, sessionCookie: $cookie) { accessToken refreshToken }
}`;
const SIGN_OUT_EVERYWHERE = 'mutation($cookie: SessionCookie) { signOutEverywhere(sessionCookie: $cookie) }';

const cookiePair = (setCookie: string | null) => setCookie!.split(';')[0]!;

async function cookieSignIn(email: string, app: 'ADMIN' | 'CLIENT') {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email, password: PASSWORD, cookie: app } }),
  });
  const body = (await response.json()) as { data: { login: { accessToken: string } } };
  return { cookie: cookiePair(response.headers.get('set-cookie')), accessToken: body.data.login.accessToken };
}

/** A browser's request to an app's session route: it sends every cookie it holds (the path decides which arrive). */
const sessionPost = (path: string, cookie: string) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'x-pixgate-session': '1', origin } });

const extensionsOf = async (response: Response) => ((await response.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!.extensions;

async function customerAndStaff() {
  const make = factories(server);
  const customer = await make.customer();
  return { customerUser: await make.user(UserRole.CUSTOMER, customer), staff: await make.user(UserRole.STAFF) };
}

describe('the customer client’s cookie session beside the back office’s', () => {
  it('a customer in the client and staff in /admin of one browser each keep their session through the other’s sign-out', async () => {
    const { customerUser, staff } = await customerAndStaff();
    const client = await cookieSignIn(customerUser.email, 'CLIENT');
    const admin = await cookieSignIn(staff.email, 'ADMIN');
    expect(client.cookie).toMatch(/^pixgate_client_session=/);
    expect(admin.cookie).toMatch(/^pixgate_admin_session=/);
    const jar = `${client.cookie}; ${admin.cookie}`;

    // Each route reads its own cookie only: the client's refresh answers the customer, the admin's the staff member.
    const clientRefresh = await sessionPost('/auth/client/refresh', jar);
    expect(((await clientRefresh.json()) as { user: { id: string } }).user.id).toBe(customerUser.id);
    const clientCookie = cookiePair(clientRefresh.headers.get('set-cookie'));
    const adminRefresh = await sessionPost('/auth/admin/refresh', jar);
    expect(((await adminRefresh.json()) as { user: { id: string } }).user.id).toBe(staff.id);
    const adminCookie = cookiePair(adminRefresh.headers.get('set-cookie'));

    // The customer signs out of the client: the clearing header names the client's cookie only.
    const out = await sessionPost('/auth/client/logout', `${clientCookie}; ${adminCookie}`);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pixgate_client_session=;.*Path=\/auth\/client/);
    expect(out.headers.get('set-cookie')).not.toContain('pixgate_admin_session');
    expect((await sessionPost('/auth/admin/refresh', `${clientCookie}; ${adminCookie}`)).status).toBe(200);
  });

  it('sign out everywhere ends every session of the caller — both cookies, answered tokens, access tokens — and no one else’s', async () => {
    const { customerUser, staff } = await customerAndStaff();
    const client = await cookieSignIn(customerUser.email, 'CLIENT');
    const otherDevice = await server.gql<{ login: { refreshToken: string } }>(LOGIN, { email: customerUser.email, password: PASSWORD });
    const staffAdmin = await cookieSignIn(staff.email, 'ADMIN');

    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.accessToken}` },
      body: JSON.stringify({ query: SIGN_OUT_EVERYWHERE, variables: { cookie: 'CLIENT' } }),
    });
    expect(((await response.json()) as { data: { signOutEverywhere: boolean } }).data.signOutEverywhere).toBe(true);
    // The browser is told to drop the client cookie, and only that one.
    expect(response.headers.get('set-cookie')).toMatch(/^pixgate_client_session=;.*Path=\/auth\/client/);

    expect((await server.gql('{ me { id } }', {}, client.accessToken)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const refused = await sessionPost('/auth/client/refresh', client.cookie);
    expect(refused.status).toBe(401);
    expect(await extensionsOf(refused)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const answered = await server.gql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { t: otherDevice.data!.login.refreshToken });
    expect(answered.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    const live = await server.services.orm.em.fork().count(RefreshToken, { user: customerUser.id, revokedAt: null });
    expect(live).toBe(0);

    // The staff member signed into /admin of the same browser carries on.
    expect((await server.gql('{ me { id } }', {}, staffAdmin.accessToken)).data!.me.id).toBe(staff.id);
    expect((await sessionPost('/auth/admin/refresh', staffAdmin.cookie)).status).toBe(200);
  });

  it('refuses sign out everywhere without a valid access token, and a forged one ends nothing', async () => {
    const { customerUser } = await customerAndStaff();
    const client = await cookieSignIn(customerUser.email, 'CLIENT');
    expect((await server.gql(SIGN_OUT_EVERYWHERE, {})).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    const [header, payload] = client.accessToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await server.gql(SIGN_OUT_EVERYWHERE, {}, forged)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect((await sessionPost('/auth/client/refresh', client.cookie)).status).toBe(200);
  });
});

describe('a refused refresh says why', () => {
  it('SESSION_EXPIRED with when, once the session ran out; the cookie is deleted', async () => {
    const { customerUser } = await customerAndStaff();
    const client = await cookieSignIn(customerUser.email, 'CLIENT');
    await server.services.orm.em.fork().nativeUpdate(RefreshToken, { user: customerUser.id }, { expiresAt: new Date(Date.now() - 60_000) });
    const refused = await sessionPost('/auth/client/refresh', client.cookie);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toMatch(/^pixgate_client_session=;/);
    const extensions = await extensionsOf(refused);
    expect(extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' });
    expect(Date.parse(String(extensions.expiredAt))).toBeLessThan(Date.now());
  });

  it('SESSION_ENDED after signing out on this device and after a deactivation; a made-up cookie is INVALID_REFRESH_TOKEN', async () => {
    const { customerUser } = await customerAndStaff();
    const first = await cookieSignIn(customerUser.email, 'CLIENT');
    await sessionPost('/auth/client/logout', first.cookie);
    expect(await extensionsOf(await sessionPost('/auth/client/refresh', first.cookie))).toMatchObject({ reason: 'SESSION_ENDED' });

    const second = await cookieSignIn(customerUser.email, 'CLIENT');
    const staffToken = await signIn(server, (await factories(server).user(UserRole.STAFF)).email);
    const deactivated = await server.gql('mutation($id: ID!) { deactivateUser(id: $id, reason: "left") { active } }', { id: customerUser.id }, staffToken);
    expect(deactivated.data!.deactivateUser.active).toBe(false);
    expect(await extensionsOf(await sessionPost('/auth/client/refresh', second.cookie))).toMatchObject({ reason: 'SESSION_ENDED' });

    expect(await extensionsOf(await sessionPost('/auth/client/refresh', 'pixgate_client_session=made-up'))).toMatchObject({ reason: 'INVALID_REFRESH_TOKEN' });
  });
});
