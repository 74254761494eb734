import type { CustomerRecord } from '../dataProvider/customers';
import type { CsvColumn } from '../export/csv';

export const CUSTOMER_CSV: CsvColumn<CustomerRecord>[] = [
  { header: 'pixgate.export.id', value: (customer) => customer.id },
  { header: 'resources.customers.fields.name', value: (customer) => customer.name },
  { header: 'resources.customers.fields.contactEmail', value: (customer) => customer.contactEmail },
  { header: 'resources.customers.fields.plan.name', value: (customer) => customer.plan?.name },
  { header: 'resources.customers.fields.creditBalance', value: (customer) => customer.creditBalance },
  { header: 'resources.customers.fields.createdAt', value: (customer) => customer.createdAt },
];
