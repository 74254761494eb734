import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) }';
const SET_PASSWORD = 'mutation($id: ID!, $password: String!) { updateUser(id: $id, input: { password: $password }) { id } }';
const ME = '{ me { id } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

type Session = { accessToken: string; refreshToken: string };
const login = async (email: string, password = PASSWORD): Promise<Session> => (await server.gql(LOGIN, { email, password })).data!.login;
const works = async (session: Session) => (await server.gql(ME, {}, session.accessToken)).data?.me?.id !== undefined;

describe('ending sessions', () => {
  it('logout ends the access token at its next request, not when it expires', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const session = await login(user.email);
    expect(await works(session)).toBe(true);
    expect((await server.gql(LOGOUT, { t: session.refreshToken })).data!.logout).toBe(true);
    expect(errorCode(await server.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await server.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it("logout leaves the user's other sessions able to carry on with their refresh tokens", async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const laptop = await login(user.email);
    const phone = await login(user.email);
    await server.gql(LOGOUT, { t: phone.refreshToken });
    const renewed = (await server.gql(REFRESH, { t: laptop.refreshToken })).data!.refreshToken;
    expect(await works(renewed)).toBe(true);
    // A sign-in after the logout is a new session and works.
    expect(await works(await login(user.email))).toBe(true);
  });

  it('a password change or reset ends every session of that user, access and refresh tokens alike', async () => {
    const make = factories(server);
    const admin = await make.user(UserRole.ADMIN);
    const adminToken = await signIn(server, admin.email);
    const user = await make.user(UserRole.STAFF);
    const sessions = [await login(user.email), await login(user.email)];
    const bystander = await login((await make.user(UserRole.STAFF)).email);

    expect((await server.gql(SET_PASSWORD, { id: user.id, password: 'a-new-password-1' }, adminToken)).errors).toBeUndefined();
    for (const session of sessions) {
      expect(errorCode(await server.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
      expect(errorCode(await server.gql(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    }
    expect(await works(bystander)).toBe(true);
    expect(await works(await login(user.email, 'a-new-password-1'))).toBe(true);
    expect(await works({ accessToken: adminToken, refreshToken: '' })).toBe(true);
  });

  it('a change of name or email alone ends no session', async () => {
    const make = factories(server);
    const adminToken = await signIn(server, (await make.user(UserRole.ADMIN)).email);
    const user = await make.user(UserRole.STAFF);
    const session = await login(user.email);
    await server.gql('mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed" }) { id } }', { id: user.id }, adminToken);
    expect(await works(session)).toBe(true);
  });

  it('checks the session on the user row it reads anyway: one query per request, no refresh-token lookup', async () => {
    const user = await factories(server).user(UserRole.STAFF);
    const session = await login(user.email);
    const queries = await server.queriesDuring(() => server.gql(ME, {}, session.accessToken));
    expect(queries.filter((sql) => /\bfrom "?users"?/i.test(sql))).toHaveLength(1);
    expect(queries.filter((sql) => /refresh_tokens/i.test(sql))).toEqual([]);
  });
});
