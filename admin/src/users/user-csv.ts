import type { UserRecord } from '../dataProvider/users';
import type { CsvColumn } from '../export/csv';

/** The user list as CSV: headers in the screen's language, values as the API has them (enum names, ISO times). */
export const USER_CSV: CsvColumn<UserRecord>[] = [
  { header: 'pixgate.export.id', value: (user) => user.id },
  { header: 'resources.users.fields.name', value: (user) => user.name },
  { header: 'resources.users.fields.email', value: (user) => user.email },
  { header: 'resources.users.fields.role', value: (user) => user.role },
  { header: 'resources.users.fields.customer.name', value: (user) => user.customer?.name },
  { header: 'resources.users.fields.active', value: (user) => user.active },
  { header: 'resources.users.fields.totpEnabled', value: (user) => user.totpEnabled },
  { header: 'resources.users.fields.lastLoginAt', value: (user) => user.lastLoginAt },
  { header: 'resources.users.fields.deactivatedAt', value: (user) => user.deactivatedAt },
  { header: 'resources.users.fields.createdAt', value: (user) => user.createdAt },
];
