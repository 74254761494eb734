import { describe, expect, it } from 'vitest';
import { formatBytes } from './sizes';

describe('sizes', () => {
  it('are in decimal units, spelt the locale’s way: whole below a megabyte, one decimal from there on', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(950, 'de')).toBe('950 Byte');
    expect(formatBytes(1500, 'en')).toBe('2 kB');
    expect(formatBytes(12_300, 'de')).toBe('12 kB');
    expect(formatBytes(8_421_337, 'en')).toBe('8.4 MB');
    expect(formatBytes(8_421_337, 'de')).toBe('8,4 MB');
    expect(formatBytes(10_000_000, 'en')).toBe('10.0 MB');
    // CLDR puts a no-break space before German gigabytes.
    expect(formatBytes(2_345_000_000, 'de')).toBe('2,3\u00a0GB');
    expect(formatBytes(5e12, 'en')).toBe('5.0 TB');
    expect(formatBytes(5e15, 'en')).toBe('5,000.0 TB');
  });

  it('never spells kilobytes “KB”, in either language', () => {
    for (const locale of ['en', 'de', 'en-US', 'de-DE']) expect(formatBytes(45_000, locale)).toMatch(/^45 kB$/);
  });
});
