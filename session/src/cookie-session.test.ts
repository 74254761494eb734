import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CookieSession, RENEW_BEFORE_MS, SESSION_HEADERS, type HeldSession, type RefreshAnswer } from './cookie-session';

interface Held extends HeldSession {
  userId: string;
}

const answer = (userId = 'u1', expiresInMs = 15 * 60_000): RefreshAnswer => ({
  accessToken: `token-${userId}-${expiresInMs}`,
  accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  user: { id: userId, role: 'STAFF' },
});

const held = (userId = 'u1', expiresInMs = 15 * 60_000): Held => ({ accessToken: `held-${userId}`, accessTokenExpiresAt: Date.now() + expiresInMs, userId });

/** A fetch whose answers the test hands out one by one, in the order the requests were made. */
function controlledFetch() {
  const pending: { url: string; init: RequestInit; resolve(response: Response): void; reject(error: Error): void }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => pending.push({ url, init, resolve, reject })));
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    pending,
    async answer(status: number, body?: unknown) {
      const next = pending.shift();
      if (!next) throw new Error('no request is waiting');
      next.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status }));
    },
  };
}

function sessionWith(overrides: { endsSession?: (status: number) => boolean } = {}) {
  const calls = { ended: [] as (Held | null)[], unreachable: 0, renewed: [] as { answer: RefreshAnswer; renewing: Held | null }[] };
  const session: CookieSession<Held> = new CookieSession<Held>({
    path: '/auth/test',
    endsSession: overrides.endsSession ?? (() => true),
    onEnded: (ended) => void calls.ended.push(ended),
    onUnreachable: () => void calls.unreachable++,
    onRenewed: (fresh, renewing) => {
      calls.renewed.push({ answer: fresh, renewing });
      session.hold({ accessToken: fresh.accessToken, accessTokenExpiresAt: Date.parse(fresh.accessTokenExpiresAt), userId: fresh.user.id });
      return true;
    },
  });
  return { session, calls };
}

beforeEach(() => vi.useRealTimers());
afterEach(() => vi.unstubAllGlobals());

describe('the cookie session', () => {
  it('asks the app’s refresh route once however many callers renew at the same time, with the session header and the cookie', async () => {
    const api = controlledFetch();
    const { session, calls } = sessionWith();
    const renewals = [session.renew(), session.renew(), session.renew()];
    expect(api.fetch).toHaveBeenCalledTimes(1);
    expect(api.pending[0]!.url).toBe('/auth/test/refresh');
    expect(api.pending[0]!.init).toEqual({ method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS });
    const fresh = answer();
    await api.answer(200, fresh);
    expect(await Promise.all(renewals)).toEqual([true, true, true]);
    expect(calls.renewed).toEqual([{ answer: fresh, renewing: null }]);
    expect(session.current?.accessToken).toBe(fresh.accessToken);

    // Once settled, the next renewal asks again.
    void session.renew();
    expect(api.fetch).toHaveBeenCalledTimes(2);
  });

  it('forgets the session on a refusal the app says ends it, and keeps it on one that does not', async () => {
    const api = controlledFetch();
    const { session, calls } = sessionWith({ endsSession: (status) => status === 401 });
    const before = held();
    session.hold(before);

    const refusedByOutage = session.renew();
    await api.answer(503);
    expect(await refusedByOutage).toBe(false);
    expect(session.current).toBe(before);
    expect(calls.ended).toEqual([]);

    const refused = session.renew();
    await api.answer(401);
    expect(await refused).toBe(false);
    expect(session.current).toBeNull();
    expect(calls.ended).toEqual([before]);
  });

  it('keeps the session when the API cannot be reached, and says so', async () => {
    const api = controlledFetch();
    const { session, calls } = sessionWith();
    const before = held();
    session.hold(before);
    const renewal = session.renew();
    api.pending.shift()!.reject(new TypeError('Failed to fetch'));
    expect(await renewal).toBe(false);
    expect(session.current).toBe(before);
    expect(calls.unreachable).toBe(1);
  });

  it('lets a sign-in or a sign-out that happened while the renewal ran win over its answer', async () => {
    const api = controlledFetch();
    const { session, calls } = sessionWith();
    session.hold(held('u1'));

    const outrunBySignIn = session.renew();
    const signedIn = held('u2');
    session.hold(signedIn);
    await api.answer(200, answer('u1'));
    expect(await outrunBySignIn).toBe(true);
    expect(session.current).toBe(signedIn);

    const outrunBySignOut = session.renew();
    session.forget();
    await api.answer(200, answer('u2'));
    expect(await outrunBySignOut).toBe(false);
    expect(session.current).toBeNull();

    const refusalAfterSignIn = session.renew();
    const again = held('u3');
    session.hold(again);
    await api.answer(401);
    expect(await refusalAfterSignIn).toBe(false);
    expect(session.current).toBe(again);
    expect(calls.renewed).toEqual([]);
    expect(calls.ended).toEqual([]);
  });

  it('hands out the held access token while it has more than a minute left, and renews it first otherwise', async () => {
    const api = controlledFetch();
    const { session } = sessionWith();
    expect(await session.freshAccessToken()).toBeUndefined();
    expect(api.fetch).not.toHaveBeenCalled();

    session.hold(held('u1', RENEW_BEFORE_MS + 5_000));
    expect(await session.freshAccessToken()).toBe('held-u1');
    expect(api.fetch).not.toHaveBeenCalled();

    session.hold(held('u1', RENEW_BEFORE_MS - 5_000));
    const token = session.freshAccessToken();
    const fresh = answer('u1');
    await api.answer(200, fresh);
    expect(await token).toBe(fresh.accessToken);
  });

  it('signs out on the server through the app’s logout route, and an unreachable API does not throw', async () => {
    const api = controlledFetch();
    const { session } = sessionWith();
    const logout = session.logout();
    expect(api.pending[0]!.url).toBe('/auth/test/logout');
    expect(api.pending[0]!.init).toEqual({ method: 'POST', credentials: 'same-origin', headers: SESSION_HEADERS });
    api.pending.shift()!.reject(new TypeError('Failed to fetch'));
    await expect(logout).resolves.toBeUndefined();
  });
});
