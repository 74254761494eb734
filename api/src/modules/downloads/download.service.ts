import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { badInput, forbidden, notFound } from '../../graphql/errors.js';
import { SecurityEventType, type SecurityEvents } from '../security-events/security-events.service.js';
import { canSeeJobFacts, downloadDenial, loadImageFacts, loadJobImageFacts, type DownloadDenial } from '../../policy/download-policy.js';
import { isStaff } from '../../policy/visibility.js';
import { findById } from '../../shared/ids.js';
import type { UrlTokenSigner } from '../../security/signed-token.js';
import { Image } from '../images/image.entity.js';
import { Job } from '../jobs/job.entity.js';
import { User } from '../users/user.entity.js';
import { archiveFileNames } from './archive-names.js';
import { Delivery, DeliveryPath } from './delivery.entity.js';

export interface ImageTicketClaims {
  u: string;
  img: string;
}
export interface ArchiveTicketClaims {
  u: string;
  job: string;
}

export interface DownloadTicketShape {
  url: string;
  expiresAt: Date;
  filename: string;
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

export interface ArchivePlan {
  user: User;
  job: Job;
  images: Image[];
  names: string[];
  totalBytes: number;
  filename: string;
}

/**
 * Download tickets: issued only after the policy allowed the download, and checked again — user
 * reloaded, policy re-run — when they are used, because states change and users get deactivated.
 */
export class DownloadService {
  constructor(
    private readonly config: Config,
    private readonly urlTokens: UrlTokenSigner,
    private readonly securityEvents: SecurityEvents,
  ) {}

  async imageTicket(em: EntityManager, user: User, imageId: string): Promise<DownloadTicketShape> {
    const image = await this.allowedImage(em, user, imageId);
    const expiresAt = this.expiry();
    const token = this.urlTokens.sign<ImageTicketClaims>('download-image', { u: user.id, img: image.id }, expiresAt);
    return { url: `${this.config.publicUrl}/downloads/images/${token}`, expiresAt, filename: downloadName(image) };
  }

  async archiveTicket(em: EntityManager, user: User, jobId: string): Promise<DownloadTicketShape> {
    const plan = await this.archivePlan(em, user, jobId);
    const expiresAt = this.expiry();
    const token = this.urlTokens.sign<ArchiveTicketClaims>('download-archive', { u: user.id, job: plan.job.id }, expiresAt);
    return { url: `${this.config.publicUrl}/downloads/archive/${token}`, expiresAt, filename: plan.filename };
  }

  /** The image, if this user may download its original now; otherwise DownloadDenied. */
  async allowedImage(em: EntityManager, user: User, imageId: string): Promise<Image> {
    const facts = (await loadImageFacts(em, [imageId])).get(imageId);
    if (!facts) {
      if (isStaff(user)) throw notFound('Image');
      throw new DownloadDenied('NOT_VISIBLE', { userId: user.id, imageId });
    }
    const denial = downloadDenial(user, facts);
    if (denial) throw new DownloadDenied(denial, { userId: user.id, imageId, jobId: facts.jobId });
    return em.findOneOrFail(Image, { id: imageId });
  }

  /** Exactly the images of the job this user may download now, with server-chosen names. */
  async archivePlan(em: EntityManager, user: User, jobId: string): Promise<ArchivePlan> {
    const job = await findById(em, Job, jobId);
    const visible = job && canSeeJobFacts(user, { customerId: job.customer.id, jobStatus: job.status });
    if (!job || !visible) {
      if (!job && isStaff(user)) throw notFound('Job');
      throw new DownloadDenied('NOT_VISIBLE', { userId: user.id, jobId });
    }
    const facts = await loadJobImageFacts(em, job.id);
    const allowedIds = [...facts.values()].filter((fact) => downloadDenial(user, fact) === null).map((fact) => fact.imageId);
    if (allowedIds.length === 0) throw new DownloadDenied('NOTHING_RELEASED', { userId: user.id, jobId: job.id });
    const byId = new Map((await em.find(Image, { id: { $in: allowedIds } })).map((image) => [image.id, image]));
    const images = allowedIds.map((id) => byId.get(id)!).filter(Boolean);
    const totalBytes = images.reduce((sum, image) => sum + image.byteSize, 0);
    if (totalBytes > this.config.maxArchiveBytes) {
      throw badInput('This archive would be too large; download the images one by one.', { reason: 'ARCHIVE_TOO_LARGE', totalBytes, maxBytes: this.config.maxArchiveBytes });
    }
    const names = archiveFileNames(images.map((image) => ({ filename: image.filename, contentType: image.contentType ?? 'application/octet-stream' })));
    return { user, job, images, names, totalBytes, filename: `${safeStem(job.title)}.zip` };
  }

  /** The active user a ticket names, reloaded now. */
  async ticketUser(em: EntityManager, userId: string): Promise<User> {
    const user = await findById(em, User, userId, { populate: ['customer'] });
    if (!user?.active) throw new DownloadDenied('USER_INACTIVE', { userId });
    return user;
  }

  async recordDeliveries(em: EntityManager, user: User, images: Image[], path: DeliveryPath): Promise<void> {
    const archiveId = path === DeliveryPath.ARCHIVE ? randomUUID() : null;
    for (const image of images) {
      em.create(Delivery, { user, jobId: image.job.id, imageId: image.id, path, archiveId, byteSize: image.byteSize });
    }
    await em.flush();
  }

  logDenial(denied: DownloadDenied, context: { ip?: string; requestId?: string; via: string }): void {
    const { userId, ...details } = denied.details;
    this.securityEvents.record(SecurityEventType.DOWNLOAD_DENIED, { userId, ip: context.ip, requestId: context.requestId, details: { reason: denied.reason, ...details, via: context.via } });
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.signedUrlTtlSeconds * 1000);
  }
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
