import { Stack } from '@mui/material';
import {
  BooleanField,
  DateField,
  EditButton,
  FunctionField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';
import { AuditTrail } from '../shared/AuditTrail';
import { RecordTitle } from '../shared/RecordTitle';
import { Section } from '../shared/Section';
import { ResetTotpButton } from './ResetTotpButton';
import { UserActiveButton } from './UserActiveButton';
import { mayEditUser } from './user-permissions';

/** Edit where the API allows it: staff customer users, admins anyone. */
function UserEditButton() {
  const user = useRecordContext<UserRecord>();
  const { permissions } = usePermissions<UserRole>();
  return user && mayEditUser(permissions, user) ? <EditButton /> : null;
}

/** Changes administrators made to this user (role, customer, activation, second factor), and what this user changed, newest first. */
function UserAudit() {
  const translate = useTranslate();
  return (
    <>
      <Section title={translate('pixgate.userAdmin.changes_to')}>
        <ReferenceManyField reference="auditEntries" target="userId" perPage={10} sort={{ field: 'createdAt', order: 'DESC' }} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <AuditTrail showUser={false} />
        </ReferenceManyField>
      </Section>
      <Section title={translate('pixgate.userAdmin.changes_by')}>
        <ReferenceManyField reference="auditEntries" target="actorId" perPage={10} sort={{ field: 'createdAt', order: 'DESC' }} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <AuditTrail showActor={false} />
        </ReferenceManyField>
      </Section>
    </>
  );
}

/** A user's details; edit, reset of the second factor, and deactivation where the API allows them. */
export function UserShow() {
  const translate = useTranslate();
  return (
    <Show
      title={<RecordTitle field="name" />}
      component="div"
      actions={
        <TopToolbar>
          <UserEditButton />
          <ResetTotpButton />
          <UserActiveButton />
        </TopToolbar>
      }
    >
      <Stack spacing={2} sx={{ mt: 2 }}>
        <Section title={translate('resources.users.name', { smart_count: 1 })}>
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="name" />
            <TextField source="email" />
            <FunctionField source="role" render={(user: UserRecord) => translate(`pixgate.enums.UserRole.${user.role}`)} />
            <ReferenceField source="customer.id" reference="customers" link="show" label="resources.users.fields.customer.name" emptyText="—">
              <TextField source="name" />
            </ReferenceField>
            <BooleanField source="active" />
            <DateField source="deactivatedAt" showTime emptyText="—" />
            <BooleanField source="totpEnabled" />
            <DateField source="lastLoginAt" showTime emptyText="—" />
            <DateField source="createdAt" showTime />
          </SimpleShowLayout>
        </Section>
        <UserAudit />
      </Stack>
    </Show>
  );
}
