import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isAppError, type AppError } from '../shared/errors.js';

/** The GraphQL shape of an AppError's code and details: `extensions: { code, ...details }`. */
export const extensionsOf = (error: AppError): Record<string, unknown> => ({ code: error.code, ...error.details });

/**
 * An AppError as a GraphQLError, for the few places graphql-js wants one (a validation rule's
 * reportError); resolvers, rules and plugins throw or return the AppError itself.
 */
export const toGraphQLError = (error: AppError): GraphQLError => new GraphQLError(error.message, { extensions: extensionsOf(error), originalError: error });

// Codes Apollo and graphql-js produce themselves for malformed requests: safe to pass through.
const PROTOCOL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Apollo's formatError: our own errors and protocol errors keep their message and code; anything
 * else (a database error, a bug) becomes INTERNAL_SERVER_ERROR with no message worth stealing.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, onInternal: (error: unknown) => void): GraphQLFormattedError {
  const cause = unwrap(original);
  if (isAppError(cause)) {
    return { message: cause.message, path: formatted.path, locations: formatted.locations, extensions: extensionsOf(cause) };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PROTOCOL_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  onInternal(cause);
  return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Apollo, graphql-js and graphql-shield wrap thrown errors; the first AppError in the chain (or the innermost error) is the cause. */
function unwrap(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && !isAppError(current); depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}
