import { describe, expect, it } from 'vitest';
import { parseUnits } from './EntitlementActions';

describe('the units of a credit grant, as typed', () => {
  it('takes whole numbers other than 0, negative ones to take credits back', () => {
    expect(parseUnits('25')).toBe(25);
    expect(parseUnits(' -5 ')).toBe(-5);
  });
  it('refuses 0, fractions, empty and other text (the API would refuse them too)', () => {
    for (const text of ['0', '-0', '1.5', '', ' ', 'ten', '1e3', '99999999999999999999']) expect(parseUnits(text)).toBeNull();
  });
});
