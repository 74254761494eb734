import { Cursor, raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ALL_PARTS, DEFAULT_PAGE_SIZE, type ConnectionShape, type ConnectionWants } from '../../shared/connection.js';
import { badInput } from '../../shared/errors.js';
import { LOCKED_SQL } from '../../policy/download-policy.js';
import { isUuid } from '../../shared/ids.js';
import type { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import type { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import type { RenditionKind } from '../../shared/domain/rendition-kind.js';
import { Image, type ImageView, type StoredRendition } from './image.entity.js';
import { ImageSortField, type ImagesArgs } from './image.types.js';

/** A whole shoot in one gallery request: galleries are the one list where pages this large are normal. */
export const MAX_GALLERY_PAGE_SIZE = 500;

/** A row as PostgreSQL names its columns: read without MikroORM's result mapping, which cost more than the query. */
interface ImageRow {
  id: string;
  /** Timestamps as PostgreSQL writes them: MikroORM turns off pg's date parsing and parses itself. */
  created_at: string;
  updated_at: string;
  filename: string;
  status: ImageStatus;
  selection_state: SelectionState;
  content_type: string | null;
  byte_size: number | string;
  sha256: string;
  width: number | null;
  height: number | null;
  renditionKeys: RenditionKeys | null;
  failure_reason: string | null;
  uploaded_by_id: string | null;
  derived_from_id: string | null;
  source: SourceState | null;
  locked: boolean;
}
/** What the download policy needs of a derived image's source. */
export type SourceState = Pick<Image, 'id' | 'status' | 'selectionState'>;
/** Where each rendition is stored: all a listed image needs of `renditions` to sign its URLs. */
type RenditionKeys = Partial<Record<RenditionKind, string>>;
const COLUMNS = ['id', 'createdAt', 'updatedAt', 'filename', 'status', 'selectionState', 'contentType', 'byteSize', 'sha256', 'width', 'height', 'failureReason', 'uploadedBy', 'derivedFrom'] as const;
// Only the keys: parsing every rendition's full JSON cost as much as the rest of the row.
// A derived image's downloads follow its source: the source's state comes with the row.
const SOURCE_STATE = raw(`(SELECT jsonb_build_object('id', s.id, 'status', s.status, 'selectionState', s.selection_state) FROM images s WHERE s.id = i.derived_from_id) AS "source"`);
// Rule 5's lock, of the image or of a derived image's source: rule 4 hands out clean renditions by it.
const LOCKED = raw(`${LOCKED_SQL('i')} AS "locked"`);
const RENDITION_KEYS = raw(`(SELECT jsonb_object_agg(kind, rendition -> 'key') FROM jsonb_each(i.renditions) AS r(kind, rendition)) AS "renditionKeys"`);

/**
 * An image of a gallery page, read as a plain row rather than a managed entity: a gallery lists
 * hundreds of images, and hydrating each into MikroORM's identity map cost more than the rest of
 * the request together. It carries what the `Image` type's fields read (`ImageView`) and is never
 * persisted; the job is the one the page belongs to, already loaded.
 */
export class ListedImage implements ImageView {
  readonly id: string;
  readonly filename: string;
  readonly status: ImageStatus;
  readonly selectionState: SelectionState;
  readonly contentType: string | null;
  readonly byteSize: number;
  readonly sha256: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly renditions: Partial<Record<RenditionKind, Pick<StoredRendition, 'key'>>>;
  readonly failureReason: string | null;
  /** The source's state, for a derived image; null for an uploaded original. */
  readonly sourceState: SourceState | null;
  /** Whether a transfer locked the image's selection (a derived image's: its source's). */
  readonly locked: boolean;
  readonly #createdAt: string;
  readonly #updatedAt: string;
  readonly #uploadedById: string | null;
  readonly #derivedFromId: string | null;
  readonly #em: EntityManager;

  constructor(
    row: ImageRow,
    readonly job: Job,
    em: EntityManager,
  ) {
    this.id = row.id;
    this.#createdAt = row.created_at;
    this.#updatedAt = row.updated_at;
    this.filename = row.filename;
    this.status = row.status;
    this.selectionState = row.selection_state;
    this.contentType = row.content_type;
    this.byteSize = Number(row.byte_size);
    this.sha256 = row.sha256;
    this.width = row.width;
    this.height = row.height;
    this.renditions = {};
    for (const [kind, key] of Object.entries(row.renditionKeys ?? {})) this.renditions[kind as RenditionKind] = { key };
    this.failureReason = row.failure_reason;
    this.sourceState = row.source;
    this.locked = row.locked;
    this.#uploadedById = row.uploaded_by_id;
    this.#derivedFromId = row.derived_from_id;
    this.#em = em;
  }

  // Parsed only when asked for: a gallery rarely shows them, and 1,000 dates per page add up.
  get createdAt(): Date {
    return this.#em.getPlatform().parseDate(this.#createdAt);
  }

  get updatedAt(): Date {
    return this.#em.getPlatform().parseDate(this.#updatedAt);
  }

  /** A reference the `uploadedBy` field loads through the dataloader, made only when asked for. */
  get uploadedBy(): User | null {
    return this.#uploadedById ? this.#em.getReference(User, this.#uploadedById) : null;
  }

  /** A reference to the source of a derived image, made only when asked for. */
  get derivedFrom(): Image | null {
    return this.#derivedFromId ? this.#em.getReference(Image, this.#derivedFromId) : null;
  }
}

/**
 * One page of a job's images matching `where`, by keyset or offset. The cursor names the last image
 * of the page; the next page starts after that image's exact (sort value, id) as PostgreSQL stores
 * them, so timestamps keep their microseconds and equal sort values never skip or repeat a row.
 */
export async function galleryPage(
  em: EntityManager,
  job: Job,
  where: FilterQuery<Image>,
  args: ImagesArgs,
  wants: ConnectionWants = ALL_PARTS,
): Promise<ConnectionShape<ListedImage>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_GALLERY_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_GALLERY_PAGE_SIZE}.`, { field: 'first', reason: 'OUT_OF_RANGE', max: MAX_GALLERY_PAGE_SIZE });
  }
  const usesOffset = args.offset !== undefined && args.offset !== null;
  if (usesOffset && args.after) throw badInput('Use either after or offset, not both.', { field: 'offset', reason: 'CONFLICTING_ARGUMENTS' });
  if (usesOffset && args.offset! < 0) throw badInput('offset must not be negative.', { field: 'offset', reason: 'OUT_OF_RANGE' });

  const sortBy = args.sortBy ?? ImageSortField.CREATED_AT;
  const direction = args.sortDirection === 'DESC' ? 'desc' : 'asc';
  const sortColumn = em.getMetadata().get(Image).properties[sortBy].fieldNames[0];
  const query = em
    .createQueryBuilder(Image, 'i')
    .select([...COLUMNS, RENDITION_KEYS, SOURCE_STATE, LOCKED])
    .where(where as never)
    .orderBy({ [sortBy]: direction, id: direction } as never)
    .limit(first + 1);
  if (usesOffset) query.offset(args.offset!);
  if (args.after) {
    const anchor = anchorOf(args.after);
    query.andWhere(`(i.${sortColumn}, i.id) ${direction === 'asc' ? '>' : '<'} (SELECT anchor.${sortColumn}, anchor.id FROM images anchor WHERE anchor.id = ? AND anchor.job_id = ?)`, [anchor, job.id]);
  }
  const [rows, totalCount] = await Promise.all([
    query.execute<ImageRow[]>('all', false),
    wants.totalCount || usesOffset ? em.count(Image, where) : Promise.resolve(-1),
  ]);

  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first).map((row) => new ListedImage(row, job, em));
  const cursorOf = (image: ListedImage) => Cursor.encode([image.id]);
  const edges = wants.edges ? nodes.map((node) => ({ cursor: cursorOf(node), node })) : [];
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: usesOffset ? args.offset! > 0 : Boolean(args.after),
      startCursor: nodes.length ? cursorOf(nodes[0]!) : null,
      endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null,
    },
  };
}

function anchorOf(after: string): string {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string' || !isUuid(values[0])) {
    throw badInput('The cursor is not valid for this list.', { field: 'after', reason: 'INVALID_CURSOR' });
  }
  return values[0];
}
