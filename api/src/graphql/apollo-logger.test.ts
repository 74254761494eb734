import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { apolloLogger } from './apollo-logger.js';

describe('apolloLogger', () => {
  it('writes Apollo messages to our log without the request text they quote', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = apolloLogger(createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) }));
    let syntaxError: unknown;
    try {
      parse('mutation { login(email: "a@b.test" password "hunter2-secret") { accessToken } }');
    } catch (error) {
      syntaxError = error;
    }
    expect(String(syntaxError)).toContain('hunter2-secret');
    logger.error(`Unexpected error processing request: ${syntaxError}`);
    logger.error(new GraphQLError('Variable "$password" got invalid value "hunter2-secret"; Expected type "Int".'));
    logger.warn('A GraphQL operation was received during server shutdown.');
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'Unexpected error processing request: Syntax Error: Expected "…", found String "…".'],
      [50, 'GraphQLError: Variable "…" got invalid value "…"; Expected type "…".'],
      [40, 'A GraphQL operation was received during server shutdown.'],
    ]);
  });
});
