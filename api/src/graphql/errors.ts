import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** GRAPHQL_VALIDATION_FAILED is graphql's own code, for our refusals of a query's shape (limit-refusal.ts). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED' | 'QUOTA_EXCEEDED' | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_VALIDATION_FAILED';

/** An error meant for the caller: a stable code plus machine-readable details, never a stack. */
export class AppError extends GraphQLError {
  /** A brand, not instanceof: graphql ships CJS and ESM builds, and a bundler may load both. */
  readonly isAppError = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in first.');
export const forbidden = (message = 'You may not do this.', details: Record<string, unknown> = {}) => new AppError('FORBIDDEN', message, details);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const conflict = (message: string, details: Record<string, unknown> = {}) => new AppError('CONFLICT', message, details);
/** `field` names the input that is wrong; `reason` is a code a program can switch on. */
export const badInput = (message: string, details: { field?: string; reason?: string; [key: string]: unknown } = {}) =>
  new AppError('BAD_USER_INPUT', message, details);
/** A plan's usage cap is reached: which period, its numbers, and when it starts afresh (ISO 8601). */
export const quotaExceeded = (message: string, details: { period: 'DAY' | 'MONTH'; limit: number; used: number; requested: number; resetAt: string }) =>
  new AppError('QUOTA_EXCEEDED', message, details);

// Codes Apollo and graphql-js produce themselves for malformed requests: safe to pass through.
const PROTOCOL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo's formatError: our own errors and protocol errors keep their message and code; anything
 * else (a database error, a bug) becomes INTERNAL_SERVER_ERROR with no message worth stealing.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, onInternal: (error: unknown) => void): GraphQLFormattedError {
  const cause = unwrap(original);
  if (isAppError(cause)) {
    return { message: cause.message, path: formatted.path, locations: formatted.locations, extensions: cause.extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PROTOCOL_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  onInternal(cause);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export const isAppError = (error: unknown): error is AppError =>
  typeof error === 'object' && error !== null && (error as { isAppError?: unknown }).isAppError === true;

/** Apollo and graphql-shield wrap thrown errors; the first AppError in the chain (or the innermost error) is the cause. */
function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && !isAppError(current); depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}
