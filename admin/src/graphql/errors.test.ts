import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, HTTP_STATUS_OF } from '../i18n/labels';
import { toApiError } from './errors';

const answered = (extensions: Record<string, unknown>, message = 'server says no') =>
  toApiError(new CombinedError({ graphQLErrors: [{ message, extensions }] }));

describe('API errors in the back office', () => {
  it('carry the status of their code, the code, the reason and every extension', () => {
    for (const code of ERROR_CODES) {
      const error = answered({ code, currentVersion: 7 });
      expect(error.status, code).toBe(HTTP_STATUS_OF[code]);
      expect(error.body).toMatchObject({ code, extensions: { code, currentVersion: 7 }, serverMessage: 'server says no' });
    }
    expect(answered({ code: 'UNAUTHENTICATED' }).status).toBe(401);
    expect(answered({ code: 'FORBIDDEN' }).status).toBe(403);
    expect(answered({ code: 'CONFLICT' }).status).toBe(409);
    expect(answered({ code: 'RATE_LIMITED', retryAfterSeconds: 30 }).body.extensions.retryAfterSeconds).toBe(30);
  });

  it('explain a known reason, else the code, by an i18n key', () => {
    expect(answered({ code: 'BAD_USER_INPUT', reason: 'BELOW_INCLUDED_COUNT' }).message).toBe('pixgate.errors.reason.BELOW_INCLUDED_COUNT');
    expect(answered({ code: 'BAD_USER_INPUT', reason: 'SOMETHING_NEW' }).message).toBe('pixgate.errors.code.BAD_USER_INPUT');
  });

  it('name the form field a BAD_USER_INPUT is about, for react-admin’s server-side validation', () => {
    expect(answered({ code: 'BAD_USER_INPUT', field: 'title', reason: 'TOO_LONG' }).body.errors).toEqual({ title: 'pixgate.errors.code.BAD_USER_INPUT' });
    expect(answered({ code: 'CONFLICT', field: 'email' }).body.errors).toBeUndefined();
  });

  it('treat an unknown code as a server error and a missing answer as unavailable', () => {
    expect(answered({ code: 'SOMETHING_ELSE' }).status).toBe(500);
    const network = toApiError(new CombinedError({ networkError: new Error('connection refused') }));
    expect(network.status).toBe(503);
    expect(network.body.code).toBe('SERVICE_UNAVAILABLE');
  });
});
