import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { toApiError, unreachable } from './errors';

/**
 * The one connection to the API: POST to the same origin (the API serves the back office; the dev
 * server proxies), no cache of urql's (react-admin's query cache is the one cache), no
 * introspection. GET would be refused by the API's CSRF protection.
 */
const client = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
});

const isMutation = (document: TypedDocumentNode<any, any>) =>
  document.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation');

/** Runs one typed document; resolves with its data or rejects with an ApiError (an HttpError). */
export async function send<Result, Variables extends AnyVariables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  accessToken?: string,
): Promise<Result> {
  const headers: Record<string, string> = accessToken ? { authorization: `Bearer ${accessToken}` } : {};
  const context = { fetchOptions: { headers } };
  const operation = isMutation(document) ? client.mutation(document, variables, context) : client.query(document, variables, context);
  const result = await operation.toPromise();
  if (result.error) throw toApiError(result.error);
  if (!result.data) throw unreachable(undefined, 'The API answered without data.');
  return result.data;
}
