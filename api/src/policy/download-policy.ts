import type { EntityManager } from '@mikro-orm/postgresql';
import { ImageStatus, SelectionState } from '../shared/domain/image-enums.js';
import { JobStatus } from '../shared/domain/job-status.js';
import type { Viewer } from './access-caller.js';
import { uuidsOnly } from '../shared/ids.js';
import { isStaff } from './visibility.js';

/**
 * The one download policy (PRODUCT.md rules 1, 2 and 4). Every path that lets bytes leave the
 * server — GraphQL fields, preview URLs, download tickets when issued and when used, ZIP archives —
 * asks these functions; nothing else decides. The pure functions decide over plain facts; the
 * loader fetches those facts for a set of ids in one query.
 */

/** Selection states that release an image to its customer on their own. */
export const RELEASED_STATES: ReadonlySet<SelectionState> = new Set([SelectionState.INCLUDED, SelectionState.EXTRA_PAID, SelectionState.EXTRA_FREE]);

/** What the policy needs to know about an image and its job. */
export interface ImageFacts {
  imageId: string;
  imageStatus: ImageStatus;
  selectionState: SelectionState;
  jobId: string;
  jobStatus: JobStatus;
  allImagesIncluded: boolean;
  customerId: string;
  /**
   * A transfer to the job's customer has locked the image's selection (rule 5). For a derived image
   * this is its source's lock: the source is what uses package room.
   */
  locked: boolean;
  /** For a derived image (an enhancement's result): the uploaded original it was made from, in the same job. */
  source: SourceFacts | null;
}

/** What the policy needs to know about a derived image's source. */
export interface SourceFacts {
  imageId: string;
  imageStatus: ImageStatus;
  selectionState: SelectionState;
}

/** Selection states staff grant as extras: the customer keeps them whatever they select. */
const GRANTED_EXTRA_STATES: ReadonlySet<SelectionState> = new Set([SelectionState.EXTRA_PAID, SelectionState.EXTRA_FREE]);

export type DownloadDenial = 'NOT_VISIBLE' | 'NOT_RELEASED';

/**
 * Rule 1: released to the job's customer. BLOCKED wins over allImagesIncluded. A derived image uses
 * no package room: it is released when its source is, unless staff blocked the derived image itself.
 */
export function isReleased(facts: Pick<ImageFacts, 'imageStatus' | 'selectionState' | 'allImagesIncluded' | 'source'>): boolean {
  if (facts.imageStatus !== ImageStatus.READY) return false;
  if (facts.selectionState === SelectionState.BLOCKED) return false;
  if (facts.source) return isReleased({ ...facts.source, allImagesIncluded: facts.allImagesIncluded, source: null });
  return facts.allImagesIncluded || RELEASED_STATES.has(facts.selectionState);
}

/** Rule 2 for a job: staff see every job; a customer user sees their own customer's delivered jobs. */
export function canSeeJobFacts(user: Viewer, job: Pick<ImageFacts, 'customerId' | 'jobStatus'>): boolean {
  if (isStaff(user)) return true;
  return user.active && job.customerId === user.customer?.id && job.jobStatus === JobStatus.DELIVERED;
}

/** Rule 2 for an image: visible job, and READY for customers. */
export function canSeeImageFacts(user: Viewer, facts: ImageFacts): boolean {
  return canSeeJobFacts(user, facts) && (isStaff(user) || facts.imageStatus === ImageStatus.READY);
}

/** Null when the user may download the original; otherwise why not. Staff may download any READY image. */
export function downloadDenial(user: Viewer, facts: ImageFacts): DownloadDenial | null {
  if (!user.active) return 'NOT_VISIBLE';
  if (isStaff(user)) return facts.imageStatus === ImageStatus.READY ? null : 'NOT_RELEASED';
  if (!canSeeImageFacts(user, facts)) return 'NOT_VISIBLE';
  return isReleased(facts) ? null : 'NOT_RELEASED';
}

/**
 * Rule 4: the customer can no longer lose this image — it is released, and locked by a transfer,
 * a granted extra, or in a job that includes all images. A derived image is judged by its source.
 * An INCLUDED image that could still be deselected is not kept: its clean preview would be a
 * delivery that select → look → deselect could repeat for the whole shoot.
 */
export function isKept(facts: ImageFacts): boolean {
  if (!isReleased(facts)) return false;
  const entitlement = facts.source?.selectionState ?? facts.selectionState;
  return facts.locked || facts.allImagesIncluded || GRANTED_EXTRA_STATES.has(entitlement);
}

/** Rule 4: clean renditions to staff, and to a customer user only of images they keep; everyone else gets watermarks. */
export function renditionVariant(user: Viewer, facts: ImageFacts): 'clean' | 'watermarked' {
  if (downloadDenial(user, facts) !== null) return 'watermarked';
  return isStaff(user) || isKept(facts) ? 'clean' : 'watermarked';
}

/** Rule 4 at use: whether the viewer may have this rendition — a watermarked one of any image they see, a clean one only where `renditionVariant` says clean. */
export function mayHaveRendition(user: Viewer, facts: ImageFacts, kind: string): boolean {
  if (!canSeeImageFacts(user, facts)) return false;
  return kind.endsWith('_watermarked') || renditionVariant(user, facts) === 'clean';
}

/**
 * Rule 5: the uploaded originals a transfer of these (allowed) images to this user locks before its
 * first byte — for a derived image its source — that are not locked yet. Staff transfers lock
 * nothing: the lock is the customer's entitlement.
 */
export function locksTakenBy(user: Viewer, allowed: Iterable<ImageFacts>): string[] {
  if (isStaff(user)) return [];
  const targets = new Set<string>();
  for (const facts of allowed) if (!facts.locked) targets.add(facts.source?.imageId ?? facts.imageId);
  return [...targets];
}

/** The uploaded original whose lock stands for this image: itself, or a derived image's source. */
export const lockTargetOf = (facts: Pick<ImageFacts, 'imageId' | 'source'>): string => facts.source?.imageId ?? facts.imageId;

/** Facts for a set of image ids, in one query. Unknown and malformed ids are simply absent. */
export async function loadImageFacts(em: EntityManager, imageIds: Iterable<string>): Promise<Map<string, ImageFacts>> {
  const ids = uuidsOnly(imageIds);
  if (ids.length === 0) return new Map();
  return factsWhere(em, 'i.id IN (?)', [ids]);
}

/** Facts for every READY image of one job, for archives. */
export async function loadJobImageFacts(em: EntityManager, jobId: string): Promise<Map<string, ImageFacts>> {
  return factsWhere(em, `i.job_id = ? AND i.status = '${ImageStatus.READY}'`, [jobId]);
}

async function factsWhere(em: EntityManager, condition: string, params: unknown[]): Promise<Map<string, ImageFacts>> {
  // em.execute, not the connection's: inside a transaction the facts must be read under its locks.
  const rows = await em.execute<
    {
      image_id: string;
      image_status: ImageStatus;
      selection_state: SelectionState;
      job_id: string;
      job_status: JobStatus;
      all_images_included: boolean;
      customer_id: string;
      locked: boolean;
      source_id: string | null;
      source_status: ImageStatus | null;
      source_selection_state: SelectionState | null;
    }[]
  >(
    `SELECT i.id AS image_id, i.status AS image_status, i.selection_state, j.id AS job_id, j.status AS job_status,
            j.all_images_included, j.customer_id, ${LOCKED_SQL('i')} AS locked,
            s.id AS source_id, s.status AS source_status, s.selection_state AS source_selection_state
       FROM images i JOIN jobs j ON j.id = i.job_id LEFT JOIN images s ON s.id = i.derived_from_id
      WHERE ${condition}
      ORDER BY i.created_at, i.id`,
    params,
  );
  return new Map(
    rows.map((row) => [
      row.image_id,
      {
        imageId: row.image_id,
        imageStatus: row.image_status,
        selectionState: row.selection_state,
        jobId: row.job_id,
        jobStatus: row.job_status,
        allImagesIncluded: row.all_images_included,
        customerId: row.customer_id,
        locked: row.locked,
        source: row.source_id && row.source_status && row.source_selection_state ? { imageId: row.source_id, imageStatus: row.source_status, selectionState: row.source_selection_state } : null,
      },
    ]),
  );
}

/** Whether the image aliased `alias` (or, for a derived image, its source) is locked, as an SQL expression. */
export const LOCKED_SQL = (alias: string) => `EXISTS (SELECT 1 FROM selection_locks l WHERE l.image_id = coalesce(${alias}.derived_from_id, ${alias}.id))`;

/** Facts from rows already loaded (gallery fields), so no query is needed. */
export function factsOf(
  image: { id: string; status: ImageStatus; selectionState: SelectionState },
  job: { id: string; status: JobStatus; allImagesIncluded: boolean; customer: { id: string } },
  source: { id: string; status: ImageStatus; selectionState: SelectionState } | null,
  locked: boolean,
): ImageFacts {
  return {
    imageId: image.id,
    imageStatus: image.status,
    selectionState: image.selectionState,
    jobId: job.id,
    jobStatus: job.status,
    allImagesIncluded: job.allImagesIncluded,
    customerId: job.customer.id,
    locked,
    source: source ? { imageId: source.id, imageStatus: source.status, selectionState: source.selectionState } : null,
  };
}

/**
 * Rule 1 as an SQL condition over `images` aliased `image`, its source (LEFT JOINed as `source` on
 * `image.derived_from_id`) and `jobs` aliased `job`, for counts. Built from the same constants as
 * `isReleased`; the property test checks they agree.
 */
const releasedOwnStateSql = (alias: string) =>
  `(${alias}.status = '${ImageStatus.READY}' AND ${alias}.selection_state <> '${SelectionState.BLOCKED}'
    AND (job.all_images_included OR ${alias}.selection_state IN (${[...RELEASED_STATES].map((state) => `'${state}'`).join(', ')})))`;
export const RELEASED_SQL = `(image.status = '${ImageStatus.READY}' AND image.selection_state <> '${SelectionState.BLOCKED}'
  AND CASE WHEN image.derived_from_id IS NULL THEN ${releasedOwnStateSql('image')} ELSE ${releasedOwnStateSql('source')} END)`;
