import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshToken } from '../src/modules/auth/refresh-token.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD } from './support/factories.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 13, item 3: web apps keep their session in an HttpOnly cookie no page script can read, one
 * per app, refreshed and ended only by requests that carry the session header and come from our own
 * origin; two tabs refreshing at once share the new token, a reuse after that grace kills the family.
 */
let server: TestServer;
let origin: string;

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
});
afterAll(() => server?.close());

const LOGIN = `mutation($email: String!, $password: String!, $rememberMe: Boolean, $cookie: SessionCookie) {
  login(email: $email, password: $password, rememberMe: $rememberMe, sessionCookie: $cookie) { accessToken refreshToken }
}`;

/** Signs in as a new staff user asking for `cookie`; the Set-Cookie header and the answer. */
async function signInWithCookie(cookie: 'ADMIN' | 'CLIENT' | null, rememberMe = false) {
  const user = await factories(server).user(UserRole.STAFF);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD, rememberMe, cookie } }),
  });
  const body = (await response.json()) as { data: { login: { accessToken: string; refreshToken: string | null } } };
  return { user, setCookie: response.headers.get('set-cookie'), login: body.data.login as { accessToken: string; refreshToken: string | null } };
}

/** `name=value` of a Set-Cookie header, as a browser would send it back. */
const cookiePair = (setCookie: string | null) => setCookie!.split(';')[0]!;

function post(path: string, options: { cookie?: string; header?: boolean; origin?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.header !== false) headers['x-pixgate-session'] = '1';
  if (options.origin !== null) headers.origin = options.origin ?? origin;
  return fetch(`${server.url}${path}`, { method: 'POST', headers });
}

const reasonOf = async (response: Response) => ((await response.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!.extensions;

describe('signing in with a session cookie', () => {
  it('sets an HttpOnly, SameSite=Strict cookie for the app’s auth path and leaves the token out of the answer', async () => {
    const { setCookie, login } = await signInWithCookie('ADMIN');
    expect(login.refreshToken).toBeNull();
    expect(login.accessToken).toBeTruthy();
    expect(setCookie).toMatch(/^pixgate_admin_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain('Path=/auth/admin');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    // Plain HTTP here: Secure would make the browser drop it. Without "remember me" it ends with the browser.
    expect(setCookie).not.toContain('Secure');
    expect(setCookie).not.toContain('Expires');

    const remembered = await signInWithCookie('CLIENT', true);
    expect(remembered.setCookie).toMatch(/^pixgate_client_session=.*Path=\/auth\/client/);
    expect(remembered.setCookie).toContain('Expires=');
  });

  it('is Secure when the request came over TLS through a trusted proxy, and only then', async () => {
    const proxied = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const user = await factories(proxied).user(UserRole.STAFF);
      const login = (proto: string) =>
        fetch(`${proxied.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
          body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD, cookie: 'ADMIN' } }),
        });
      expect((await login('https')).headers.get('set-cookie')).toContain('Secure');
      expect((await login('http')).headers.get('set-cookie')).not.toContain('Secure');
    } finally {
      await proxied.close();
    }
    // The default server trusts no proxy: a client's own X-Forwarded-Proto changes nothing.
    const user = await factories(server).user(UserRole.STAFF);
    const spoofed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: LOGIN, variables: { email: user.email, password: PASSWORD, cookie: 'ADMIN' } }),
    });
    expect(spoofed.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('without sessionCookie answers as before: the token in the answer, no cookie', async () => {
    const { setCookie, login } = await signInWithCookie(null);
    expect(setCookie).toBeNull();
    expect(login.refreshToken).toBeTruthy();
  });
});

describe('refresh and logout', () => {
  it('refresh rotates the cookie and answers an access token that works', async () => {
    const { setCookie } = await signInWithCookie('ADMIN');
    const refreshed = await post('/auth/admin/refresh', { cookie: cookiePair(setCookie) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    const next = refreshed.headers.get('set-cookie');
    expect(cookiePair(next)).not.toBe(cookiePair(setCookie));
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    expect((await server.gql('{ me { role } }', {}, accessToken)).data!.me.role).toBe('STAFF');
  });

  it('refuses requests without the session header, from foreign or missing origins, and without or with a forged cookie', async () => {
    const { setCookie } = await signInWithCookie('ADMIN');
    const cookie = cookiePair(setCookie);
    const noHeader = await post('/auth/admin/refresh', { cookie, header: false });
    expect(noHeader.status).toBe(403);
    expect(await reasonOf(noHeader)).toMatchObject({ code: 'FORBIDDEN', reason: 'SESSION_HEADER_MISSING' });
    for (const foreign of ['https://evil.example', `${origin}.evil.example`, null]) {
      const refused = await post('/auth/admin/refresh', { cookie, origin: foreign });
      expect(refused.status).toBe(403);
      expect(await reasonOf(refused)).toMatchObject({ reason: 'ORIGIN_NOT_ALLOWED' });
    }
    const none = await post('/auth/admin/refresh');
    expect(none.status).toBe(401);
    expect(await reasonOf(none)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NO_SESSION' });
    // The admin cookie means nothing to the client's route, and a forged value is refused and cleared.
    expect((await post('/auth/client/refresh', { cookie })).status).toBe(401);
    const forged = await post('/auth/admin/refresh', { cookie: 'pixgate_admin_session=forged-value' });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie')).toMatch(/^pixgate_admin_session=;.*Expires=Thu, 01 Jan 1970/);
    // None of the refused requests spent the real cookie.
    expect((await post('/auth/admin/refresh', { cookie })).status).toBe(200);
    expect((await fetch(`${server.url}/auth/admin/refresh`)).status).toBe(405);
  });

  it('two tabs refreshing at once get the same new cookie; the token they share works on', async () => {
    const { setCookie } = await signInWithCookie('ADMIN');
    const [first, second] = await Promise.all([post('/auth/admin/refresh', { cookie: cookiePair(setCookie) }), post('/auth/admin/refresh', { cookie: cookiePair(setCookie) })]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const shared = cookiePair(first.headers.get('set-cookie'));
    expect(cookiePair(second.headers.get('set-cookie'))).toBe(shared);
    expect((await post('/auth/admin/refresh', { cookie: shared })).status).toBe(200);
  });

  it('a rotated cookie presented after the grace revokes the whole family', async () => {
    const { setCookie } = await signInWithCookie('ADMIN');
    const old = cookiePair(setCookie);
    const current = cookiePair((await post('/auth/admin/refresh', { cookie: old })).headers.get('set-cookie'));
    // Eleven seconds later, as far as the database knows.
    await server.services.orm.em.fork().getConnection().execute(`UPDATE refresh_tokens SET rotated_at = rotated_at - interval '11 seconds' WHERE rotated_at IS NOT NULL`);
    expect((await post('/auth/admin/refresh', { cookie: old })).status).toBe(401);
    expect((await post('/auth/admin/refresh', { cookie: current })).status).toBe(401);
  });

  it('the sealed successor is only kept within the grace of the latest rotation', async () => {
    const { user, setCookie } = await signInWithCookie('ADMIN');
    let cookie = cookiePair(setCookie);
    for (let i = 0; i < 3; i++) cookie = cookiePair((await post('/auth/admin/refresh', { cookie })).headers.get('set-cookie'));
    const rows = await server.services.orm.em.fork().find(RefreshToken, { user: user.id, successorSealed: { $ne: null } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.successorSealed).not.toContain(cookie.split('=')[1]);
  });

  it('cookie sessions and answered tokens do not cross: neither refreshes through the other’s path', async () => {
    const answered = await signInWithCookie(null);
    const asCookie = await post('/auth/admin/refresh', { cookie: `pixgate_admin_session=${answered.login.refreshToken}` });
    expect(asCookie.status).toBe(401);
    const cookieToken = cookiePair((await signInWithCookie('ADMIN')).setCookie).split('=')[1]!;
    const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }';
    expect((await server.gql(REFRESH, { t: cookieToken })).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
    // Neither attempt was a reuse: both sessions still work where they belong.
    expect((await server.gql(REFRESH, { t: answered.login.refreshToken })).data!.refreshToken.accessToken).toBeTruthy();
    expect((await post('/auth/admin/refresh', { cookie: `pixgate_admin_session=${cookieToken}` })).status).toBe(200);
  });

  it('a deactivated user’s cookie is refused', async () => {
    const { user, setCookie } = await signInWithCookie('ADMIN');
    await server.services.orm.em.fork().nativeUpdate(User, { id: user.id }, { active: false });
    expect((await post('/auth/admin/refresh', { cookie: cookiePair(setCookie) })).status).toBe(401);
  });

  it('logout ends the session and clears the cookie; logging out twice or without a cookie is fine', async () => {
    const { setCookie } = await signInWithCookie('ADMIN');
    const cookie = cookiePair(setCookie);
    const out = await post('/auth/admin/logout', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pixgate_admin_session=;.*Path=\/auth\/admin/);
    expect((await post('/auth/admin/refresh', { cookie })).status).toBe(401);
    expect((await post('/auth/admin/logout', { cookie })).status).toBe(204);
    expect((await post('/auth/admin/logout')).status).toBe(204);
    expect((await post('/auth/admin/logout', { cookie, header: false })).status).toBe(403);
  });
});
