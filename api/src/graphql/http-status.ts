import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

// The media types Apollo Server chooses between for a single result, as it spells them.
const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * Status codes of request errors (a document that does not parse or validate, variables that do
 * not coerce) as the GraphQL-over-HTTP spec has them. Apollo Server answers 400 whatever the
 * client accepts, which is right for application/graphql-response+json but not for a client that
 * asked for application/json: those read `errors` from a 200 and may take a 4xx for a transport
 * failure, so they get 200. A client that named neither (no Accept, or a wildcard) keeps the 400,
 * labelled application/graphql-response+json, which the spec allows since its 2025 watershed
 * and under which 400 is the rule. Other statuses (405, 429 …) are left alone.
 */
export const graphqlOverHttpStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    return {
      async willSendResponse({ response }) {
        if (response.http.status !== 400) return;
        const wanted = wantedMediaType(request.http?.headers.get('accept'));
        if (wanted === 'application/json') response.http.status = 200;
        else if (wanted === 'either') response.http.headers.set('content-type', GRAPHQL_RESPONSE_JSON);
      },
    };
  },
};

/** Which of the two a client asked for: by name, through a wildcard only ("either"), or neither. */
function wantedMediaType(accept: string | undefined): 'application/json' | 'application/graphql-response+json' | 'either' | undefined {
  if (!accept) return 'either';
  const negotiator = new Negotiator({ headers: { accept } });
  const chosen = negotiator.mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
  if (chosen === GRAPHQL_RESPONSE_JSON) return 'application/graphql-response+json';
  if (chosen === APPLICATION_JSON) return negotiator.mediaTypes().includes('application/json') ? 'application/json' : 'either';
  return undefined;
}
