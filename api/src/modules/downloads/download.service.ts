import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { badInput, forbidden, isAppError, notFound } from '../../shared/errors.js';
import { canSeeJobFacts, downloadDenial, loadImageFacts, loadJobImageFacts, locksTakenBy, type DownloadDenial, type ImageFacts } from '../../policy/download-policy.js';
import { isStaff } from '../../policy/visibility.js';
import type { Caller } from '../users/caller.js';
import { findById, isUuid } from '../../shared/ids.js';
import type { UrlTokenSigner } from '../../security/signed-token.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { archiveFileNames } from './archive-names.js';
import type { SelectionLockService } from '../images/selection-lock.service.js';
import { Delivery, DeliveryOutcome, DeliveryPath } from './delivery.entity.js';
import { layOutZip } from './zip-layout.js';

export interface ImageTicketClaims {
  u: string;
  img: string;
  /** The ticket's id: deliveries started with it name it, so a resume can find its transfer. */
  t?: string;
}
export interface ArchiveTicketClaims {
  u: string;
  job: string;
  t?: string;
}

/** How long a transfer that started in time may be resumed on its URL (PRODUCT.md rule 7). */
export const RESUME_WINDOW_SECONDS = 24 * 60 * 60;

export interface DownloadTicketShape {
  url: string;
  expiresAt: Date;
  filename: string;
  byteSize: number;
  fileCount: number;
}

/** A denial with what the log and the caller need; the route and the resolver turn it into 403. */
export class DownloadDenied extends Error {
  constructor(
    readonly reason: DownloadDenial | 'NOTHING_RELEASED' | 'USER_INACTIVE',
    readonly details: { userId?: string; jobId?: string; imageId?: string },
  ) {
    super(`download denied: ${reason}`);
  }
}

/**
 * A transfer could not be started because its selection locks or its delivery record could not be
 * written: nothing may be sent (rule 5). The route answers 503.
 */
export class TransferNotStarted extends Error {
  constructor(cause: unknown) {
    super('the transfer could not be started: its selection lock was not written', { cause });
    this.name = 'TransferNotStarted';
  }
}

export interface ArchivePlan {
  user: User;
  job: Job;
  images: Image[];
  /** The policy's facts of `images`, in the same order. */
  facts: ImageFacts[];
  names: string[];
  totalBytes: number;
  filename: string;
}

/** A started transfer: its locks are committed and its delivery rows say IN_PROGRESS. */
export interface Transfer {
  deliveryIds: string[];
}

/**
 * Download tickets: issued only after the policy allowed the download, and checked again — user
 * reloaded, policy re-run — when they are used, because states change and users get deactivated.
 */
export class DownloadService {
  constructor(
    private readonly config: Config,
    private readonly urlTokens: UrlTokenSigner,
    private readonly locks: SelectionLockService,
  ) {}

  /** A ticket for one original; the access module has allowed `image.download` on it (rule 1) already. */
  async imageTicket(em: EntityManager, user: User, imageId: string): Promise<DownloadTicketShape> {
    const image = await findById(em, Image, imageId);
    if (!image) throw notFound('Image');
    const expiresAt = this.expiry();
    const token = this.urlTokens.sign<ImageTicketClaims>('download-image', { u: user.id, img: image.id, t: randomUUID() }, expiresAt);
    return { url: `${this.config.publicUrl}/downloads/images/${token}`, expiresAt, filename: downloadName(image), byteSize: image.byteSize, fileCount: 1 };
  }

  async archiveTicket(em: EntityManager, user: User, jobId: string): Promise<DownloadTicketShape> {
    const plan = await this.archivePlan(em, user, jobId);
    const expiresAt = this.expiry();
    const token = this.urlTokens.sign<ArchiveTicketClaims>('download-archive', { u: user.id, job: plan.job.id, t: randomUUID() }, expiresAt);
    // Header sizes do not depend on CRC values or times: the size is exact without reading anything.
    const byteSize = layOutZip(plan.images.map((image, index) => ({ name: plan.names[index]!, byteSize: image.byteSize, crc32: 0, modifiedAt: image.createdAt, source: '' }))).byteSize;
    return { url: `${this.config.publicUrl}/downloads/archive/${token}`, expiresAt, filename: plan.filename, byteSize, fileCount: plan.images.length };
  }

  /**
   * Starts the transfer of one original (rule 5): under a share lock of the image's job — the lock
   * select and deselect wait for — the policy runs again, the selection lock is written and the
   * delivery recorded, and all of it commits before the caller sends a byte or a redirect.
   */
  async startImageTransfer(em: EntityManager, caller: Caller, imageId: string, ticketId?: string): Promise<Transfer & { image: Image }> {
    return this.underJobLock(em, imageId, async (tx) => {
      const facts = await this.allowedFacts(tx, caller.user, imageId);
      await this.locks.lock(tx, caller, facts, locksTakenBy(caller.user, [facts]), DeliveryPath.IMAGE);
      const image = await tx.findOneOrFail(Image, { id: imageId });
      return { image, deliveryIds: this.recordStart(tx, caller.user, [image], DeliveryPath.IMAGE, ticketId) };
    });
  }

  /** Starts an archive transfer: the plan is made, locked and recorded as for one image, in one transaction. */
  async startArchiveTransfer(em: EntityManager, caller: Caller, jobId: string, ticketId?: string): Promise<Transfer & ArchivePlan> {
    return this.underJobLock(em, { jobId }, async (tx) => {
      const plan = await this.archivePlan(tx, caller.user, jobId);
      await this.locks.lock(tx, caller, { jobId: plan.job.id, customerId: plan.job.customer.id }, locksTakenBy(caller.user, plan.facts), DeliveryPath.ARCHIVE);
      return { ...plan, deliveryIds: this.recordStart(tx, caller.user, plan.images, DeliveryPath.ARCHIVE, ticketId) };
    });
  }

  /** Ends the delivery records of a transfer with what was sent and how it ended. Runs in its own transaction. */
  async endTransfer(em: EntityManager, transfer: Transfer, bytesSent: number, outcome: DeliveryOutcome): Promise<void> {
    await em.nativeUpdate(Delivery, { id: { $in: transfer.deliveryIds } }, { outcome, bytesSent, endedAt: new Date() });
  }

  /**
   * Runs `start` in a transaction that first takes a share lock on the job (of the image, or the
   * job named): parallel transfers of one job do not wait for each other, selections wait for them.
   * A failure to write is TransferNotStarted; refusals pass through unchanged.
   */
  private async underJobLock<T>(em: EntityManager, of: string | { jobId: string }, start: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await em.transactional(async (tx) => {
        const jobId = typeof of === 'string' ? await jobOfImage(tx, of) : of.jobId;
        if (jobId && isUuid(jobId)) await tx.findOne(Job, { id: jobId }, { lockMode: LockMode.PESSIMISTIC_READ });
        return start(tx);
      });
    } catch (error) {
      if (error instanceof DownloadDenied || isAppError(error)) throw error;
      throw new TransferNotStarted(error);
    }
  }

  private recordStart(tx: EntityManager, user: User, images: Image[], path: DeliveryPath, ticketId: string | undefined): string[] {
    const archiveId = path === DeliveryPath.ARCHIVE ? randomUUID() : null;
    const userRef = tx.getReference(User, user.id);
    return images.map(
      (image) => tx.create(Delivery, { user: userRef, jobId: image.job.id, imageId: image.id, path, archiveId, ticketId: ticketId ?? null, byteSize: image.byteSize, outcome: DeliveryOutcome.IN_PROGRESS }).id,
    );
  }

  /**
   * Whether a transfer was started with this ticket within the resume window: then its URL may be
   * resumed after the ticket expired (rule 7). The access module and the policy still run again.
   */
  async startedWithin(em: EntityManager, ticketId: string | undefined): Promise<boolean> {
    if (!ticketId || !isUuid(ticketId)) return false;
    const since = new Date(Date.now() - RESUME_WINDOW_SECONDS * 1000);
    return (await em.count(Delivery, { ticketId, createdAt: { $gte: since } })) > 0;
  }

  /** The policy's facts of an image this user may download now; otherwise DownloadDenied (or NOT_FOUND for staff). */
  private async allowedFacts(em: EntityManager, user: User, imageId: string): Promise<ImageFacts> {
    const facts = (await loadImageFacts(em, [imageId])).get(imageId);
    if (!facts) {
      if (isStaff(user)) throw notFound('Image');
      throw new DownloadDenied('NOT_VISIBLE', { userId: user.id, imageId });
    }
    const denial = downloadDenial(user, facts);
    if (denial) throw new DownloadDenied(denial, { userId: user.id, imageId, jobId: facts.jobId });
    return facts;
  }

  /** Exactly the images of the job this user may download now, with server-chosen names. */
  async archivePlan(em: EntityManager, user: User, jobId: string): Promise<ArchivePlan> {
    const job = await findById(em, Job, jobId);
    const visible = job && canSeeJobFacts(user, { customerId: job.customer.id, jobStatus: job.status });
    if (!job || !visible) {
      if (!job && isStaff(user)) throw notFound('Job');
      throw new DownloadDenied('NOT_VISIBLE', { userId: user.id, jobId });
    }
    const allowed = [...(await loadJobImageFacts(em, job.id)).values()].filter((fact) => downloadDenial(user, fact) === null);
    if (allowed.length === 0) throw new DownloadDenied('NOTHING_RELEASED', { userId: user.id, jobId: job.id });
    const byId = new Map((await em.find(Image, { id: { $in: allowed.map((fact) => fact.imageId) } })).map((image) => [image.id, image]));
    const facts = allowed.filter((fact) => byId.has(fact.imageId));
    const images = facts.map((fact) => byId.get(fact.imageId)!);
    const totalBytes = images.reduce((sum, image) => sum + image.byteSize, 0);
    if (totalBytes > this.config.maxArchiveBytes) {
      throw badInput('This archive would be too large; download the images one by one.', { reason: 'ARCHIVE_TOO_LARGE', totalBytes, maxBytes: this.config.maxArchiveBytes });
    }
    const names = archiveFileNames(images.map((image) => ({ filename: image.filename, contentType: image.contentType ?? 'application/octet-stream' })));
    return { user, job, images, facts, names, totalBytes, filename: `${safeStem(job.title)}.zip` };
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.signedUrlTtlSeconds * 1000);
  }
}

/** The job an image belongs to, read inside the transaction; null for an unknown id. */
async function jobOfImage(tx: EntityManager, imageId: string): Promise<string | null> {
  if (!isUuid(imageId)) return null;
  const rows = await tx.execute<{ job_id: string }[]>('SELECT job_id FROM images WHERE id = ?', [imageId]);
  return rows[0]?.job_id ?? null;
}

export const downloadName = (image: Image): string =>
  archiveFileNames([{ filename: image.filename, contentType: image.contentType ?? 'application/octet-stream' }])[0]!;

/** A file-name stem from a job title: letters, digits and a few separators only. */
function safeStem(title: string): string {
  const stem = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]+/g, '-').replace(/\s+/g, ' ').trim().replace(/^[.-]+|[.-]+$/g, '');
  return stem.slice(0, 80) || 'pixgate-download';
}

export const toForbidden = (denied: DownloadDenied) =>
  denied.reason === 'NOTHING_RELEASED' ? forbidden('No image of this job has been released to you yet.', { reason: 'NOTHING_RELEASED' }) : forbidden();
