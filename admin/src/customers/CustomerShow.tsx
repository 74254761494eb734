import { Stack } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  DateField,
  EditButton,
  FunctionField,
  Labeled,
  CreateButton,
  Pagination,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CustomerDetailRecord } from '../dataProvider/customers';
import type { UserRecord } from '../dataProvider/users';
import { JobStatusField } from '../jobs/JobStatusField';
import { PackageBar } from '../jobs/PackageBar';
import { AuditTrail } from '../shared/AuditTrail';
import { RecordTitle } from '../shared/RecordTitle';
import { Section } from '../shared/Section';
import { PlanUsage } from './PlanUsage';

/** A new customer user of this customer: the form opens with the customer and the role filled in. */
function AddUserButton() {
  const customer = useRecordContext<CustomerDetailRecord>();
  if (!customer) return null;
  return <CreateButton resource="users" label="pixgate.customerAdmin.add_user" state={{ record: { role: 'CUSTOMER', customerId: customer.id } }} sx={{ mb: 1 }} />;
}

/** A new job for this customer. */
function AddJobButton() {
  const customer = useRecordContext<CustomerDetailRecord>();
  if (!customer) return null;
  return <CreateButton resource="jobs" label="pixgate.customerAdmin.add_job" state={{ record: { customerId: customer.id } }} sx={{ mb: 1 }} />;
}

function CustomerDetails() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Section title={translate('resources.customers.name', { smart_count: 1 })}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled source="contactEmail">
            <TextField source="contactEmail" emptyText="—" />
          </Labeled>
          <Labeled source="createdAt">
            <DateField source="createdAt" />
          </Labeled>
        </Stack>
        <Labeled source="notes" sx={{ mt: 2 }}>
          <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      </Section>

      <Section title={translate('pixgate.plan.section')}>
        <PlanUsage />
      </Section>

      <Section title={translate('pixgate.customer.users')}>
        <AddUserButton />
        <ArrayField source="users">
          <Datagrid bulkActionButtons={false} rowClick={(_id, _resource, user) => `/users/${(user as UserRecord).id}/show`}>
            <TextField source="name" label="resources.users.fields.name" />
            <TextField source="email" label="resources.users.fields.email" />
            <FunctionField label="resources.users.fields.role" render={(user: UserRecord) => translate(`pixgate.enums.UserRole.${user.role}`)} />
            <BooleanField source="active" label="resources.users.fields.active" />
            <DateField source="lastLoginAt" label="resources.users.fields.lastLoginAt" showTime emptyText="—" />
          </Datagrid>
        </ArrayField>
      </Section>

      <Section title={translate('pixgate.customer.jobs')}>
        <AddJobButton />
        <ReferenceManyField reference="jobs" target="customerId" perPage={10} sort={{ field: 'createdAt', order: 'DESC' }} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <TextField source="title" label="resources.jobs.fields.title" />
            <JobStatusField label="resources.jobs.fields.status" />
            <PackageBar compact label="resources.jobs.fields.package" />
            <DateField source="createdAt" label="resources.jobs.fields.createdAt" />
          </Datagrid>
        </ReferenceManyField>
      </Section>

      <Section title={translate('pixgate.customer.audit')}>
        <ReferenceManyField reference="auditEntries" target="customerId" perPage={10} sort={{ field: 'createdAt', order: 'DESC' }} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <AuditTrail showCustomer={false} />
        </ReferenceManyField>
      </Section>
    </Stack>
  );
}

export function CustomerShow() {
  return (
    <Show
      title={<RecordTitle field="name" />}
      component="div"
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <CustomerDetails />
    </Show>
  );
}
