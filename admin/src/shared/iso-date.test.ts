import { describe, expect, it } from 'vitest';
import { fromIsoDate, toIsoDate } from './iso-date';

describe('calendar days between the date field and the form', () => {
  it('go through as yyyy-MM-dd, the local day, whatever the language shows', () => {
    const day = fromIsoDate('2026-12-03');
    expect(day && [day.getFullYear(), day.getMonth(), day.getDate(), day.getHours()]).toEqual([2026, 11, 3, 0]);
    expect(toIsoDate(day)).toBe('2026-12-03');
    expect(toIsoDate(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });

  it('give nothing for an empty field or a date still being typed', () => {
    expect(fromIsoDate('')).toBeNull();
    expect(fromIsoDate('2026-13-45')).toBeNull();
    expect(toIsoDate(null)).toBe('');
    expect(toIsoDate(new Date(Number.NaN))).toBe('');
  });
});
