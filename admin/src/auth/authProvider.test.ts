import { HttpError } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ me: { id: 'u1', name: 'Stefan Staff', email: 'staff@pixgate.test', role: 'STAFF' } }));
vi.mock('../graphql/transport', () => ({ send }));
const { authProvider } = await import('./authProvider');
const { sessionUser, startSession, VERIFY_EVERY_MS } = await import('./session');

const signIn = () =>
  startSession({
    accessToken: 'access',
    accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
    user: { id: 'u1', name: 'Stefan Staff', email: 'staff@pixgate.test', role: 'STAFF' },
  });

const refreshAnswer = (status: number) =>
  status === 200
    ? new Response(
        JSON.stringify({
          accessToken: 'restored',
          accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
          refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          user: { id: 'u1', role: 'STAFF' },
        }),
        { status, headers: { 'content-type': 'application/json' } },
      )
    : new Response('{}', { status });

let fetchMock: ReturnType<typeof vi.fn>;

describe('the back office’s session', () => {
  beforeEach(() => {
    fetchMock = vi.fn(async (url: string) => (url.endsWith('/logout') ? new Response(null, { status: 204 }) : refreshAnswer(401)));
    vi.stubGlobal('fetch', fetchMock);
    signIn();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('survives a 403: a refusal of one action never signs out', async () => {
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(sessionUser()?.name).toBe('Stefan Staff');
    await expect(authProvider.checkError({ status: 409 })).resolves.toBeUndefined();
    expect(sessionUser()).not.toBeNull();
  });

  it('ends on a 401, on the server too (the cookie’s logout, with the session header)', async () => {
    await expect(authProvider.checkError({ status: 401 })).rejects.toMatchObject({ status: 401 });
    expect(sessionUser()).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith('/auth/admin/logout', expect.objectContaining({ method: 'POST', credentials: 'same-origin', headers: { 'X-Pixgate-Session': '1' } }));
    // No cookie session either (the refresh answers 401): signed out.
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
  });

  it('tells react-admin who is signed in and their role', async () => {
    await expect(authProvider.getIdentity!()).resolves.toEqual({ id: 'u1', fullName: 'Stefan Staff' });
    await expect(authProvider.getPermissions!({})).resolves.toBe('STAFF');
  });

  it('restores the session from the cookie after a reload, and asks for the name with the new token', async () => {
    await authProvider.logout({});
    fetchMock.mockImplementation(async () => refreshAnswer(200));
    send.mockClear();
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(fetchMock).toHaveBeenCalledWith('/auth/admin/refresh', expect.objectContaining({ method: 'POST', headers: { 'X-Pixgate-Session': '1' } }));
    expect(send).toHaveBeenCalledWith(expect.anything(), {}, 'restored');
    await expect(authProvider.getIdentity!()).resolves.toEqual({ id: 'u1', fullName: 'Stefan Staff' });
  });

  it('signs out an open tab whose user the API refuses (deactivated) at the next check', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    vi.setSystemTime(Date.now() + VERIFY_EVERY_MS);
    send.mockRejectedValueOnce(new HttpError('refused', 401, { code: 'UNAUTHENTICATED' }));
    await expect(authProvider.checkAuth({})).rejects.toBeDefined();
    expect(sessionUser()).toBeNull();
  });
});
