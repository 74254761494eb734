import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshToken } from '../src/modules/auth/refresh-token.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

const LOGIN = `mutation($email: String!, $password: String!, $rememberMe: Boolean) {
  login(email: $email, password: $password, rememberMe: $rememberMe) {
    accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email role }
  }
}`;
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken user { email } } }';
const ME = '{ me { id email role } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('login', () => {
  it('returns a short-lived access token and a refresh token; me answers with it', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const before = Date.now();
    const { data } = await server.gql(LOGIN, { email: user.email, password: PASSWORD });
    const session = data!.login;
    const accessLifetime = new Date(session.accessTokenExpiresAt).getTime() - before;
    expect(accessLifetime).toBeGreaterThan(14 * 60_000);
    expect(accessLifetime).toBeLessThanOrEqual(15 * 60_000 + 1000);
    const refreshLifetime = new Date(session.refreshTokenExpiresAt).getTime() - before;
    expect(Math.round(refreshLifetime / 3600_000)).toBe(24);
    const me = await server.gql(ME, {}, session.accessToken);
    expect(me.data!.me).toEqual({ id: user.id, email: user.email, role: 'STAFF' });
  });

  it('keeps a remember-me session for 7 days', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const { data } = await server.gql(LOGIN, { email: user.email, password: PASSWORD, rememberMe: true });
    const days = (new Date(data!.login.refreshTokenExpiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
  });

  it('treats email case and surrounding spaces as the same account', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const { data } = await server.gql(LOGIN, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(data!.login.user.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown account with the same error', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const wrong = await server.gql(LOGIN, { email: user.email, password: 'not-the-password' });
    const unknown = await server.gql(LOGIN, { email: 'nobody@example.test', password: 'not-the-password' });
    expect(wrong.errors![0]).toMatchObject({ message: 'Email or password is wrong.', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } });
    expect(unknown.errors![0]!.message).toBe(wrong.errors![0]!.message);
    expect(unknown.errors![0]!.extensions).toEqual(wrong.errors![0]!.extensions);
  });

  it('stores only argon2id hashes, never the password', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const [row] = await server.services.orm.em.fork().getConnection().execute<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE id = ?', [user.id]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(PASSWORD);
  });
});

describe('access tokens', () => {
  it('refuses calls without a token, with a forged one and with an expired one', async () => {
    expect(errorCode(await server.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
    const user = await factories(server).user(UserRole.ADMIN);
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(user.id).setIssuer('pixgate').setAudience('pixgate-api')
      .setExpirationTime('10m').sign(new TextEncoder().encode('a-secret-that-is-not-the-servers-secret'));
    expect(errorCode(await server.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
    const expired = await server.services.accessTokens.issue(user, new Date(Date.now() - 60 * 60_000));
    expect(errorCode(await server.gql(ME, {}, expired.token))).toBe('UNAUTHENTICATED');
    const valid = await server.services.accessTokens.issue(user);
    expect((await server.gql(ME, {}, valid.token)).data!.me.id).toBe(user.id);
  });

  it('stops working at once when the user is deactivated, and the user cannot sign in again', async () => {
    const make = factories(server);
    const admin = await make.user(UserRole.ADMIN);
    const victim = await make.user(UserRole.STAFF);
    const adminToken = await signIn(server, admin.email);
    const { data } = await server.gql(LOGIN, { email: victim.email, password: PASSWORD });
    const victimSession = data!.login;
    expect((await server.gql(ME, {}, victimSession.accessToken)).data!.me.id).toBe(victim.id);

    const deactivated = await server.gql('mutation($id: ID!) { deactivateUser(id: $id) { active deactivatedAt } }', { id: victim.id }, adminToken);
    expect(deactivated.data!.deactivateUser.active).toBe(false);

    expect(errorCode(await server.gql(ME, {}, victimSession.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(REFRESH, { t: victimSession.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(LOGIN, { email: victim.email, password: PASSWORD }))).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  it('rotate: each works once, and presenting a spent one revokes the whole family', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const first = (await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login;
    const second = (await server.gql(REFRESH, { t: first.refreshToken })).data!.refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await server.gql(ME, {}, second.accessToken)).data!.me.id).toBe(user.id);

    const replay = await server.gql(REFRESH, { t: first.refreshToken });
    expect(replay.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_REFRESH_TOKEN' });
    // The thief's replay also killed the legitimate holder's current token.
    expect(errorCode(await server.gql(REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('are stored hashed', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const session = (await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login;
    const tokens = await server.services.orm.em.fork().find(RefreshToken, { user: user.id });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[0]!.tokenHash).not.toBe(session.refreshToken);
  });

  it('stop working after logout, which is idempotent', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const session = (await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login;
    const logout = 'mutation($t: String!) { logout(refreshToken: $t) }';
    expect((await server.gql(logout, { t: session.refreshToken })).data!.logout).toBe(true);
    expect((await server.gql(logout, { t: session.refreshToken })).data!.logout).toBe(true);
    expect(errorCode(await server.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('expire', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const session = (await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login;
    await server.services.orm.em.fork().nativeUpdate(RefreshToken, { user: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(errorCode(await server.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });
});

describe('the first admin', () => {
  it('comes from ADMIN_EMAIL and ADMIN_PASSWORD at start', async () => {
    const withAdmin = await startTestServer({ ADMIN_EMAIL: 'First.Admin@Example.test', ADMIN_PASSWORD: 'a-long-admin-password' });
    try {
      const { data } = await withAdmin.gql(LOGIN, { email: 'first.admin@example.test', password: 'a-long-admin-password' });
      expect(data!.login.user.role).toBe('ADMIN');
    } finally {
      await withAdmin.close();
    }
  });
});
