/**
 * Errors meant for the caller, in no transport's terms: a stable code a program can switch on, a
 * message a person can read and machine-readable details. The edges translate them: GraphQL
 * answers `{ message, extensions: { code, ...details } }` (graphql/errors.ts), plain HTTP routes
 * the same body with the status of HTTP_STATUS (http/http-errors.ts).
 */

/**
 * Every code an error of ours can carry. GRAPHQL_VALIDATION_FAILED is graphql's own code, for our
 * refusals of a query's shape (graphql/limit-refusal.ts); BAD_REQUEST, PAYLOAD_TOO_LARGE,
 * UNSUPPORTED_MEDIA_TYPE and METHOD_NOT_ALLOWED are the HTTP edge's refusals of a request itself.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'QUOTA_EXCEEDED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Facts beside the code: `reason` is a finer code a program can switch on, `field` the input that is wrong. */
export type ErrorDetails = { reason?: string; field?: string; [detail: string]: unknown };

/** A plan's usage cap is reached: which period, its numbers, and when it starts afresh (ISO 8601). */
export type QuotaDetails = { period: 'DAY' | 'MONTH'; limit: number; used: number; requested: number; resetAt: string; reason?: string };

/** Too many attempts: when to try again, and which limit said no. */
export type RateLimitDetails = { retryAfterSeconds: number; resetAt: string; limit?: string };

/** Codes whose details are fixed: an error with one of these codes must carry them. */
interface RequiredDetails {
  QUOTA_EXCEEDED: QuotaDetails;
  RATE_LIMITED: RateLimitDetails;
}
type DetailsArgument<C extends ErrorCode> = C extends keyof RequiredDetails ? [details: RequiredDetails[C]] : [details?: ErrorDetails];

/** An error meant for the caller: a stable code plus machine-readable details, never a stack. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'AppError';
  /** A brand, not instanceof: a bundler or test runner may load this module twice. */
  readonly isAppError = true;
  readonly details: Readonly<ErrorDetails>;

  constructor(
    readonly code: C,
    message: string,
    ...[details]: DetailsArgument<C>
  ) {
    super(message);
    this.details = details ?? {};
  }
}

export const isAppError = (error: unknown): error is AppError =>
  typeof error === 'object' && error !== null && (error as { isAppError?: unknown }).isAppError === true;

export const unauthenticated = (message = 'Sign in first.', details: ErrorDetails = {}) => new AppError('UNAUTHENTICATED', message, details);
export const forbidden = (message = 'You may not do this.', details: ErrorDetails = {}) => new AppError('FORBIDDEN', message, details);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const conflict = (message: string, details: ErrorDetails = {}) => new AppError('CONFLICT', message, details);
/** `field` names the input that is wrong; `reason` is a code a program can switch on. */
export const badInput = (message: string, details: ErrorDetails = {}) => new AppError('BAD_USER_INPUT', message, details);
export const quotaExceeded = (message: string, details: QuotaDetails) => new AppError('QUOTA_EXCEEDED', message, details);
export const serviceUnavailable = (message: string, details: ErrorDetails = {}) => new AppError('SERVICE_UNAVAILABLE', message, details);
export const internalError = () => new AppError('INTERNAL_SERVER_ERROR', 'Internal server error.');
