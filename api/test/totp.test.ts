import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailOutboxMessage } from '../src/modules/mail/mail-outbox-message.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { factories, PASSWORD, signIn } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

const BEGIN = 'mutation { beginTotpEnrollment { secret otpauthUri } }';
const CONFIRM = 'mutation($code: String!) { confirmTotpEnrollment(code: $code) { id totpEnabled } }';
const DISABLE = 'mutation($code: String!) { disableTotp(code: $code) { id totpEnabled } }';
const RESET = 'mutation($id: ID!) { resetUserTotp(id: $id) { id totpEnabled } }';
const LOGIN = `mutation($email: String!, $password: String!, $rememberMe: Boolean) {
  login(email: $email, password: $password, rememberMe: $rememberMe) {
    secondFactorRequired challenge challengeExpiresAt accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id }
  }
}`;
const SECOND_FACTOR = `mutation($challenge: String!, $code: String!) {
  verifySecondFactor(challenge: $challenge, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id } }
}`;
const ME = '{ me { id totpEnabled } }';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMITS_ENABLED: 'false' });
});
afterAll(() => server?.close());

const em = () => server.services.orm.em.fork();

/** The authenticator app: the code for now, or `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/**
 * A step is spent once used, and only one step either side of now is accepted, so one user can pass
 * the second factor about once per 30 seconds. Tests that need more forget the last step, as if
 * a minute had passed.
 */
const aMinuteLater = (userId: string) => em().nativeUpdate(User, { id: userId }, { totpLastTimeStep: null });

/** Codes no step near now accepts: what a guesser without the app sends. */
async function wrongCodes(secret: string, count: number): Promise<string[]> {
  const near = new Set(await Promise.all([-1, 0, 1].map((steps) => codeAt(secret, steps))));
  const codes: string[] = [];
  for (let candidate = 1; codes.length < count; candidate++) {
    const code = String(candidate).padStart(6, '0');
    if (!near.has(code)) codes.push(code);
  }
  return codes;
}

const reasonOf = (response: { errors?: { extensions: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions.reason;

async function enrolled(role: UserRole = UserRole.STAFF) {
  const user = await factories(server).user(role);
  const token = await signIn(server, user.email);
  const { secret } = (await server.gql(BEGIN, {}, token)).data!.beginTotpEnrollment;
  const confirmedWith = await codeAt(secret);
  const confirmed = await server.gql(CONFIRM, { code: confirmedWith }, token);
  expect(confirmed.data!.confirmTotpEnrollment.totpEnabled).toBe(true);
  /** The exact code the enrollment was confirmed with: spent from then on. */
  return { user, token, secret, confirmedWith };
}

async function challengeFor(email: string, rememberMe = false): Promise<string> {
  const { data, errors } = await server.gql(LOGIN, { email, password: PASSWORD, rememberMe });
  expect(errors).toBeUndefined();
  expect(data!.login.secondFactorRequired).toBe(true);
  return data!.login.challenge;
}

describe('TOTP enrollment', () => {
  it('shows the seed once, keeps it sealed at rest, and turns on only with a current code', async () => {
    const staff = await factories(server).user(UserRole.STAFF);
    const token = await signIn(server, staff.email);
    const { secret, otpauthUri } = (await server.gql(BEGIN, {}, token)).data!.beginTotpEnrollment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toContain(staff.email);
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe((await server.services.studio.get(em())).name);

    const [row] = await em().getConnection().execute<{ totp_secret: string; totp_enabled_at: Date | null }[]>('SELECT totp_secret, totp_enabled_at FROM users WHERE id = ?', [staff.id]);
    expect(row!.totp_secret).toMatch(/^v1\./);
    expect(row!.totp_secret).not.toContain(secret);
    expect(row!.totp_enabled_at).toBeNull();
    // Pending, not on: sign-in still gives tokens, and the seed is not readable through the API.
    expect((await server.gql(ME, {}, token)).data!.me.totpEnabled).toBe(false);
    expect((await server.gql(LOGIN, { email: staff.email, password: PASSWORD })).data!.login.secondFactorRequired).toBe(false);
    expect(errorCode(await server.gql('{ me { totpSecret } }', {}, token))).toBe('GRAPHQL_VALIDATION_FAILED');

    const [wrongCode] = await wrongCodes(secret, 1);
    const wrong = await server.gql(CONFIRM, { code: wrongCode }, token);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TOTP_CODE' });
    expect((await server.gql(CONFIRM, { code: await codeAt(secret) }, token)).data!.confirmTotpEnrollment.totpEnabled).toBe(true);
    expect((await server.gql(ME, {}, token)).data!.me.totpEnabled).toBe(true);

    const again = await server.gql(BEGIN, {}, token);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOTP_ALREADY_ENABLED' });
  });

  it('restarting an enrollment replaces the seed', async () => {
    const staff = await factories(server).user(UserRole.STAFF);
    const token = await signIn(server, staff.email);
    const first = (await server.gql(BEGIN, {}, token)).data!.beginTotpEnrollment.secret;
    const second = (await server.gql(BEGIN, {}, token)).data!.beginTotpEnrollment.secret;
    expect(second).not.toBe(first);
    expect(reasonOf(await server.gql(CONFIRM, { code: await codeAt(first) }, token))).toBe('INVALID_TOTP_CODE');
    expect((await server.gql(CONFIRM, { code: await codeAt(second) }, token)).data!.confirmTotpEnrollment.totpEnabled).toBe(true);
  });

  it('is for staff and admins only', async () => {
    const make = factories(server);
    const customerUser = await make.user(UserRole.CUSTOMER, await make.customer());
    const customerToken = await signIn(server, customerUser.email);
    expect(errorCode(await server.gql(BEGIN, {}, customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(CONFIRM, { code: '123456' }, customerToken))).toBe('FORBIDDEN');
    expect(errorCode(await server.gql(BEGIN))).toBe('UNAUTHENTICATED');
    const admin = await make.user(UserRole.ADMIN);
    expect((await server.gql(BEGIN, {}, await signIn(server, admin.email))).data!.beginTotpEnrollment.secret).toEqual(expect.any(String));
  });
});

describe('sign-in with TOTP on', () => {
  it('answers login with a challenge instead of tokens; verifySecondFactor completes it', async () => {
    const { user, secret } = await enrolled();
    const before = Date.now();
    const { data } = await server.gql(LOGIN, { email: user.email, password: PASSWORD, rememberMe: true });
    const login = data!.login;
    expect(login).toMatchObject({ secondFactorRequired: true, accessToken: null, accessTokenExpiresAt: null, refreshToken: null, refreshTokenExpiresAt: null, user: { id: user.id } });
    const challengeLifetime = new Date(login.challengeExpiresAt).getTime() - before;
    expect(challengeLifetime).toBeGreaterThan(4 * 60_000);
    expect(challengeLifetime).toBeLessThanOrEqual(5 * 60_000 + 1000);

    const [wrongCode] = await wrongCodes(secret, 1);
    const wrong = await server.gql(SECOND_FACTOR, { challenge: login.challenge, code: wrongCode });
    expect(wrong.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'INVALID_SECOND_FACTOR' });

    const session = (await server.gql(SECOND_FACTOR, { challenge: login.challenge, code: await codeAt(secret, 1) })).data!.verifySecondFactor;
    expect(session.user.id).toBe(user.id);
    // rememberMe from the first factor carries over.
    expect(Math.round((new Date(session.refreshTokenExpiresAt).getTime() - Date.now()) / 86_400_000)).toBe(7);
    expect((await server.gql(ME, {}, session.accessToken)).data!.me).toEqual({ id: user.id, totpEnabled: true });
    expect((await em().findOneOrFail(User, user.id)).lastLoginAt).toBeInstanceOf(Date);
  });

  it('refuses a code used before, within its window (replay)', async () => {
    const { user, secret, confirmedWith } = await enrolled();
    // The code that confirmed the enrollment is spent (the exact string, even if a step boundary has passed since).
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: await challengeFor(user.email), code: confirmedWith }))).toBe('INVALID_SECOND_FACTOR');
    const code = await codeAt(secret, 1);
    expect((await server.gql(SECOND_FACTOR, { challenge: await challengeFor(user.email), code })).data!.verifySecondFactor.user.id).toBe(user.id);
    // Captured and replayed by someone who also has the password: refused.
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: await challengeFor(user.email), code }))).toBe('INVALID_SECOND_FACTOR');
  });

  it('lets two requests with one code win once between them', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.email);
    const code = await codeAt(secret, 1);
    const answers = await Promise.all([0, 1, 2].map(() => server.gql(SECOND_FACTOR, { challenge, code })));
    expect(answers.filter((answer) => answer.data?.verifySecondFactor).length).toBe(1);
  });

  it('uses a challenge once, kills it after 5 wrong codes, replaces it with a newer sign-in, and lets it expire', async () => {
    const { user, secret } = await enrolled();
    const used = await challengeFor(user.email);
    expect((await server.gql(SECOND_FACTOR, { challenge: used, code: await codeAt(secret, 1) })).data!.verifySecondFactor).toBeTruthy();
    await aMinuteLater(user.id);
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: used, code: await codeAt(secret, 1) }))).toBe('INVALID_CHALLENGE');

    const guessedAt = await challengeFor(user.email);
    const right = await codeAt(secret, 1);
    for (const code of await wrongCodes(secret, 5)) expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: guessedAt, code }))).toBe('INVALID_SECOND_FACTOR');
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: guessedAt, code: right }))).toBe('INVALID_CHALLENGE');

    const older = await challengeFor(user.email);
    const newer = await challengeFor(user.email);
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: older, code: right }))).toBe('INVALID_CHALLENGE');
    expect((await server.gql(SECOND_FACTOR, { challenge: newer, code: right })).data!.verifySecondFactor.user.id).toBe(user.id);

    await aMinuteLater(user.id);
    await challengeFor(user.email);
    const { totpChallengeId } = await em().findOneOrFail(User, user.id);
    const expired = server.services.urlTokens.sign('second-factor', { u: user.id, c: totpChallengeId, r: false }, new Date(Date.now() - 1000));
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: expired, code: await codeAt(secret, 1) }))).toBe('INVALID_CHALLENGE');
    const otherPurpose = server.services.urlTokens.sign('media', { u: user.id, c: totpChallengeId, r: false }, new Date(Date.now() + 60_000));
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: otherPurpose, code: await codeAt(secret, 1) }))).toBe('INVALID_CHALLENGE');
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge: 'junk', code: await codeAt(secret, 1) }))).toBe('INVALID_CHALLENGE');
  });

  it('refuses to complete a challenge once the user is deactivated', async () => {
    const { user, secret } = await enrolled();
    const challenge = await challengeFor(user.email);
    const admin = await factories(server).user(UserRole.ADMIN);
    await server.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: user.id }, await signIn(server, admin.email));
    expect(reasonOf(await server.gql(SECOND_FACTOR, { challenge, code: await codeAt(secret, 1) }))).toBe('INVALID_CHALLENGE');
  });

  it('applies after an email code too: the code is the first factor, TOTP still the second', async () => {
    const { user, secret } = await enrolled();
    await server.gql('mutation($email: String!) { requestLoginCode(email: $email) }', { email: user.email });
    await server.services.loginCodes.settled();
    const [mail] = await em().find(MailOutboxMessage, { to: user.email });
    const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;
    const result = (await server.gql('mutation($email: String!, $code: String!) { verifyLoginCode(email: $email, code: $code) { secondFactorRequired challenge accessToken } }', { email: user.email, code })).data!.verifyLoginCode;
    expect(result).toMatchObject({ secondFactorRequired: true, accessToken: null });
    expect((await server.gql(SECOND_FACTOR, { challenge: result.challenge, code: await codeAt(secret, 1) })).data!.verifySecondFactor.user.id).toBe(user.id);
  });
});

describe('turning TOTP off', () => {
  it('needs a current code; afterwards sign-in gives tokens again', async () => {
    const { user, token, secret } = await enrolled();
    expect(reasonOf(await server.gql(DISABLE, { code: 'abcdef' }, token))).toBe('INVALID_TOTP_CODE');
    expect((await server.gql(DISABLE, { code: await codeAt(secret, 1) }, token)).data!.disableTotp.totpEnabled).toBe(false);
    const login = (await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login;
    expect(login).toMatchObject({ secondFactorRequired: false, challenge: null, accessToken: expect.any(String) });
    const [row] = await em().getConnection().execute<{ totp_secret: string | null }[]>('SELECT totp_secret FROM users WHERE id = ?', [user.id]);
    expect(row!.totp_secret).toBeNull();
    expect(reasonOf(await server.gql(DISABLE, { code: await codeAt(secret) }, token))).toBe('TOTP_NOT_ENABLED');
  });

  it('an admin can reset another user’s factor (lost phone), not their own; staff cannot', async () => {
    const { user } = await enrolled();
    const { user: admin, token: adminToken } = await enrolled(UserRole.ADMIN);
    const staffToken = await signIn(server, (await factories(server).user(UserRole.STAFF)).email);
    expect(errorCode(await server.gql(RESET, { id: user.id }, staffToken))).toBe('FORBIDDEN');
    expect((await server.gql(RESET, { id: user.id }, adminToken)).data!.resetUserTotp.totpEnabled).toBe(false);
    expect((await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login.accessToken).toEqual(expect.any(String));
    expect(reasonOf(await server.gql(RESET, { id: admin.id }, adminToken))).toBe('OWN_ACCOUNT');
    expect(errorCode(await server.gql(RESET, { id: '00000000-0000-4000-8000-000000000000' }, adminToken))).toBe('NOT_FOUND');
  });
});
