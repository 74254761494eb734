import type { Response } from 'express';
import type { AppError, ErrorCode } from '../shared/errors.js';

/**
 * The one table from an error's code to the status a plain HTTP route answers with. A code
 * without a status does not compile (Record over the union), and http-errors.test.ts walks
 * ERROR_CODES at run time.
 *
 * QUOTA_EXCEEDED is 429, not 403: the caller is allowed to do this, just not more of it before
 * `resetAt` — a limit over a long window, which is what 429 and Retry-After say (Google's APIs
 * answer a spent quota the same way); 403 would tell a client that retrying can never help.
 * BAD_USER_INPUT is 400 whatever it is about; a request body that is too large is
 * PAYLOAD_TOO_LARGE (413), said by the edge that measured it.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** GraphQL's error shape, so a client reads `errors[0].extensions.code` whichever route answered. */
export interface ErrorBody {
  errors: [{ message: string; extensions: { code: string; [detail: string]: unknown } }];
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { code, ...details } }] };
}

/** Plain HTTP routes answer with the same error shape GraphQL uses: a message, a code and details. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).type('application/json').send(JSON.stringify(errorBody(code, message, details)));
}

/** An AppError as a plain HTTP answer: the table's status, GraphQL's body, and Retry-After when waiting helps. */
export function sendAppError(res: Response, error: AppError): void {
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  sendError(res, HTTP_STATUS[error.code], error.code, error.message, error.details);
}

/** Seconds until a refused request may succeed: a rate limit says so, a quota names its reset time. */
function retryAfterSeconds(error: AppError): number | undefined {
  if (HTTP_STATUS[error.code] !== 429) return undefined;
  const { retryAfterSeconds: seconds, resetAt } = error.details;
  if (typeof seconds === 'number' && seconds > 0) return Math.ceil(seconds);
  const until = typeof resetAt === 'string' ? Date.parse(resetAt) - Date.now() : Number.NaN;
  return Number.isFinite(until) ? Math.max(1, Math.ceil(until / 1000)) : undefined;
}
