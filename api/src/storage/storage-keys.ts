import type { RenditionKind } from '../modules/images/image-processing.js';

/**
 * Every object of a customer lives under `customers/<customerId>/`, so erasing a customer is one
 * prefix delete. Uploads land under `uploads/` and are moved once verified, so an upload URL can
 * never overwrite a verified original.
 */
export const storageKeys = {
  customerPrefix: (customerId: string) => `customers/${customerId}/`,
  jobPrefix: (customerId: string, jobId: string) => `customers/${customerId}/jobs/${jobId}/`,
  upload: (customerId: string, jobId: string, imageId: string) => `customers/${customerId}/jobs/${jobId}/uploads/${imageId}`,
  original: (customerId: string, jobId: string, imageId: string) => `customers/${customerId}/jobs/${jobId}/originals/${imageId}`,
  rendition: (customerId: string, jobId: string, imageId: string, kind: RenditionKind) =>
    `customers/${customerId}/jobs/${jobId}/renditions/${imageId}/${kind}.jpg`,
};
