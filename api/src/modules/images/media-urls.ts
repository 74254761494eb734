import type { Config } from '../../config.js';
import { renditionVariant, type ImageFacts } from '../../policy/download-policy.js';
import { andThen } from '../../shared/maybe-promise.js';
import type { UrlTokenSigner } from '../../security/signed-token.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import type { StorageMode } from '../../storage/storage-mode.js';
import type { User } from '../users/user.entity.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import { factsFor, type LockLookup } from './image-facts.js';
import type { ImageView } from './image.entity.js';
import type { RenditionKind } from '../../shared/domain/rendition-kind.js';

export interface MediaTokenClaims {
  /** The viewer: the policy is asked again, for them, when the link is used. */
  u: string;
  img: string;
  k: RenditionKind;
}

export type RenditionSize = 'preview' | 'thumbnail';

/**
 * Short-lived URLs for previews and thumbnails. Which rendition (clean or watermarked) the viewer
 * gets is the download policy's decision (rule 4): clean only for staff and for customers who can no
 * longer lose the image. Expiry is rounded down to a window so a gallery reloaded within
 * it gets the same URLs and the browser cache keeps working.
 */
export class MediaUrls {
  private readonly windowSeconds: number;

  constructor(
    private readonly config: Config,
    private readonly storage: ObjectStorage,
    private readonly storageMode: StorageMode,
    private readonly urlTokens: UrlTokenSigner,
  ) {
    this.windowSeconds = Math.max(1, Math.min(60, Math.floor(config.signedUrlTtlSeconds / 5)));
  }

  renditionUrl(viewer: User, image: ImageView, size: RenditionSize, lockOf: LockLookup, now = Date.now()): string | null | Promise<string | null> {
    if (image.status !== ImageStatus.READY) return null;
    return andThen(factsFor(image, lockOf), (facts) => this.urlFor(viewer, image, facts, size, now));
  }

  /** When every URL `renditionUrl` signs at `now` stops working (null for an image that gets none). */
  expiryOf(image: ImageView, now = Date.now()): Date | null {
    if (image.status !== ImageStatus.READY) return null;
    return this.expiryAt(this.windowStart(now));
  }

  private windowStart(now: number): number {
    return Math.floor(now / 1000 / this.windowSeconds) * this.windowSeconds;
  }

  private expiryAt(windowStartSeconds: number): Date {
    return new Date((windowStartSeconds + this.config.signedUrlTtlSeconds) * 1000);
  }

  private urlFor(viewer: User, image: ImageView, facts: ImageFacts, size: RenditionSize, now: number): string | null | Promise<string | null> {
    const kind: RenditionKind = renditionVariant(viewer, facts) === 'clean' ? size : `${size}_watermarked`;
    const rendition = image.renditions[kind];
    if (!rendition) return null;
    // Signing as of the start of the current window makes every URL for this rendition identical
    // until the window turns, in both modes; it still expires within the configured time from now.
    const windowStartSeconds = this.windowStart(now);
    const expiresAt = this.expiryAt(windowStartSeconds);
    if (this.storageMode === 'presigned') {
      return this.storage.presignGet(rendition.key, { expiresInSeconds: this.config.signedUrlTtlSeconds, signingDate: new Date(windowStartSeconds * 1000) });
    }
    const token = this.urlTokens.sign<MediaTokenClaims>('media', { u: viewer.id, img: image.id, k: kind }, expiresAt);
    return `${this.config.publicUrl}/media/${token}`;
  }
}
