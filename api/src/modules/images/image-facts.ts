import { factsOf, type ImageFacts } from '../../policy/download-policy.js';
import { withLoaded } from '../../shared/load-reference.js';
import { ListedImage, type ImageRecord } from './gallery-page.js';

/**
 * The download policy's facts for an image the API already holds, without a query when its job
 * and, for a derived image, its source are in memory (a gallery row carries its source's state).
 */
export function factsFor(image: ImageRecord): ImageFacts | Promise<ImageFacts> {
  return withLoaded(image.job, (job) => {
    if (image instanceof ListedImage) return factsOf(image, job, image.sourceState);
    if (!image.derivedFrom) return factsOf(image, job, null);
    return withLoaded(image.derivedFrom, (source) => factsOf(image, job, source));
  });
}
