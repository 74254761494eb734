import type { ExtraRequestRecord } from '../dataProvider/extra-requests';
import type { CsvColumn } from '../export/csv';

/** The extras inbox as CSV. The customer's note is their text: the CSV writer defuses formulas in it. */
export const EXTRA_REQUEST_CSV: CsvColumn<ExtraRequestRecord>[] = [
  { header: 'pixgate.export.id', value: (request) => request.id },
  { header: 'resources.extraRequests.fields.createdAt', value: (request) => request.createdAt },
  { header: 'resources.extraRequests.fields.status', value: (request) => request.status },
  { header: 'resources.extraRequests.fields.image.filename', value: (request) => request.image.filename },
  { header: 'resources.extraRequests.fields.job', value: (request) => request.job.title },
  { header: 'resources.extraRequests.fields.customer', value: (request) => request.job.customer?.name },
  { header: 'resources.extraRequests.fields.note', value: (request) => request.note },
  { header: 'resources.extraRequests.fields.decision', value: (request) => request.decisionNote },
];
