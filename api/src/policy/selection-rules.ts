import { SelectionState } from '../shared/domain/image-enums.js';

/**
 * Rule 5 as pure decisions, so the services and the model-based property test share them: what a
 * customer's select and deselect do to an image, given what the job's row lock guards.
 */

/** The states a customer may move an image between; everything else is staff's. */
export const CUSTOMER_STATES: ReadonlySet<SelectionState> = new Set([SelectionState.NONE, SelectionState.INCLUDED, SelectionState.EXTRA_PENDING]);

/** Selecting: INCLUDED while the package has room, otherwise a request for an extra; an image already selected keeps its state. */
export function stateAfterSelect(current: SelectionState, includedCount: number, includedImages: number): SelectionState {
  if (current !== SelectionState.NONE) return current;
  return includedCount < includedImages ? SelectionState.INCLUDED : SelectionState.EXTRA_PENDING;
}

/** Deselecting is refused once a transfer locked the image (bytes may have left); otherwise it returns the image to NONE. */
export function deselectRefusal(locked: boolean): 'ALREADY_DELIVERED' | null {
  return locked ? 'ALREADY_DELIVERED' : null;
}
