import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('byte counts as people read them', () => {
  it('picks the unit and rounds to one decimal, in the language given', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(8_421_337)).toBe('8.4 MB');
    expect(formatBytes(8_421_337, 'de')).toBe('8,4 MB');
    expect(formatBytes(5e12)).toBe('5 TB');
  });
});
