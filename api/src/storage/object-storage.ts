import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface StorageSettings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface ObjectHead {
  byteSize: number;
  contentType?: string;
  /** The server's ETag, quotes included; what a later HEAD or copy of the same bytes answers. */
  etag?: string;
}

/** An object's first bytes and its head (`byteSize` is the whole object's). */
export interface ObjectStart extends ObjectHead {
  bytes: Buffer;
}

export interface OpenedObject {
  body: Readable;
  /** Of what `body` carries (the range, when one was asked for). */
  byteSize: number;
  objectSize: number;
  contentType?: string;
  etag?: string;
}

/** What a write stored, as the server names it. */
export interface StoredObject {
  etag?: string;
}

/** The one place that speaks S3. Everything else names objects by key. */
export class ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(settings: StorageSettings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Defaults frame streamed bodies as aws-chunked (stored verbatim by non-AWS servers) and sign
      // empty-body checksums into presigned PUTs; only send checksums where S3 demands them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // A stalled storage server must not hold a download (or a ZIP) open forever: the socket may
      // idle at most this long before the request fails.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async put(key: string, body: Buffer | Readable, options: { contentType: string; byteSize?: number }): Promise<StoredObject> {
    const stored = await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, ContentLength: options.byteSize }),
    );
    return { etag: stored.ETag };
  }

  /** Null when the object does not exist. */
  async head(key: string): Promise<ObjectHead | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { byteSize: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) throw new Error(`object ${key} has no body`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  /**
   * Null when the object does not exist. With `range` (inclusive byte positions) only those bytes
   * are read: `byteSize` is the length of the range, `objectSize` the whole object's.
   */
  async openStream(key: string, range?: { start: number; end: number }): Promise<OpenedObject | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      const byteSize = object.ContentLength ?? 0;
      // "bytes 0-99/2000": the total after the slash.
      const objectSize = range && object.ContentRange ? Number(object.ContentRange.split('/')[1]) : byteSize;
      return { body: object.Body as Readable, byteSize, objectSize, contentType: object.ContentType, etag: object.ETag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * A copy made by the storage server, the bytes never passing through here. With `contentType` the
   * copy's metadata is replaced (and the server states the copy's own ETag anew).
   */
  async copy(fromKey: string, toKey: string, options: { contentType?: string } = {}): Promise<StoredObject> {
    const copied = await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: toKey,
        CopySource: `${this.bucket}/${encodeURI(fromKey)}`,
        ...(options.contentType ? { MetadataDirective: 'REPLACE' as const, ContentType: options.contentType } : {}),
      }),
    );
    return { etag: copied.CopyObjectResult?.ETag };
  }

  /**
   * The first bytes of an object (at most `length`) with what a HEAD would say of it, in one
   * request; null when it does not exist.
   */
  async readStart(key: string, length: number): Promise<ObjectStart | null> {
    const object = await this.openStream(key, { start: 0, end: length - 1 });
    if (!object) return null;
    return { bytes: await collectBytes(object.body), byteSize: object.objectSize, contentType: object.contentType, etag: object.etag };
  }

  /** Every key under `prefix`, for audits of what is stored (tests, clean-up checks). */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
    }
  }

  presignGet(key: string, options: { expiresInSeconds: number; downloadFilename?: string; signingDate?: Date }): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: options.downloadFilename ? contentDisposition(options.downloadFilename) : undefined,
      }),
      { expiresIn: options.expiresInSeconds, signingDate: options.signingDate },
    );
  }

  /** Signs the content type and length too, so the PUT must carry exactly what was declared. */
  presignPut(key: string, options: { contentType: string; byteSize: number; expiresInSeconds: number }): Promise<string> {
    return getSignedUrl(
      this.client,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType, ContentLength: options.byteSize }),
      { expiresIn: options.expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** A stream's bytes in one buffer; `onChunk` sees each piece as it arrives (to hash as it streams). */
export async function collectBytes(body: Readable, onChunk?: (chunk: Buffer) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) {
    onChunk?.(chunk);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function isNotFound(error: unknown): boolean {
  if (error instanceof NotFound || error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchBucket');
}

/** RFC 6266 attachment header: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
