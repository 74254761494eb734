import type { SecurityEventRecord } from '../dataProvider/security-events';
import type { CsvColumn } from '../export/csv';

/** One detail value as text: strings as they are, anything else as JSON. */
export const detailText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export const SECURITY_EVENT_CSV: CsvColumn<SecurityEventRecord>[] = [
  { header: 'resources.securityEvents.fields.createdAt', value: (event) => event.createdAt },
  { header: 'resources.securityEvents.fields.type', value: (event) => event.type },
  { header: 'resources.securityEvents.fields.userId', value: (event) => event.userId },
  { header: 'resources.securityEvents.fields.ip', value: (event) => event.ip },
  { header: 'resources.securityEvents.fields.details', value: (event) => JSON.stringify(event.details ?? {}) },
  { header: 'resources.securityEvents.fields.requestId', value: (event) => event.requestId },
];
