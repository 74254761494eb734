import { describe, expect, it } from 'vitest';
import { isWatermarked, situationOf } from './image-state';

describe('what an image’s state means to the customer', () => {
  it('blocked wins over "all images included" (rule 1); all included wins over the rest', () => {
    expect(situationOf({ selectionState: 'BLOCKED', locked: false }, true)).toBe('BLOCKED');
    expect(situationOf({ selectionState: 'NONE', locked: false }, true)).toBe('ALL_INCLUDED');
  });

  it('an included image is watermarked until a download locked it (rule 4); granted extras are clean', () => {
    expect(isWatermarked(situationOf({ selectionState: 'INCLUDED', locked: false }, false))).toBe(true);
    expect(situationOf({ selectionState: 'INCLUDED', locked: true }, false)).toBe('INCLUDED_LOCKED');
    expect(isWatermarked('INCLUDED_LOCKED')).toBe(false);
    expect(isWatermarked(situationOf({ selectionState: 'EXTRA_PENDING', locked: false }, false))).toBe(true);
    expect(isWatermarked(situationOf({ selectionState: 'EXTRA_PAID', locked: false }, false))).toBe(false);
    expect(isWatermarked(situationOf({ selectionState: 'EXTRA_FREE', locked: false }, false))).toBe(false);
  });
});
