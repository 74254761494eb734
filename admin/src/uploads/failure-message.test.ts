import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { failureText } from './failure-message';
import { problemOfResponse } from './put-file';
import type { UploadFailure } from './upload-failure';

const mb = (bytes: number) => `${bytes / 1_000_000} MB`;
const failure = (partial: Partial<UploadFailure>): UploadFailure => ({ step: 'complete', code: 'BAD_USER_INPUT', details: {}, ...partial });
/** The English text behind an i18n key, so the test fails when a key has no message. */
const message = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);

describe('a failed upload explained', () => {
  it('names the API’s upload reason in words, with the limit it gave', () => {
    const text = failureText(failure({ step: 'request', reason: 'TOO_LARGE', details: { maxBytes: 52_428_800 } }), mb);
    expect(text).toMatchObject({ key: 'pixgate.upload.reason.TOO_LARGE', values: { maxSize: '52.4288 MB' }, stepKey: 'pixgate.upload.step.request' });
    expect(message(text.key)).toContain('%{maxSize}');
    expect(text.serverMessage).toBeUndefined();
  });

  it('falls back to the error code’s label and keeps the API’s own words for a reason it does not know', () => {
    const text = failureText(failure({ code: 'CONFLICT', reason: 'SOMETHING_NEW', serverMessage: 'Something new happened.' }), mb);
    expect(text.key).toBe('pixgate.errors.code.CONFLICT');
    expect(text.serverMessage).toBe('Something new happened.');
    expect(message(text.key)).toBeTypeOf('string');
  });

  it('explains what went wrong before any answer', () => {
    expect(failureText(failure({ step: 'send', code: 'NETWORK' }), mb).key).toBe('pixgate.upload.local.NETWORK');
    expect(failureText(failure({ code: 'WHATEVER', serverMessage: 'boom' }), mb)).toMatchObject({ key: 'pixgate.upload.local.UNKNOWN', values: { message: 'boom' } });
  });

  it('has a message in English for every key it can produce', () => {
    for (const step of ['hash', 'request', 'send', 'complete', 'render'] as const) expect(message(failureText(failure({ step }), mb).stepKey)).toBeTypeOf('string');
  });
});

describe('a refused PUT', () => {
  it('reads the API’s own error shape', () => {
    const body = JSON.stringify({ errors: [{ message: 'This upload link is not valid.', extensions: { code: 'FORBIDDEN', reason: 'EXPIRED' } }] });
    expect(problemOfResponse(403, body)).toEqual({ code: 'FORBIDDEN', reason: 'EXPIRED', details: {}, serverMessage: 'This upload link is not valid.' });
  });

  it('reads an S3 service’s XML, an expired signature as EXPIRED', () => {
    const xml = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    expect(problemOfResponse(403, xml)).toMatchObject({ code: 'FORBIDDEN', reason: 'EXPIRED', serverMessage: 'Request has expired' });
  });

  it('keeps a proxy’s Retry-After', () => {
    expect(problemOfResponse(429, 'Too Many Requests', '12')).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 12 } });
    expect(problemOfResponse(502, '')).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serverMessage: 'HTTP 502' });
  });
});
