import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isQueryLimit, LIMIT_MESSAGES } from './limit-refusal.js';

// graphql-js appends one of these to validation and coercion messages (its didYouMean()): names
// are [_A-Za-z0-9]*, so a suggestion never contains a "?" before its own.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

// graphql-js's own wording when the parser's maxTokens stops it (sic: "more that").
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens\./;

/** The message without graphql-js's "Did you mean …?" hints. */
export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, '');

/**
 * Rewrites every error of a GraphQL response, the last step before it is sent: limit refusals
 * are tagged with the limit they hit, and in production no message suggests names (they map the
 * schema when introspection is off) or states a limit's figures.
 */
export function errorHygienePlugin(options: { production: boolean }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const { singleResult } = response.body;
          response.body.singleResult = { ...singleResult, errors: singleResult.errors!.map((error) => cleanError(error, options.production)) };
        },
      };
    },
  };
}

export function cleanError(error: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const tagged = TOKEN_LIMIT.test(error.message) ? { ...error, extensions: { ...error.extensions, limit: 'tokens' } } : error;
  if (!production) return tagged;
  const limit = tagged.extensions?.limit;
  if (isQueryLimit(limit)) {
    // The code, the limit and any reason stay; counts and bounds go.
    const extensions = Object.fromEntries(Object.entries(tagged.extensions!).filter(([, value]) => typeof value !== 'number'));
    return { ...tagged, message: LIMIT_MESSAGES[limit], extensions };
  }
  return { ...tagged, message: withoutSuggestions(tagged.message) };
}
