import { PassThrough, type Readable } from 'node:stream';
import type { Logger } from '../../logger.js';
import { AppError, badInput, conflict, serviceUnavailable } from '../../shared/errors.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import type { Image } from './image.entity.js';

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
 * and is streamed to the upload key. Every refusal is a typed error and a security event.
 */
export class UploadReceiver {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly securityEvents: SecurityEvents,
    private readonly logger: Logger,
  ) {}

  async receive(image: Image, body: UploadBody, origin: UploadOrigin): Promise<void> {
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
    const relay = relayOf(body.stream);
    try {
      await this.storage.put(image.uploadKey, relay.stream, { contentType: body.contentType, byteSize: body.length });
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
  }
}

/**
 * The body as storage reads it, through a relay: a storage failure destroys only the relay, so the
 * request stays answerable, and whether the client went away is known from the request alone.
 */
function relayOf(source: Readable) {
  const stream = new PassThrough();
  let ended = false;
  let gone = false;
  const onEnd = () => (ended = true);
  const onGone = (error?: Error) => {
    if (ended) return;
    gone = true;
    stream.destroy(error ?? new Error('the client closed the upload before its end'));
  };
  source.once('end', onEnd);
  source.once('error', onGone);
  source.once('close', () => onGone());
  // Storage reports the relay's failure through its rejection; a failure before storage listens
  // (or after it gave up) must not become an uncaught error that ends the process.
  stream.on('error', () => {});
  source.pipe(stream);
  return {
    stream,
    clientWentAway: () => gone,
    /** Stops relaying; what is still in flight is read and dropped, so the answer can be sent. */
    detach: () => {
      source.unpipe(stream);
      source.resume();
    },
  };
}
