import { describe, expect, it } from 'vitest';
import { nextZoom } from './zoom';

describe('zoom steps', () => {
  it('go up and down one step at a time and stop at the ends', () => {
    expect(nextZoom(1, 1)).toBe(1.5);
    expect(nextZoom(1.5, 1)).toBe(2);
    expect(nextZoom(4, 1)).toBe(4);
    expect(nextZoom(2, -1)).toBe(1.5);
    expect(nextZoom(1, -1)).toBe(1);
  });
});
