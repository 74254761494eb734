import { AppError } from '../shared/errors.js';
import { toGraphQLError } from './errors.js';

/** The request limits a refusal can name (extensions.limit). */
export const QUERY_LIMITS = ['aliases', 'depth', 'directives', 'cost', 'tokens', 'listItems'] as const;
export type QueryLimit = (typeof QUERY_LIMITS)[number];

export const isQueryLimit = (value: unknown): value is QueryLimit => (QUERY_LIMITS as readonly unknown[]).includes(value);

/**
 * What production says instead of the figures: which limit was hit, not where it lies, so a
 * prober cannot walk up to the exact bound. Development keeps the detailed message.
 */
export const LIMIT_MESSAGES: Record<QueryLimit, string> = {
  aliases: 'The query uses too many aliases.',
  depth: 'The query is nested too deeply.',
  directives: 'The query uses too many directives.',
  cost: 'The query is too expensive. Ask for fewer fields or smaller pages.',
  tokens: 'Syntax Error: The document has too many tokens.',
  listItems: 'This request could return too many list items. Ask for smaller pages.',
};

/** A query refused by a validation-time limit: graphql's own code, plus which limit (a GraphQLError, for reportError). */
export const validationLimitRefusal = (limit: QueryLimit, message: string) => toGraphQLError(new AppError('GRAPHQL_VALIDATION_FAILED', message, { limit }));
