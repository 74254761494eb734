import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Query limits. Our own deepest query (a gallery: job → images → nodes → fields, or the audit trail
 * with actor and image) is 5 levels deep; a full gallery page costs 30,773 by Armor's measure. The
 * limits leave room (about twice that) for
 * integrators without letting a single request become a denial of service. Aliases allow 20
 * aliased calls in one request: each still counts against the rate limits one by one.
 */
export const GRAPHQL_LIMITS = { maxDepth: 10, maxAliases: 20, maxDirectives: 10, maxTokens: 1500, maxCost: 60_000 } as const;

export function graphqlArmor(options: { production: boolean }) {
  return new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
    // Armor exempts __typename by default, which let 100 aliases of it through: every alias counts.
    // Its rule follows fragment spreads and inline fragments; a fragment cycle is refused by graphql-js.
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: true },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens, exposeLimits: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true },
    // "Did you mean …?" hints map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
}
