import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, badInput, conflict, forbidden, notFound, quotaExceeded, serviceUnavailable, unauthenticated } from '../shared/errors.js';
import { HTTP_STATUS, sendAppError } from './http-errors.js';

/** Just enough of Express's Response to see what sendAppError answers. */
function fakeResponse() {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as any };
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    type(value: string) {
      sent.headers['content-type'] = value;
      return res;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return res;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
      return res;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe('the error table (code → HTTP status)', () => {
  it('maps every code an AppError can carry to a 4xx or 5xx, and nothing else', () => {
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS[code], code).toBeLessThan(600);
    }
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('answers every code with its status and GraphQL’s error body', () => {
    for (const code of ERROR_CODES) {
      const { res, sent } = fakeResponse();
      const details = code === 'RATE_LIMITED' ? { retryAfterSeconds: 3, resetAt: new Date().toISOString() } : { reason: 'SOME_REASON' };
      sendAppError(res, new AppError(code as 'FORBIDDEN', `a ${code}`, details));
      expect(sent.status, code).toBe(HTTP_STATUS[code]);
      expect(sent.body, code).toEqual({ errors: [{ message: `a ${code}`, extensions: { code, ...details } }] });
    }
  });

  it('gives the helpers’ errors their own statuses (CONFLICT and QUOTA_EXCEEDED are no 403, BAD_USER_INPUT no 413)', () => {
    const resetAt = new Date(Date.now() + 90_000).toISOString();
    const cases: [AppError, number][] = [
      [unauthenticated(), 401],
      [forbidden(), 403],
      [notFound('Job'), 404],
      [badInput('This archive would be too large.', { reason: 'ARCHIVE_TOO_LARGE' }), 400],
      [conflict('Changed meanwhile.', { reason: 'STALE_VERSION' }), 409],
      [quotaExceeded('Quota spent.', { period: 'DAY', limit: 10, used: 10, requested: 1, resetAt }), 429],
      [new AppError('RATE_LIMITED', 'Too many.', { retryAfterSeconds: 7, resetAt }), 429],
      [serviceUnavailable('Try again.'), 503],
    ];
    for (const [error, status] of cases) {
      const { res, sent } = fakeResponse();
      sendAppError(res, error);
      expect(sent.status, error.code).toBe(status);
      expect(sent.body.errors[0].extensions.code).toBe(error.code);
    }
  });

  it('says when to try again: a rate limit’s seconds, a quota’s reset time', () => {
    const limited = fakeResponse();
    sendAppError(limited.res, new AppError('RATE_LIMITED', 'Too many.', { retryAfterSeconds: 7, resetAt: new Date().toISOString() }));
    expect(limited.sent.headers['retry-after']).toBe('7');

    const spent = fakeResponse();
    sendAppError(spent.res, quotaExceeded('Quota spent.', { period: 'DAY', limit: 10, used: 10, requested: 1, resetAt: new Date(Date.now() + 90_000).toISOString() }));
    expect(Number(spent.sent.headers['retry-after'])).toBeGreaterThanOrEqual(89);
    expect(Number(spent.sent.headers['retry-after'])).toBeLessThanOrEqual(90);

    const refused = fakeResponse();
    sendAppError(refused.res, forbidden());
    expect(refused.sent.headers['retry-after']).toBeUndefined();
  });
});
