import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import { cacheSchema, embeddedTypes } from '../gql/cache-schema';
import { freshAccessToken, renewSession, sessionExpired } from '../session/session';

/**
 * The one connection to the API: POST to the same origin (the API serves the client; the dev server
 * proxies), graphcache as a normalised cache so one selection updates every counter and badge that
 * shows the same job or image. Its schema is trimmed to our own documents by codegen; types without
 * an id are stored inside their parent. GET would be refused by the API's CSRF protection.
 */
export function createApiClient({ url = '/graphql', fetch = authenticatedFetch }: { url?: string; fetch?: typeof globalThis.fetch } = {}): Client {
  return new Client({
    url,
    preferGetMethod: false,
    fetch,
    exchanges: [
      cacheExchange({
        schema: cacheSchema,
        keys: Object.fromEntries(embeddedTypes.map((type) => [type, () => null])),
      }),
      fetchExchange,
    ],
  });
}

/** Whether the API refused the token we sent (an expired session), not a wrong sign-in code. */
async function refusedToken(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  if (!response.headers.get('content-type')?.includes('json')) return false;
  const body = (await response.clone().json().catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
  return body?.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/** fetch with the session's access token; a refused token is renewed through the cookie once, then the session is over. */
export async function authenticatedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers, credentials: 'same-origin' });
  };
  const token = await freshAccessToken();
  const response = await send(token);
  if (!token || !(await refusedToken(response))) return response;
  if (!(await renewSession())) {
    sessionExpired();
    return response;
  }
  return send(await freshAccessToken());
}
