import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, badInput, forbidden } from '../shared/errors.js';
import { maskError, toGraphQLError } from './errors.js';

const formatted = (error: GraphQLError): GraphQLFormattedError => error.toJSON();

describe('maskError (the GraphQL edge of AppError)', () => {
  it('answers an AppError with its message and extensions { code, ...details }', () => {
    const error = badInput('first must be between 1 and 100.', { field: 'first', reason: 'OUT_OF_RANGE', max: 100 });
    const located = new GraphQLError(error.message, { path: ['jobs'], originalError: error });
    expect(maskError(formatted(located), located, () => {})).toEqual({
      message: 'first must be between 1 and 100.',
      path: ['jobs'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'first', reason: 'OUT_OF_RANGE', max: 100 },
    });
  });

  it('finds the AppError a shield rule returned under graphql-js’s and Apollo’s wrappers', () => {
    const denied = forbidden('Only studio staff may do this.');
    const wrapped = new GraphQLError('outer', { originalError: new GraphQLError(denied.message, { originalError: denied }) });
    const internal: unknown[] = [];
    expect(maskError(formatted(wrapped), wrapped, (error) => internal.push(error))).toMatchObject({
      message: 'Only studio staff may do this.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(internal).toEqual([]);
  });

  it('masks anything else as INTERNAL_SERVER_ERROR and reports it once', () => {
    const bug = new Error('relation "users" does not exist');
    const located = new GraphQLError(bug.message, { originalError: bug });
    const internal: unknown[] = [];
    expect(maskError(formatted(located), located, (error) => internal.push(error))).toEqual({ message: 'Internal server error.', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(internal).toEqual([bug]);
  });

  it('gives graphql-js a GraphQLError with the same extensions where it needs one', () => {
    const error = toGraphQLError(new AppError('GRAPHQL_VALIDATION_FAILED', 'The query is nested too deeply.', { limit: 'depth' }));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(maskError(formatted(error), error, () => {}).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
  });
});
