import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { errorHygienePlugin } from './error-hygiene.js';
import { validationLimitRefusal, type QueryLimit } from './limit-refusal.js';

/**
 * Query limits. Our own deepest query (a gallery: job → images → nodes → fields, or the audit trail
 * with actor and image) is 5 levels deep; a full gallery page costs 30,773 by Armor's measure. The
 * limits leave room (about twice that) for
 * integrators without letting a single request become a denial of service. Aliases allow 20
 * aliased calls in one request: each still counts against the rate limits one by one.
 */
export const GRAPHQL_LIMITS = { maxDepth: 10, maxAliases: 20, maxDirectives: 10, maxTokens: 1500, maxCost: 60_000 } as const;

/**
 * Armor reports a refusal as a bare "Syntax Error: … limit of N exceeded" with no hint of which
 * limit for a program; we report our own error instead, with extensions.limit. The figures stay in
 * the message here and are taken out in production by errorHygienePlugin, the one place that does.
 */
const reportAs = (limit: QueryLimit) => ({
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(validationLimitRefusal(limit, error.message.replace(/^Syntax Error: /, '')))],
});

export function graphqlArmor(options: { production: boolean }) {
  const armor = new ApolloArmor({
    // Depth counts fields, not the fragments around them (see costLimit below).
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reportAs('depth') },
    // Armor exempts __typename by default, which let 100 aliases of it through: every alias counts.
    // Its rule follows fragment spreads and inline fragments; a fragment cycle is refused by graphql-js.
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, allowList: [], ...reportAs('aliases') },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...reportAs('directives') },
    // A fragment costs what its fields cost, as if written inline: the customer client colocates a
    // fragment with each component (fragment masking), nested three or four deep, and Armor's default
    // multiplied each level by 1.5 again (its full gallery page measured 216,574 instead of ~35,000).
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true, ...reportAs('cost') },
    // Armor's token check throws from a plugin hook, which Apollo answers with a 500; graphql-js's
    // parser has the same limit built in (parseOptions below) and fails as a 400 parse error.
    maxTokens: { enabled: false },
    // Its "[Suggestion hidden]" misses enum values and inline-fragment hints; errorHygienePlugin
    // removes every kind, in production.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), errorHygienePlugin(options)],
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
