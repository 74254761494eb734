import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

const box = new SecretBox('a'.repeat(48), 'totp-secret');

describe('SecretBox', () => {
  it('round-trips, and never stores the plaintext or the same ciphertext twice', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(sealed);
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another context, another key or purpose, tampering and junk', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => box.open(sealed, 'user-2')).toThrow();
    expect(() => new SecretBox('b'.repeat(48), 'totp-secret').open(sealed, 'user-1')).toThrow();
    expect(() => new SecretBox('a'.repeat(48), 'other').open(sealed, 'user-1')).toThrow();
    const [version, iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([version, iv, flipped.toString('base64url'), tag].join('.'), 'user-1')).toThrow();
    expect(() => box.open('v1.only-two', 'user-1')).toThrow();
  });
});
