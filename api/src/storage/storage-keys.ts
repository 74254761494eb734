import type { RenditionKind } from '../shared/domain/rendition-kind.js';

/**
 * Verified objects of a customer live under `customers/<customerId>/`; uploads land under
 * `uploads/customers/<customerId>/` and are copied once verified, so an upload URL can never
 * overwrite a verified original. Erasing a customer is two prefix deletes. The separate top-level
 * prefix lets a bucket lifecycle rule expire whatever a still-valid presigned PUT writes after
 * its image was completed or failed.
 */
export const storageKeys = {
  upload: (customerId: string, jobId: string, imageId: string) => `uploads/customers/${customerId}/jobs/${jobId}/${imageId}`,
  original: (customerId: string, jobId: string, imageId: string) => `customers/${customerId}/jobs/${jobId}/originals/${imageId}`,
  rendition: (customerId: string, jobId: string, imageId: string, kind: RenditionKind) =>
    `customers/${customerId}/jobs/${jobId}/renditions/${imageId}/${kind}.jpg`,
};
