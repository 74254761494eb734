import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../graphql/transport', () => ({ send: vi.fn(async () => ({ logout: true })) }));
const { authProvider } = await import('./authProvider');
const { sessionUser, startSession } = await import('./session');

const signIn = () =>
  startSession({
    accessToken: 'access',
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
    refreshToken: 'refresh',
    user: { id: 'u1', name: 'Stefan Staff', email: 'staff@pixgate.test', role: 'STAFF' },
  });

describe('the back office’s session', () => {
  beforeEach(signIn);

  it('survives a 403: a refusal of one action never signs out', async () => {
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(sessionUser()?.name).toBe('Stefan Staff');
    await expect(authProvider.checkError({ status: 409 })).resolves.toBeUndefined();
    expect(sessionUser()).not.toBeNull();
  });

  it('ends on a 401', async () => {
    await expect(authProvider.checkError({ status: 401 })).rejects.toMatchObject({ status: 401 });
    expect(sessionUser()).toBeNull();
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
  });

  it('tells react-admin who is signed in and their role', async () => {
    await expect(authProvider.getIdentity!()).resolves.toEqual({ id: 'u1', fullName: 'Stefan Staff' });
    await expect(authProvider.getPermissions!({})).resolves.toBe('STAFF');
  });
});
