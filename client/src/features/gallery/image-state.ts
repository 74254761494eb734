import type { SelectionState } from '../../gql/graphql';

export type ImageSituation = SelectionState | 'INCLUDED_LOCKED' | 'ALL_INCLUDED';

/** Which explanation an image gets: its state, refined by the lock and by "all images included" (blocked still wins, rule 1). */
export function situationOf(image: { selectionState: SelectionState; locked: boolean }, allImagesIncluded: boolean): ImageSituation {
  if (image.selectionState === 'BLOCKED') return 'BLOCKED';
  if (allImagesIncluded) return 'ALL_INCLUDED';
  if (image.selectionState === 'INCLUDED' && image.locked) return 'INCLUDED_LOCKED';
  return image.selectionState;
}

/** Whether the customer sees the image watermarked (rule 4): everything they could still lose. */
export const isWatermarked = (situation: ImageSituation) => situation === 'NONE' || situation === 'INCLUDED' || situation === 'EXTRA_PENDING';
