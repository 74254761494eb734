import { describe, expect, it } from 'vitest';
import { withoutInvisibleCharacters } from './invisible-characters.js';

describe('withoutInvisibleCharacters', () => {
  it('removes controls, bidi overrides and isolates, marks, BOMs, line separators and lone surrogates', () => {
    expect(withoutInvisibleCharacters('a\u0000b\u001fc\u007fd\u0085e\u009ff\u202ag\u202eh\u2066i\u2069j\u200ek\u200fl\ufeffm\u2028n\u2029o\ud800p')).toBe('abcdefghijklmnop');
  });

  it('keeps every script, combining marks, emoji and zero-width joiners inside emoji', () => {
    const text = 'Küche ערב كتاب 写真 é 👩‍👩‍👧 📷';
    expect(withoutInvisibleCharacters(text)).toBe(text);
  });
});
