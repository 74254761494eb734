import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

/** Longer first path segments are not ours; they are not worth logging and might be a pasted token. */
const MAX_LOGGED_SEGMENT = 32;

/** A request as logs may name it: the route pattern it matched (`/uploads/:token`), never its URL. */
export function routeOf(req: IncomingMessage): string {
  const { route, baseUrl, originalUrl } = req as Partial<Request>;
  if (typeof route?.path === 'string') return `${baseUrl ?? ''}${route.path}`;
  // No route matched (a 404), or the answer came before routing (429, CORS preflight): only the
  // first path segment, which names a part of the API; deeper segments may be tickets or tokens.
  const path = (originalUrl ?? req.url ?? '/').split('?', 1)[0]!;
  const [, first = '', ...rest] = path.split('/');
  const head = first.length <= MAX_LOGGED_SEGMENT ? first : '…';
  return rest.length > 0 ? `/${head}/…` : `/${head}`;
}
