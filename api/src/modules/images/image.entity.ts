import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base-entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import type { RenditionKind } from '../../shared/domain/rendition-kind.js';

export interface StoredRendition {
  key: string;
  width: number;
  height: number;
  byteSize: number;
  contentType: string;
}
export type StoredRenditions = Partial<Record<RenditionKind, StoredRendition>>;

/** What a relayed upload PUT hashed, and the ETag storage answered for the bytes it wrote. */
export interface UploadReceipt {
  sha256: string;
  crc32: number;
  byteSize: number;
  etag: string;
}

@ObjectType({ description: 'One photo of a job.' })
@Entity({ tableName: 'images' })
@Check({ name: 'images_byte_size_check', expression: 'byte_size > 0' })
@Check({ name: 'images_sha256_check', expression: "sha256 ~ '^[0-9a-f]{64}$'" })
@Check({ name: 'images_ready_check', expression: "status <> 'READY' OR (original_key IS NOT NULL AND content_type IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL)" })
@Index({ name: 'images_job_status_created_idx', properties: ['job', 'status', 'createdAt'] })
@Index({ name: 'images_status_created_idx', properties: ['status', 'createdAt'] })
@Index({ name: 'images_derived_from_idx', properties: ['derivedFrom'] })
export class Image extends BaseEntity {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'status'
    | 'selectionState'
    | 'contentType'
    | 'width'
    | 'height'
    | 'originalKey'
    | 'renditions'
    | 'failureReason'
    | 'derivedFrom'
    | 'crc32'
    | 'uploadReceipt';

  @ManyToOne({ entity: () => Job, deleteRule: 'cascade' })
  job!: Rel<Job>;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  uploadedBy!: Rel<User> | null;

  @Field({ description: 'The file name given at upload, cleaned of paths and control characters.' })
  @Property({ type: 'text' })
  filename!: string;

  @Field(() => ImageStatus)
  @Enum({ items: () => ImageStatus })
  status: ImageStatus = ImageStatus.PENDING;

  @Field(() => SelectionState)
  @Enum({ items: () => SelectionState })
  selectionState: SelectionState = SelectionState.NONE;

  /** What the uploader claimed; kept to log lies, never trusted. */
  @Property({ type: 'text' })
  declaredContentType!: string;

  @Field(() => String, { nullable: true, description: 'Sniffed from the bytes once the upload is verified.' })
  @Property({ type: 'text', nullable: true })
  contentType: string | null = null;

  @Field(() => SafeIntResolver, { description: 'Size of the original in bytes (declared until verified).' })
  @Property({ type: 'bigint', runtimeType: 'number' })
  byteSize!: number;

  @Field({ description: 'SHA-256 of the original, lower-case hex.' })
  @Property({ type: 'character', length: 64 })
  sha256!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  width: number | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  height: number | null = null;

  /**
   * CRC-32 of the original, kept when its bytes are verified: a ZIP's headers state it before the
   * bytes, so an archive's exact bytes are known before anything is read. Null for images stored
   * before it was kept, until an archive needs it.
   */
  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  crc32: number | null = null;

  /**
   * What the API's own upload URL (proxied mode) hashed while it relayed the PUT to the upload key,
   * with the ETag storage gave that write: completion trusts it only while the upload key still has
   * that ETag, and reads the bytes back otherwise. Null for presigned PUTs, which bypass the API.
   */
  @Property({ type: 'jsonb', nullable: true })
  uploadReceipt: UploadReceipt | null = null;

  /** Where the client's PUT lands; never where a verified original lives. */
  @Property({ type: 'text' })
  uploadKey!: string;

  /** The verified original; no client ever sees this key or had a URL for it. */
  @Property({ type: 'text', nullable: true })
  originalKey: string | null = null;

  @Property({ type: 'jsonb', defaultRaw: `'{}'` })
  renditions: StoredRenditions = {};

  @Field(() => String, { nullable: true, description: 'Why the upload failed, as a machine-readable code.' })
  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  /** The uploaded original an enhancement (or a chain of them) made this one from; null for uploads. */
  @ManyToOne({ entity: () => Image, nullable: true, deleteRule: 'cascade' })
  derivedFrom: Rel<Image> | null = null;
}

/**
 * What the `Image` type's fields read, and so what its field resolvers take as `@Root()`: both shapes
 * of an image satisfy it, the managed entity and a gallery page's read row (`ListedImage`). An
 * interface on purpose: it reflects as Object, so type-graphql passes the root through; a class
 * parameter would make it rebuild every root that is not an instance (a fresh `new Image()` for
 * every field of every row).
 */
export interface ImageView
  extends Readonly<
    Pick<
      Image,
      'id' | 'createdAt' | 'updatedAt' | 'filename' | 'status' | 'selectionState' | 'contentType' | 'byteSize' | 'sha256' | 'width' | 'height' | 'failureReason' | 'job' | 'uploadedBy' | 'derivedFrom'
    >
  > {
  /** Only the keys: a URL is signed for a stored rendition's key. */
  readonly renditions: Partial<Record<RenditionKind, Pick<StoredRendition, 'key'>>>;
}
