import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import type { CsvColumn } from '../export/csv';

/** The audit log as CSV: every column the trail has, ids included, so a row can be traced back. */
export const AUDIT_CSV: CsvColumn<AuditEntryRecord>[] = [
  { header: 'resources.auditEntries.fields.createdAt', value: (entry) => entry.createdAt },
  { header: 'resources.auditEntries.fields.actorName', value: (entry) => entry.actorName },
  { header: 'resources.auditEntries.fields.actorRole', value: (entry) => entry.actorRole },
  { header: 'resources.auditEntries.fields.actorId', value: (entry) => entry.actor?.id },
  { header: 'resources.auditEntries.fields.subject', value: (entry) => entry.subject },
  { header: 'resources.auditEntries.fields.customer', value: (entry) => entry.customer?.name },
  { header: 'resources.auditEntries.fields.customerId', value: (entry) => entry.customer?.id },
  { header: 'resources.auditEntries.fields.job', value: (entry) => entry.job?.title },
  { header: 'resources.auditEntries.fields.jobId', value: (entry) => entry.job?.id },
  { header: 'resources.auditEntries.fields.image', value: (entry) => entry.image?.filename },
  { header: 'resources.auditEntries.fields.imageId', value: (entry) => entry.image?.id },
  { header: 'resources.auditEntries.fields.field', value: (entry) => entry.field },
  { header: 'resources.auditEntries.fields.oldValue', value: (entry) => entry.oldValue },
  { header: 'resources.auditEntries.fields.newValue', value: (entry) => entry.newValue },
  { header: 'resources.auditEntries.fields.reason', value: (entry) => entry.reason },
  { header: 'resources.auditEntries.fields.requestId', value: (entry) => entry.requestId },
];
