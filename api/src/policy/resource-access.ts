import type { EntityManager } from '@mikro-orm/postgresql';
import { cancellableEnhancementIds, visibleEnhancementIds } from './enhancement-access.js';
import { Image } from '../modules/images/image.entity.js';
import { Job } from '../modules/jobs/job.entity.js';
import { User } from '../modules/users/user.entity.js';
import { UserRole, isStaffRole } from '../shared/domain/user-role.js';
import { uuidsOnly } from '../shared/ids.js';
import type { Viewer } from './access-caller.js';
import { canSeeImageFacts, downloadDenial, type ImageFacts } from './download-policy.js';
import type { Permission } from './permissions.js';
import { canSeeCustomer, canUploadToJob, isStaff, visibleImageIds, visibleJobIds } from './visibility.js';

/** What a resource check may use: the request's EntityManager, the viewer, and the request's image facts. */
export interface CheckContext {
  em: EntityManager;
  viewer: Viewer;
  imageFacts: (ids: string[]) => Promise<Map<string, ImageFacts>>;
}

/** The ids (of one permission's resource) a viewer may use it on: set in, allowed subset out, one query at most. */
type ResourceCheck = (context: CheckContext, ids: string[]) => Promise<Set<string>> | Set<string>;

/**
 * Ownership, release and target-role checks per permission, on the existing loaders. Staff pass the
 * visibility checks for every id (an unknown one is then the service's NOT_FOUND); to a customer an
 * unknown id and a foreign one are the same refusal (no existence oracle).
 */
const all = (ids: string[]) => new Set(ids);
const jobsSeen: ResourceCheck = ({ em, viewer }, ids) => (isStaff(viewer) ? all(ids) : visibleJobIds(em, viewer, ids));
const imagesSeen: ResourceCheck = ({ em, viewer }, ids) => (isStaff(viewer) ? all(ids) : visibleImageIds(em, viewer, ids));
const customersSeen: ResourceCheck = ({ viewer }, ids) => new Set(ids.filter((id) => canSeeCustomer(viewer, id)));

/** Rule 1: originals the viewer may download now. Staff: any READY image; unknown ids pass to the service's NOT_FOUND. */
const imagesDownloadable: ResourceCheck = async ({ viewer, imageFacts }, ids) => {
  const facts = await imageFacts(ids);
  return new Set(ids.filter((id) => {
    const fact = facts.get(id);
    return fact ? downloadDenial(viewer, fact) === null : isStaff(viewer);
  }));
};

/** Rule 4's first half: the viewer may see the image at all (which rendition is the policy's next question). */
const imagesPreviewable: ResourceCheck = async ({ viewer, imageFacts }, ids) => {
  const facts = await imageFacts(ids);
  return new Set(ids.filter((id) => viewer.active && facts.has(id) && canSeeImageFacts(viewer, facts.get(id)!)));
};

const jobsUploadable: ResourceCheck = async ({ em, viewer }, ids) => {
  const jobs = await em.find(Job, { id: { $in: uuidsOnly(ids) } });
  return new Set(jobs.filter((job) => canUploadToJob(viewer, job)).map((job) => job.id));
};

/** Completing an upload: staff any, anyone else only the uploads they requested. */
const ownUploads: ResourceCheck = async ({ em, viewer }, ids) => {
  if (isStaff(viewer)) return all(ids);
  const images = await em.find(Image, { id: { $in: uuidsOnly(ids) }, uploadedBy: viewer.id }, { fields: ['id'] });
  return new Set(images.map((image) => image.id));
};

/** Staff manage customer users; staff and admin accounts are the admins' business. */
const usersManaged: ResourceCheck = async ({ em, viewer }, ids) => {
  if (viewer.role === UserRole.ADMIN) return all(ids);
  if (!isStaff(viewer)) return new Set();
  const targets = await em.find(User, { id: { $in: uuidsOnly(ids) } }, { fields: ['id', 'role'] });
  const staffTargets = new Set(targets.filter((user) => isStaffRole(user.role)).map((user) => user.id));
  return new Set(ids.filter((id) => !staffTargets.has(id)));
};

export const RESOURCE_CHECKS: Partial<Record<Permission, ResourceCheck>> = {
  'customer.read': customersSeen,
  'customer.usage.read': customersSeen,
  'customer.plan.update': customersSeen,
  'customer.credits.grant': customersSeen,
  'user.update': usersManaged,
  'user.deactivate': usersManaged,
  'user.totp.reset': usersManaged,
  'job.read': jobsSeen,
  'job.download': jobsSeen,
  'image.read': imagesSeen,
  'image.upload': jobsUploadable,
  'image.upload.complete': ownUploads,
  'image.select': imagesSeen,
  'image.download': imagesDownloadable,
  'image.preview': imagesPreviewable,
  'enhancement.read': ({ em, viewer }, ids) => (isStaff(viewer) ? all(ids) : visibleEnhancementIds(em, viewer, ids)),
  'enhancement.create': imagesSeen,
  'enhancement.cancel': ({ em, viewer }, ids) => (isStaff(viewer) ? all(ids) : cancellableEnhancementIds(em, viewer, ids)),
};

/** Roles only admins may give: staff create and promote customer users only. */
export const mayAssignRole = (viewer: Viewer, role: UserRole | undefined): boolean => !role || !isStaffRole(role) || viewer.role === UserRole.ADMIN;
