import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { storageKeys } from '../../storage/storage-keys.js';
import type { StudioService } from '../studio/studio.service.js';
import { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import { ImageRejectedError, inspectImage, renderRenditions, type ImageInfo } from './image-processing.js';
import { Image, type StoredRenditions } from './image.entity.js';
import { storeRenditions } from './rendition-storage.js';

/** A derived image whose files are stored but whose row is not written yet. */
export interface PreparedDerivedImage {
  id: string;
  source: Image;
  filename: string;
  info: ImageInfo;
  byteSize: number;
  sha256: string;
  crc32: number;
  originalKey: string;
  renditions: StoredRenditions;
}

/** The output is not an image we can store (unreadable, wrong type, too many pixels). */
export class DerivedImageRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`derived image rejected: ${reason}`);
    this.name = 'DerivedImageRejectedError';
  }
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp', 'image/tiff': '.tif' };

/**
 * Results of enhancements become images of the same job, `derivedFrom` their source: the bytes are
 * checked and turned into renditions by the same image processing as an upload's, the original is
 * stored under a fresh key no client ever saw, and the row is READY with selection NONE (a derived
 * image uses no package room; whether it may be downloaded follows its source, in the download policy).
 */
export class DerivedImageService {
  constructor(
    private readonly config: Pick<Config, 'uploads'>,
    private readonly storage: ObjectStorage,
    private readonly studio: StudioService,
  ) {}

  /** The source's verified original. */
  readOriginal(source: Image): Promise<Buffer> {
    if (!source.originalKey) throw new Error(`image ${source.id} has no original`);
    return this.storage.read(source.originalKey);
  }

  /**
   * Checks the bytes and stores original and renditions; writes nothing to the database. Call
   * `insert` in the transaction that settles the task, or `discard` when that does not happen.
   */
  async prepare(em: EntityManager, source: Image, bytes: Buffer, label: string): Promise<PreparedDerivedImage> {
    const maxPixels = this.config.uploads.maxPixels;
    const { watermarkText } = await this.studio.get(em);
    let info;
    let renditions;
    try {
      info = await inspectImage(bytes, { maxPixels });
      renditions = await renderRenditions(bytes, { watermarkText, maxPixels });
    } catch (error) {
      if (error instanceof ImageRejectedError) throw new DerivedImageRejectedError(error.reason);
      throw error;
    }
    const id = randomUUID();
    const customerId = source.job.customer.id;
    const jobId = source.job.id;
    const stored: StoredRenditions = {};
    const prepared: PreparedDerivedImage = {
      id,
      source,
      filename: derivedFilename(source.filename, label, info.contentType),
      info,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      crc32: zlib.crc32(bytes),
      originalKey: storageKeys.original(customerId, jobId, id),
      renditions: stored,
    };
    try {
      await storeRenditions(this.storage, { customerId, jobId, imageId: id }, renditions, stored);
      await this.storage.put(prepared.originalKey, bytes, { contentType: info.contentType, byteSize: bytes.length });
    } catch (error) {
      await this.discard(prepared);
      throw error;
    }
    return prepared;
  }

  /** The row of a prepared image, in the caller's transaction. */
  async insert(em: EntityManager, prepared: PreparedDerivedImage): Promise<Image> {
    const { source, info } = prepared;
    const image = em.create(Image, {
      id: prepared.id,
      job: source.job,
      uploadedBy: null,
      // Always the uploaded original, also for an enhancement of an enhancement: the download policy
      // releases a derived image by its original's state, one level deep. The task keeps its direct input.
      derivedFrom: source.derivedFrom ?? source,
      filename: prepared.filename,
      status: ImageStatus.READY,
      selectionState: SelectionState.NONE,
      declaredContentType: info.contentType,
      contentType: info.contentType,
      byteSize: prepared.byteSize,
      sha256: prepared.sha256,
      crc32: prepared.crc32,
      width: info.width,
      height: info.height,
      // Nothing is ever uploaded here; the key only keeps the column's meaning ("where a PUT would land").
      uploadKey: storageKeys.upload(source.job.customer.id, source.job.id, prepared.id),
      originalKey: prepared.originalKey,
      renditions: prepared.renditions,
    });
    await em.flush();
    return image;
  }

  /** Deletes the files of a prepared image that never got its row. */
  async discard(prepared: PreparedDerivedImage): Promise<void> {
    await this.storage.delete([prepared.originalKey, ...Object.values(prepared.renditions).map((rendition) => rendition!.key)]);
  }
}

/** `living-room.jpg` enhanced by `esrgan-2x` into a PNG → `living-room-esrgan-2x.png`. */
function derivedFilename(sourceFilename: string, label: string, contentType: string): string {
  const base = path.posix.basename(sourceFilename, path.posix.extname(sourceFilename)) || 'image';
  return `${base.slice(0, 150)}-${label}${EXTENSIONS[contentType] ?? ''}`;
}
