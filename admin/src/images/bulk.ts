import type { ImageStatus, SelectionState } from '../gql/graphql';

/** What the bulk change and the stale check need to know of an image. */
export interface ImageLike {
  id: string;
  filename: string;
  selectionState: SelectionState;
  status?: ImageStatus;
  failureReason?: string | null;
  derivedFrom?: { id: string } | null;
}

/** The changes staff make to many images at once, in the order the menu offers them. */
export const BULK_ACTIONS = ['include', 'exclude', 'block', 'unblock', 'extraPaid', 'extraFree'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const TARGET_STATE: Record<BulkAction, SelectionState> = {
  include: 'INCLUDED',
  exclude: 'NONE',
  block: 'BLOCKED',
  unblock: 'NONE',
  extraPaid: 'EXTRA_PAID',
  extraFree: 'EXTRA_FREE',
};

/** An enhanced image follows its original: the API lets staff only withhold it or reset it. */
const DERIVED_IMAGE_STATES: ReadonlySet<SelectionState> = new Set(['NONE', 'BLOCKED']);

export interface BulkPlan<Image extends ImageLike> {
  action: BulkAction;
  state: SelectionState;
  /** Sent to the API: each gets one audit row. */
  toChange: Image[];
  /** Already in the state (or, for unblock, not blocked): left alone, no audit row. */
  unchanged: Image[];
  /** Enhanced images the state is not allowed for (the API would refuse the whole change), and removed images (no state to change). */
  notAllowed: Image[];
}

/** Which of the selected images an action changes. Unblock touches only the blocked ones. */
export function planBulkChange<Image extends ImageLike>(action: BulkAction, selected: readonly Image[]): BulkPlan<Image> {
  const state = TARGET_STATE[action];
  const plan: BulkPlan<Image> = { action, state, toChange: [], unchanged: [], notAllowed: [] };
  for (const image of selected) {
    const concerned = action === 'unblock' ? image.selectionState === 'BLOCKED' : image.selectionState !== state;
    if (!concerned) plan.unchanged.push(image);
    else if (image.status === 'REMOVED' || (image.derivedFrom && !DERIVED_IMAGE_STATES.has(state))) plan.notAllowed.push(image);
    else plan.toChange.push(image);
  }
  return plan;
}

/** An action is offered when it changes something and the API would not refuse it as a whole. */
export const isApplicable = (plan: BulkPlan<ImageLike>) => plan.toChange.length > 0 && plan.notAllowed.length === 0;

export interface ChangedImage {
  id: string;
  filename: string;
  shown: SelectionState;
  /** Null: the image is gone, or no longer visible. */
  now: SelectionState | null;
}

export interface ChangedMeanwhile {
  /** Set when the job's version moved on since the page was loaded. */
  job?: { shown: number; now: number };
  images: ChangedImage[];
}

/**
 * What changed since the screen was loaded: the job's version (package size, release, status…) and
 * the selection state of each image about to be changed. Null when nothing did.
 */
export function changedMeanwhile(
  shown: { jobVersion: number; images: readonly ImageLike[] },
  now: { jobVersion: number; images: readonly { id: string; selectionState: SelectionState }[] },
): ChangedMeanwhile | null {
  const current = new Map(now.images.map((image) => [image.id, image.selectionState]));
  const images = shown.images.flatMap((image): ChangedImage[] => {
    const state = current.get(image.id) ?? null;
    return state === image.selectionState ? [] : [{ id: image.id, filename: image.filename, shown: image.selectionState, now: state }];
  });
  const job = now.jobVersion !== shown.jobVersion ? { shown: shown.jobVersion, now: now.jobVersion } : undefined;
  return job || images.length > 0 ? { job, images } : null;
}

/** Only a render that failed outside the image (storage, workers) can be retried; the API refuses the rest. */
export const canRetryRender = (image: Pick<ImageLike, 'status' | 'failureReason'>) => image.status === 'FAILED' && image.failureReason === 'RENDER_FAILED';

/** The lightbox's next index: arrows stop at the ends. */
export const stepWithin = (index: number, delta: number, length: number) => Math.min(Math.max(index + delta, 0), Math.max(length - 1, 0));
