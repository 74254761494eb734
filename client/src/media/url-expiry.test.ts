import { describe, expect, it } from 'vitest';
import { refreshDelay, UNKNOWN_EXPIRY_REFRESH_MS, urlExpiresAt } from './url-expiry';

const mediaUrl = (exp: number) => `http://127.0.0.1:4000/media/${Buffer.from(JSON.stringify({ u: 'user', img: 'image', k: 'thumbnail', p: 'media', exp })).toString('base64url')}.c2lnbmF0dXJl`;

describe('when a short-lived image URL expires', () => {
  it('is read from the API’s own media token and from a presigned S3 URL', () => {
    expect(urlExpiresAt(mediaUrl(1_900_000_000))).toBe(1_900_000_000_000);
    const presigned = 'https://s3.example.com/pixgate/customers/c/jobs/j/renditions/i/thumbnail.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261203T101500Z&X-Amz-Expires=300&X-Amz-Signature=abc';
    expect(urlExpiresAt(presigned)).toBe(Date.UTC(2026, 11, 3, 10, 20, 0));
  });

  it('is unknown for anything else, including a token that is not JSON', () => {
    expect(urlExpiresAt('http://127.0.0.1/media/not-json.sig')).toBeNull();
    expect(urlExpiresAt('http://127.0.0.1/elsewhere.jpg')).toBeNull();
    expect(urlExpiresAt('::not a url')).toBeNull();
  });
});

describe('when to ask for fresh URLs', () => {
  const now = 1_900_000_000_000;
  it('before the first URL expires, with 30 % of its life (at least 1.5 s) to spare', () => {
    // A 5-minute link: refreshed 90 s before its end.
    expect(refreshDelay([mediaUrl(now / 1000 + 300), mediaUrl(now / 1000 + 600)], now, now)).toBe(210_000);
    // A 5-second link: 1.5 s before its end.
    expect(refreshDelay([mediaUrl(now / 1000 + 5)], now, now)).toBe(3_500);
  });

  it('by the expiry the API states with the URLs when there is one, reading the URL only without it', () => {
    const stated = new Date(now + 60_000).toISOString();
    // The token says 10 minutes; the API says 1 minute: the API's word counts (30 % of 60 s before).
    expect(refreshDelay([{ url: mediaUrl(now / 1000 + 600), expiresAt: stated }], now, now)).toBe(42_000);
    expect(refreshDelay([{ url: mediaUrl(now / 1000 + 300), expiresAt: null }], now, now)).toBe(210_000);
    expect(refreshDelay([{ url: null, expiresAt: stated }], now, now)).toBeNull();
  });

  it('at once when a link is already past that point, on a fixed schedule when no expiry can be read, never without URLs', () => {
    expect(refreshDelay([mediaUrl(now / 1000 + 1)], now - 60_000, now)).toBe(0);
    expect(refreshDelay(['http://127.0.0.1/elsewhere.jpg'], now, now)).toBe(UNKNOWN_EXPIRY_REFRESH_MS);
    expect(refreshDelay([null, undefined], now, now)).toBeNull();
  });
});
