import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import { AppError, badInput, conflict, serviceUnavailable } from '../../shared/errors.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import { Image, type UploadReceipt } from './image.entity.js';
import type { RelayedBody, UploadRelayThread } from './upload-relay/relay-thread.js';

/** What an upload request says about its body, as its headers declare it. */
export interface UploadBody {
  stream: Readable;
  /** The media type of `Content-Type`, lower-cased, without parameters. */
  contentType: string | undefined;
  /** `Content-Length`, when it is a whole number. */
  length: number;
}

/** Where the upload came from, for the security events of refused ones. */
export interface UploadOrigin {
  ip?: string;
  requestId?: string;
}

/**
 * The proxied PUT of an upload (the API's own URL in embedded mode): the body must be exactly what
 * `requestImageUpload` declared — type and size, like the signed headers of a presigned S3 PUT —
 * and is streamed to the upload key, hashed on the way, by the upload relay thread. The hashes and
 * the ETag storage gave the write are kept as the image's upload receipt, so completion need not
 * read the bytes back. Every refusal is a typed error and a security event.
 */
export class UploadReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly relayThread: UploadRelayThread,
    private readonly securityEvents: SecurityEvents,
    private readonly logger: Logger,
  ) {}

  async receive(em: EntityManager, image: Image, body: UploadBody, origin: UploadOrigin): Promise<void> {
    const refuse = (reason: string, error: AppError, details: Record<string, unknown> = {}) => {
      this.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { userId: image.uploadedBy?.id, ...origin, details: { reason, imageId: image.id, ...details } });
      return error;
    };
    if (image.status !== ImageStatus.PENDING) throw refuse('UPLOAD_CLOSED', conflict('This upload is closed.', { reason: 'UPLOAD_CLOSED' }));
    if (body.contentType !== image.declaredContentType) {
      throw refuse('CONTENT_TYPE_HEADER', badInput(`Send the header Content-Type: ${image.declaredContentType}.`, { reason: 'CONTENT_TYPE_HEADER' }), { contentType: body.contentType });
    }
    if (!Number.isSafeInteger(body.length) || body.length !== image.byteSize) {
      const message = `Content-Length must be exactly the declared ${image.byteSize} bytes.`;
      // A body larger than declared is one too large for this URL (413); anything else is malformed (400).
      const error = body.length > image.byteSize ? new AppError('PAYLOAD_TOO_LARGE', message, { reason: 'SIZE_MISMATCH' }) : badInput(message, { reason: 'SIZE_MISMATCH' });
      throw refuse('SIZE_MISMATCH', error, { length: body.length });
    }
    const relay = this.relayThread.relay(image.uploadKey, body.stream, { contentType: image.declaredContentType, byteSize: body.length });
    let relayed: RelayedBody;
    try {
      relayed = await relay.stored;
    } catch (error) {
      if (relay.clientWentAway()) {
        this.logger.debug({ err: error }, 'upload stream error');
        throw refuse('UPLOAD_ABORTED', badInput('The upload did not finish.', { reason: 'UPLOAD_ABORTED' }));
      }
      // Our side failed, not the client: no security event, and the client may simply try again.
      relay.detach();
      this.logger.error({ err: error, imageId: image.id, event: 'upload.storage_failed' }, 'the object storage refused an upload');
      throw serviceUnavailable('The file could not be stored just now; send it again.', { reason: 'STORAGE_UNAVAILABLE' });
    }
    // Without an ETag the receipt cannot vouch for the stored bytes: completion reads them back.
    await this.keepReceipt(em, image, relayed.etag ? { ...relayed, etag: relayed.etag } : null);
  }

  /**
   * Only while the upload is open: a PUT that was still streaming when the upload was completed,
   * failed or deleted has written an object nobody will move or sweep, so it is removed again.
   */
  private async keepReceipt(em: EntityManager, image: Image, receipt: UploadReceipt | null): Promise<void> {
    const kept = await em.nativeUpdate(Image, { id: image.id, status: ImageStatus.PENDING }, { uploadReceipt: receipt });
    if (kept > 0) return;
    await this.storage.delete([image.uploadKey]);
    throw conflict('This upload was closed while the file was being sent.', { reason: 'UPLOAD_CLOSED' });
  }
}
