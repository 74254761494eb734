import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 15, item 9: the account page — language, notification switches and password — changes the
 * signed-in user only, and a customer cannot reach staff-only switches or anyone else's settings.
 */
let server: TestServer;
const em = () => server.services.orm.em.fork();

beforeAll(async () => {
  // Sign-in limits as in production (the test default lifts them): guessing a current password must meet one.
  server = await startTestServer({ RATE_LIMIT_LOGIN_ACCOUNT_IP: '5/10m' });
});
afterAll(() => server?.close());

const ME = '{ me { id language notificationSettings { kind enabled } } }';
const UPDATE = 'mutation($input: MySettingsInput!) { updateMySettings(input: $input) { id language notificationSettings { kind enabled } } }';
const CHANGE = `mutation($current: String!, $next: String!, $cookie: SessionCookie) {
  changeMyPassword(currentPassword: $current, newPassword: $next, sessionCookie: $cookie) { accessToken refreshToken user { id } }
}`;

async function customerUser() {
  const make = factories(server);
  const user = await make.user(UserRole.CUSTOMER, await make.customer());
  return { user, token: await signIn(server, user.email) };
}

describe('updateMySettings', () => {
  it('starts in German with every notification of the role on, and changes only what it is given', async () => {
    const { token } = await customerUser();
    expect((await server.gql(ME, {}, token)).data!.me).toMatchObject({
      language: 'DE',
      notificationSettings: [{ kind: 'JOB_DELIVERED', enabled: true }, { kind: 'EXTRA_DECIDED', enabled: true }],
    });
    const changed = (await server.gql(UPDATE, { input: { language: 'EN', notifications: [{ kind: 'JOB_DELIVERED', enabled: false }] } }, token)).data!.updateMySettings;
    expect(changed).toMatchObject({ language: 'EN', notificationSettings: [{ kind: 'JOB_DELIVERED', enabled: false }, { kind: 'EXTRA_DECIDED', enabled: true }] });
    expect((await server.gql(UPDATE, { input: { notifications: [{ kind: 'EXTRA_DECIDED', enabled: false }] } }, token)).data!.updateMySettings.language).toBe('EN');
    expect((await server.gql(ME, {}, token)).data!.me.notificationSettings).toEqual([{ kind: 'JOB_DELIVERED', enabled: false }, { kind: 'EXTRA_DECIDED', enabled: false }]);
  });

  it('staff have the requests-for-extras mail, and only that', async () => {
    const staff = await factories(server).user(UserRole.STAFF);
    const token = await signIn(server, staff.email);
    expect((await server.gql(ME, {}, token)).data!.me.notificationSettings).toEqual([{ kind: 'EXTRAS_REQUESTED', enabled: true }]);
    const refused = await server.gql(UPDATE, { input: { notifications: [{ kind: 'JOB_DELIVERED', enabled: false }] } }, token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTIFICATION_NOT_FOR_ROLE', kinds: ['JOB_DELIVERED'] });
  });

  it('hostile: a customer setting a staff-only switch is refused whole — the language in the same input stays', async () => {
    const { user, token } = await customerUser();
    const refused = await server.gql(UPDATE, { input: { language: 'EN', notifications: [{ kind: 'EXTRAS_REQUESTED', enabled: false }] } }, token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOTIFICATION_NOT_FOR_ROLE' });
    const row = await em().findOneOrFail(User, { id: user.id });
    expect([row.language, row.notifyExtrasRequested]).toEqual(['DE', true]);
  });

  it('hostile: there is no way to name another user, the language is one of the enum, and nobody unsigned changes anything', async () => {
    const { token } = await customerUser();
    const { user: other } = await customerUser();
    const named = await server.gql('mutation($id: ID!) { updateMySettings(userId: $id, input: { language: EN }) { id } }', { id: other.id }, token);
    expect(errorCode(named)).toBe('GRAPHQL_VALIDATION_FAILED');
    const throughStaffInput = await server.gql('mutation($id: ID!) { updateUser(id: $id, input: { language: EN }) { id } }', { id: other.id }, token);
    expect(errorCode(throughStaffInput)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCode(await server.gql(UPDATE, { input: { language: 'FR' } }, token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await server.gql(UPDATE, { input: { language: 'EN' } }))).toBe('UNAUTHENTICATED');
    expect((await em().findOneOrFail(User, { id: other.id })).language).toBe('DE');
  });
});

describe('changeMyPassword', () => {
  it('takes the current password, ends every session, answers a fresh one and is audited without the password', async () => {
    const { user, token } = await customerUser();
    const elsewhere = await signIn(server, user.email);
    const changed = await server.gql(CHANGE, { current: PASSWORD, next: 'a-new-password-42' }, token);
    const session = changed.data!.changeMyPassword;
    expect(session.user.id).toBe(user.id);
    for (const old of [token, elsewhere]) expect(errorCode(await server.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect((await server.gql(ME, {}, session.accessToken)).data!.me.id).toBe(user.id);
    expect(await signIn(server, user.email, 'a-new-password-42')).toBeTruthy();
    await expect(signIn(server, user.email)).rejects.toThrow(/login failed/);

    const [entry] = await em().find(AuditEntry, { userId: user.id, field: 'password' });
    expect(entry).toMatchObject({ oldValue: null, newValue: 'CHANGED', actor: { id: user.id } });
    expect(JSON.stringify(entry)).not.toMatch(/a-new-password|argon2/);
  });

  it('puts the fresh session into the client’s cookie when asked', async () => {
    const { token } = await customerUser();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CHANGE, variables: { current: PASSWORD, next: 'another-password-7', cookie: 'CLIENT' } }),
    });
    const body = (await response.json()) as { data: { changeMyPassword: { refreshToken: string } } };
    expect(body.data.changeMyPassword.refreshToken).toBe('');
    expect(response.headers.get('set-cookie')).toMatch(/^pixgate_client_session=[A-Za-z0-9_-]{40,};.*HttpOnly/);
  });

  it('hostile: a wrong current password, a short new one and a code-only account are typed refusals that change nothing; guessing is limited', async () => {
    const { user, token } = await customerUser();
    const wrong = await server.gql(CHANGE, { current: 'not-the-password', next: 'a-new-password-42' }, token);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', reason: 'WRONG_PASSWORD' });
    const short = await server.gql(CHANGE, { current: PASSWORD, next: 'short' }, token);
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'TOO_SHORT' });
    expect((await server.gql(ME, {}, token)).data!.me.id).toBe(user.id);

    const codeOnly = await factories(server).user(UserRole.CUSTOMER, await factories(server).customer());
    await em().nativeUpdate(User, { id: codeOnly.id }, { passwordHash: null });
    const codeOnlyToken = await server.services.accessTokens.issue({ id: codeOnly.id, sessionGeneration: 0 });
    // The client offers the password form by this flag; it tells the user about themselves only.
    expect((await server.gql('{ me { hasPassword } }', {}, codeOnlyToken.token)).data!.me.hasPassword).toBe(false);
    expect((await server.gql('{ me { hasPassword } }', {}, token)).data!.me.hasPassword).toBe(true);
    const none = await server.gql(CHANGE, { current: '', next: 'a-new-password-42' }, codeOnlyToken.token);
    expect(none.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_PASSWORD' });

    const guesses = [];
    for (let attempt = 0; attempt < 6; attempt++) guesses.push(errorCode(await server.gql(CHANGE, { current: `guess-${attempt}`, next: 'a-new-password-42' }, token)));
    expect(guesses).toContain('RATE_LIMITED');
    expect(await signIn(server, user.email)).toBeTruthy();
    expect(await em().count(AuditEntry, { userId: user.id, field: 'password' })).toBe(0);
  });
});
