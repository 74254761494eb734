import { factsOf, type ImageFacts } from '../../policy/download-policy.js';
import { withLoaded } from '../../shared/load-reference.js';
import { andThen, type MaybePromise } from '../../shared/maybe-promise.js';
import { ListedImage } from './gallery-page.js';
import type { ImageView } from './image.entity.js';

/** Whether the selection of an uploaded original is locked (rule 5); batched per request. */
export type LockLookup = (imageId: string) => MaybePromise<boolean>;

/**
 * The download policy's facts for an image the API already holds, without a query when its job,
 * its source and its lock are in memory (a gallery row carries its source's state and its lock).
 * A managed entity asks `lockOf` for the lock of the original whose entitlement it follows.
 */
export function factsFor(image: ImageView, lockOf: LockLookup): ImageFacts | Promise<ImageFacts> {
  return withLoaded(image.job, (job) => {
    if (image instanceof ListedImage) return factsOf(image, job, image.sourceState, image.locked);
    const source = image.derivedFrom;
    if (!source) return andThen(lockOf(image.id), (locked) => factsOf(image, job, null, locked));
    return andThen(lockOf(source.id), (locked) => withLoaded(source, (loaded) => factsOf(image, job, loaded, locked)));
  });
}
