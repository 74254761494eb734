import { describe, expect, it } from 'vitest';
import { InvalidTokenError, UrlTokenSigner } from './signed-token.js';

const signer = new UrlTokenSigner('a'.repeat(48));
/** Far enough ahead that tests not about expiry never depend on the clock. */
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof InvalidTokenError ? error.reason : 'OTHER';
  }
  return 'ACCEPTED';
};

describe('UrlTokenSigner', () => {
  it('round-trips claims', () => {
    const token = signer.sign('media', { img: 'abc', k: 'preview' }, FAR_FUTURE);
    expect(signer.verify('media', token)).toMatchObject({ img: 'abc', k: 'preview' });
  });

  it('refuses tampered payloads and signatures, other secrets, other purposes, expiry and junk', () => {
    const token = signer.sign('media', { img: 'abc' }, FAR_FUTURE);
    const [payload, signature] = token.split('.') as [string, string];
    const swapped = Buffer.from(JSON.stringify({ img: 'other', p: 'media', exp: 9_999_999_999 })).toString('base64url');
    expect(reasonOf(() => signer.verify('media', `${swapped}.${signature}`))).toBe('BAD_SIGNATURE');
    // One character changed, whatever the signature happens to be.
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect(flipped).not.toBe(signature);
    expect(reasonOf(() => signer.verify('media', `${payload}.${flipped}`))).toBe('BAD_SIGNATURE');
    expect(reasonOf(() => new UrlTokenSigner('b'.repeat(48)).verify('media', token))).toBe('BAD_SIGNATURE');
    expect(reasonOf(() => signer.verify('upload', token))).toBe('BAD_SIGNATURE');
    expect(reasonOf(() => signer.verify('media', signer.sign('media', {}, new Date(Date.now() - 1))))).toBe('EXPIRED');
    expect(reasonOf(() => signer.verify('media', 'no-dot'))).toBe('MALFORMED');
    expect(reasonOf(() => signer.verify('media', 'a.b.c'))).toBe('MALFORMED');
  });
});
