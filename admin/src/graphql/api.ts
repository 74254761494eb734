import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { freshAccessToken, renewSession } from '../auth/session';
import { isApiError } from './errors';
import { send } from './transport';

/**
 * Runs a document as the signed-in user. A request refused as UNAUTHENTICATED (the session was
 * ended elsewhere, or the token expired while the tab slept) is retried once after renewing the
 * session; if that fails the 401 goes to react-admin, which signs out.
 */
export async function request<Result, Variables extends AnyVariables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const token = await freshAccessToken();
  try {
    return await send(document, variables, token);
  } catch (error) {
    if (!(isApiError(error) && error.status === 401 && token && (await renewSession()))) throw error;
    return send(document, variables, await freshAccessToken());
  }
}
