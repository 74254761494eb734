import type { ApolloServerPlugin } from '@apollo/server';

/**
 * When a response holds nothing but rate-limit refusals, say so at the HTTP level too: status 429
 * and Retry-After. A response with some data (other aliases went through) stays 200.
 */
export const rateLimitStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        const limited = (errors ?? []).filter((error) => error.extensions?.code === 'RATE_LIMITED');
        const anyData = data && Object.values(data).some((value) => value !== null);
        if (limited.length === 0 || anyData) return;
        const retryAfter = Math.max(...limited.map((error) => Number(error.extensions?.retryAfterSeconds) || 1));
        response.http.status = 429;
        response.http.headers.set('Retry-After', String(retryAfter));
      },
    };
  },
};
