import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { badInput, conflict } from '../../shared/errors.js';
import type { Logger } from '../../logger.js';
import type { UrlTokenSigner } from '../../security/signed-token.js';
import { collectBytes, type ObjectHead, type ObjectStart, type ObjectStorage } from '../../storage/object-storage.js';
import { storageKeys } from '../../storage/storage-keys.js';
import { withoutInvisibleCharacters } from '../../shared/invisible-characters.js';
import type { StorageMode } from '../../storage/storage-mode.js';
import { rateLimited, type RateLimits } from '../../security/rate-limits.js';
import { isStaffRole } from '../../shared/domain/user-role.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import type { Job } from '../jobs/job.entity.js';
import type { Caller } from '../users/caller.js';
import type { RenderTasks } from './rendering/render-tasks.js';
import { ImageStatus } from '../../shared/domain/image-enums.js';
import { ACCEPTED_CONTENT_TYPES, ImageRejectedError, type ImageInfo, inspectImage } from './image-processing.js';
import { Image } from './image.entity.js';
import type { ImageUpload, RequestImageUploadInput } from './image.types.js';
import { uploadRejected, type UploadFailureReason } from './upload-failures.js';

export interface UploadTokenClaims {
  img: string;
}

const MIB = 1024 * 1024;

/**
 * How much of an upload its type and dimensions are judged from when its hashes are known already:
 * JPEG's EXIF block is at most 64 KB before the frame header, and PNG and WebP state theirs at once.
 */
const HEADER_BYTES = 512 * 1024;

type Refusal = { refused: UploadFailureReason; details: Record<string, unknown> };
type Verification = { info: ImageInfo; crc32: number; by: 'receipt' | 'reading' } | Refusal;

function typeMismatch(image: Image, info: ImageInfo): Refusal {
  return { refused: 'TYPE_MISMATCH', details: { declared: image.declaredContentType, sniffed: info.contentType } };
}

/** How many extra upload attempts one refused upload counts as. */
const FAILURE_PENALTY = 4;

/**
 * Image ingestion: the bytes never pass through GraphQL. A client asks for an upload URL, PUTs the
 * file there, then asks to complete; completion verifies size, checksum and real type, stores the
 * original under a key no client ever had a URL for and queues the rendering of the previews.
 */
export class ImageUploadService {
  constructor(
    private readonly config: Config,
    private readonly storage: ObjectStorage,
    private readonly storageMode: StorageMode,
    private readonly urlTokens: UrlTokenSigner,
    private readonly logger: Logger,
    private readonly securityEvents: SecurityEvents,
    private readonly rateLimits: RateLimits,
    private readonly renders: RenderTasks,
  ) {}

  /** The caller may upload into `job` (checked by the policy rule before this runs). */
  async request(em: EntityManager, caller: Caller, job: Job, input: RequestImageUploadInput): Promise<ImageUpload> {
    const contentType = input.contentType.trim().toLowerCase();
    if (!(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(contentType)) {
      this.logFailure(caller, { jobId: job.id, reason: 'UNSUPPORTED_TYPE', declared: contentType });
      throw badInput(`contentType must be one of ${ACCEPTED_CONTENT_TYPES.join(', ')}.`, { field: 'contentType', reason: 'UNSUPPORTED_TYPE', accepted: ACCEPTED_CONTENT_TYPES });
    }
    if (!Number.isSafeInteger(input.byteSize) || input.byteSize <= 0) {
      throw badInput('byteSize must be a positive whole number.', { field: 'byteSize', reason: 'OUT_OF_RANGE' });
    }
    if (input.byteSize > this.config.uploads.maxBytes) {
      this.logFailure(caller, { jobId: job.id, reason: 'TOO_LARGE', byteSize: input.byteSize });
      throw badInput(`The file is larger than ${this.config.uploads.maxBytes} bytes.`, { field: 'byteSize', reason: 'TOO_LARGE', maxBytes: this.config.uploads.maxBytes });
    }
    const sha256 = input.sha256.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw badInput('sha256 must be 64 hexadecimal characters.', { field: 'sha256', reason: 'INVALID_CHECKSUM' });
    // The day's byte budget, counted on what is declared: the PUT must match it exactly.
    const budget = await this.rateLimits.consume([[isStaffRole(caller.user.role) ? 'uploadMibStaffUser' : 'uploadMibUser', caller.user.id]], Math.ceil(input.byteSize / MIB));
    if (!budget.allowed) {
      this.securityEvents.record(SecurityEventType.RATE_LIMITED, { userId: caller.user.id, ip: caller.ip, requestId: caller.requestId, details: { limit: budget.limit, retryAfterSeconds: budget.retryAfterSeconds } });
      throw rateLimited(budget);
    }

    const image = em.create(Image, {
      job,
      uploadedBy: caller.user,
      filename: cleanFilename(input.filename),
      declaredContentType: contentType,
      byteSize: input.byteSize,
      sha256,
      uploadKey: '',
    });
    image.uploadKey = storageKeys.upload(job.customer.id, job.id, image.id);
    await em.flush();

    const expiresAt = new Date(Date.now() + this.config.uploads.urlTtlSeconds * 1000);
    const headers = [{ name: 'Content-Type', value: contentType }];
    const url =
      this.storageMode === 'presigned'
        ? await this.storage.presignPut(image.uploadKey, { contentType, byteSize: input.byteSize, expiresInSeconds: this.config.uploads.urlTtlSeconds })
        : `${this.config.publicUrl}/uploads/${this.urlTokens.sign<UploadTokenClaims>('upload', { img: image.id }, expiresAt)}`;
    return { image, url, method: 'PUT', headers, expiresAt };
  }

  /**
   * Verifies the uploaded bytes (size, SHA-256, type sniffed from the header), stores them as the
   * original and makes the image PROCESSING with its render queued, in one transaction; any mismatch
   * fails it for good. Rendering happens in a queued task (rendering/render-worker.ts), so this
   * answers without decoding a pixel.
   */
  async complete(em: EntityManager, caller: Caller, image: Image): Promise<Image> {
    if (image.status === ImageStatus.READY || image.status === ImageStatus.PROCESSING) return image;
    if (image.status === ImageStatus.FAILED) {
      throw conflict('This upload already failed; request a new one.', { reason: 'UPLOAD_FAILED', failureReason: image.failureReason });
    }
    const head = await this.headOf(image);
    if (!head) throw badInput('No file has been uploaded for this image yet.', { reason: 'UPLOAD_NOT_FOUND', field: 'file' });
    if (head.byteSize !== image.byteSize) return this.fail(em, caller, image, 'SIZE_MISMATCH', { declared: image.byteSize, received: head.byteSize });

    const originalKey = storageKeys.original(image.job.customer.id, image.job.id, image.id);
    const verified = (await this.verifyFromReceipt(image, head, originalKey)) ?? (await this.verifyByReading(image, originalKey));
    if ('refused' in verified) return this.fail(em, caller, image, verified.refused, verified.details);
    const { info, crc32 } = verified;

    // Conditional on PENDING: a sweeper or a parallel completion may have decided first.
    const moved = await em.transactional(async (tx) => {
      const updated = await tx.nativeUpdate(
        Image,
        { id: image.id, status: ImageStatus.PENDING },
        { status: ImageStatus.PROCESSING, contentType: info.contentType, width: info.width, height: info.height, originalKey, crc32, uploadReceipt: null, updatedAt: new Date() },
      );
      if (updated > 0) await this.renders.schedule(tx, [image.id]);
      return updated > 0;
    });
    await this.storage.delete([image.uploadKey]);
    const current = await em.refresh(image);
    if (!moved && (current?.status === ImageStatus.FAILED || !current)) {
      await this.storage.delete([originalKey]);
      throw conflict('This upload was closed while it was being verified; request a new one.', { reason: 'UPLOAD_FAILED', failureReason: current?.failureReason });
    }
    this.logger.info(
      { event: 'upload_completed', imageId: image.id, jobId: image.job.id, userId: caller.user.id, requestId: caller.requestId, bytes: image.byteSize, verifiedBy: verified.by },
      'image verified; rendering queued',
    );
    return current!;
  }

  /**
   * Verification from what the API's upload URL hashed while relaying the PUT (UploadReceiver),
   * valid only while the upload key holds the bytes of that write (same ETag): the type is sniffed
   * from the first bytes alone and storage copies the object itself, so nothing large passes through
   * this process. Null where the receipt cannot vouch for the stored bytes — a presigned PUT, an
   * overwrite since, a header too short to judge, a copy that came out different — and the bytes
   * are read instead.
   */
  private async verifyFromReceipt(image: Image, head: ObjectHead | ObjectStart, originalKey: string): Promise<Verification | null> {
    const receipt = image.uploadReceipt;
    if (!receipt || !('bytes' in head) || !head.etag || receipt.etag !== head.etag || receipt.byteSize !== image.byteSize) return null;
    if (receipt.sha256 !== image.sha256) return { refused: 'CHECKSUM_MISMATCH', details: {} };
    const header = head.bytes;
    const inspected = await this.inspect(header);
    // A rejection judged from part of the file is not final: the whole file decides.
    if ('refused' in inspected) return header.length < image.byteSize ? null : inspected;
    if (inspected.info.contentType !== image.declaredContentType) return typeMismatch(image, inspected.info);
    const copy = await this.storage.copy(image.uploadKey, originalKey, { contentType: inspected.info.contentType });
    if (copy.etag !== receipt.etag) {
      await this.storage.delete([originalKey]);
      return null;
    }
    return { info: inspected.info, crc32: receipt.crc32, by: 'receipt' };
  }

  /**
   * Size and ETag of the upload. With a receipt the header is needed anyway, and its ranged GET
   * tells what a HEAD would; where that range cannot be served (an empty object has no first byte),
   * a HEAD answers and the bytes are read in full.
   */
  private headOf(image: Image): Promise<ObjectHead | ObjectStart | null> {
    if (!image.uploadReceipt) return this.storage.head(image.uploadKey);
    return this.storage.readStart(image.uploadKey, HEADER_BYTES).catch(() => this.storage.head(image.uploadKey));
  }

  /** Verification of the bytes read back from the upload key, which are then stored as the original. */
  private async verifyByReading(image: Image, originalKey: string): Promise<Verification> {
    const { bytes, sha256, crc32 } = await this.readHashed(image.uploadKey);
    if (bytes.length !== image.byteSize) return { refused: 'SIZE_MISMATCH', details: { declared: image.byteSize, received: bytes.length } };
    if (sha256 !== image.sha256) return { refused: 'CHECKSUM_MISMATCH', details: {} };
    const inspected = await this.inspect(bytes);
    if ('refused' in inspected) return inspected;
    if (inspected.info.contentType !== image.declaredContentType) return typeMismatch(image, inspected.info);
    // The verified bytes themselves, not a copy of the upload key: a presigned PUT may still overwrite that.
    await this.storage.put(originalKey, bytes, { contentType: inspected.info.contentType, byteSize: bytes.length });
    return { info: inspected.info, crc32, by: 'reading' };
  }

  private async inspect(bytes: Buffer): Promise<{ info: ImageInfo } | Refusal> {
    try {
      return { info: await inspectImage(bytes, { maxPixels: this.config.uploads.maxPixels }) };
    } catch (error) {
      if (error instanceof ImageRejectedError) return { refused: error.reason, details: {} };
      throw error;
    }
  }

  /**
   * The object's bytes and their SHA-256, hashed chunk by chunk as they arrive: hashing 10 MB in one
   * call would hold the event loop for several milliseconds, which every request waiting behind it
   * would feel while a shoot is ingested.
   */
  private async readHashed(key: string): Promise<{ bytes: Buffer; sha256: string; crc32: number }> {
    const object = await this.storage.openStream(key);
    if (!object) throw badInput('No file has been uploaded for this image yet.', { reason: 'UPLOAD_NOT_FOUND', field: 'file' });
    const hash = createHash('sha256');
    let crc32 = 0;
    const bytes = await collectBytes(object.body, (chunk) => {
      hash.update(chunk);
      crc32 = zlib.crc32(chunk, crc32);
    });
    return { bytes, sha256: hash.digest('hex'), crc32 };
  }

  /** Marks a PENDING upload FAILED, deletes its bytes, logs it and throws the typed error. */
  private async fail(em: EntityManager, caller: Caller, image: Image, reason: UploadFailureReason, details: Record<string, unknown>): Promise<never> {
    await em.nativeUpdate(Image, { id: image.id, status: ImageStatus.PENDING }, { status: ImageStatus.FAILED, failureReason: reason, updatedAt: new Date() });
    await this.storage.delete([image.uploadKey]);
    this.logFailure(caller, { imageId: image.id, jobId: image.job.id, reason, ...details });
    // Repeated failures bring the caller closer to the upload limit.
    await this.rateLimits.penalise(isStaffRole(caller.user.role) ? 'uploadStaffUser' : 'uploadUser', caller.user.id, FAILURE_PENALTY).catch(() => undefined);
    throw uploadRejected(reason, details);
  }

  private logFailure(caller: Caller, details: Record<string, unknown>): void {
    this.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { userId: caller.user.id, ip: caller.ip, requestId: caller.requestId, details });
  }

  /** Fails uploads that were never completed within the configured time and deletes their bytes. */
  async sweepAbandoned(em: EntityManager, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.uploads.pendingTtlMinutes * 60_000);
    const rows: { id: string; job_id: string; upload_key: string; uploaded_by_id: string | null }[] = await em.getConnection().execute(
      `UPDATE images SET status = 'FAILED', failure_reason = 'ABANDONED', updated_at = now()
        WHERE status = 'PENDING' AND created_at < ? RETURNING id, job_id, upload_key, uploaded_by_id`,
      [cutoff],
    );
    if (rows.length === 0) return 0;
    await this.storage.delete(rows.map((row) => row.upload_key));
    for (const row of rows) {
      this.securityEvents.record(SecurityEventType.UPLOAD_FAILED, { userId: row.uploaded_by_id, details: { reason: 'ABANDONED', imageId: row.id, jobId: row.job_id } });
    }
    return rows.length;
  }
}

/** The base name only, without invisible characters or path tricks; never empty. */
export function cleanFilename(filename: string): string {
  const base = path.posix.basename(withoutInvisibleCharacters(filename).replace(/\\/g, '/')).trim();
  // Cut by code points: a surrogate pair split at 200 UTF-16 units would be stored as U+FFFD.
  const cleaned = Array.from(base.replace(/^\.+/, '')).slice(0, 200).join('');
  return cleaned || 'image';
}
