import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATES, deselectRefusal, stateAfterSelect } from '../../src/policy/selection-rules.js';
import { SelectionState } from '../../src/shared/domain/image-enums.js';

/** Rule 5's pure decisions: what a customer's select and deselect do. */

const { NONE, INCLUDED, EXTRA_PENDING, EXTRA_PAID, EXTRA_FREE, BLOCKED } = SelectionState;

describe('selection rules', () => {
  it('lets a customer move images between NONE, INCLUDED and EXTRA_PENDING only', () => {
    expect(new Set(CUSTOMER_STATES)).toEqual(new Set([NONE, INCLUDED, EXTRA_PENDING]));
  });

  it('selects INCLUDED while the package has room, an extra request once it is full', () => {
    expect(stateAfterSelect(NONE, 0, 3)).toBe(INCLUDED);
    expect(stateAfterSelect(NONE, 2, 3)).toBe(INCLUDED);
    expect(stateAfterSelect(NONE, 3, 3)).toBe(EXTRA_PENDING);
    expect(stateAfterSelect(NONE, 4, 3)).toBe(EXTRA_PENDING);
    expect(stateAfterSelect(NONE, 0, 0)).toBe(EXTRA_PENDING);
  });

  it('leaves an image already selected, granted or blocked as it is', () => {
    for (const state of [INCLUDED, EXTRA_PENDING, EXTRA_PAID, EXTRA_FREE, BLOCKED]) expect(stateAfterSelect(state, 0, 3)).toBe(state);
  });

  it('refuses to deselect a locked image, and only a locked one', () => {
    expect(deselectRefusal(true)).toBe('ALREADY_DELIVERED');
    expect(deselectRefusal(false)).toBeNull();
  });
});
