import type { JobRecord } from '../dataProvider/jobs';
import type { CsvColumn } from '../export/csv';

/** The job list as CSV: headers in the screen's language, values as the API has them (enum names, ISO times). */
export const JOB_CSV: CsvColumn<JobRecord>[] = [
  { header: 'pixgate.export.id', value: (job) => job.id },
  { header: 'resources.jobs.fields.title', value: (job) => job.title },
  { header: 'resources.jobs.fields.customer', value: (job) => job.customer?.name },
  { header: 'resources.jobs.fields.status', value: (job) => job.status },
  { header: 'resources.jobs.fields.includedImages', value: (job) => job.includedImages },
  { header: 'resources.jobs.fields.allImagesIncluded', value: (job) => job.allImagesIncluded },
  { header: 'resources.jobs.fields.downloadableCount', value: (job) => job.downloadableCount },
  { header: 'resources.jobs.fields.pendingExtraCount', value: (job) => job.pendingExtraCount },
  { header: 'resources.jobs.fields.allowCustomerUploads', value: (job) => job.allowCustomerUploads },
  { header: 'resources.jobs.fields.createdAt', value: (job) => job.createdAt },
  { header: 'resources.jobs.fields.deliveredAt', value: (job) => job.deliveredAt },
  { header: 'resources.jobs.fields.updatedAt', value: (job) => job.updatedAt },
];
