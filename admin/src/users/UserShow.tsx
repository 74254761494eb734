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
  Labeled,
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
          <AuditTrail showUser={false} showSubject={false} />
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
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <Labeled source="name">
              <TextField source="name" />
            </Labeled>
            <Labeled source="email">
              <TextField source="email" />
            </Labeled>
            <Labeled source="role">
              <FunctionField source="role" render={(user: UserRecord) => translate(`pixgate.enums.UserRole.${user.role}`)} />
            </Labeled>
            <Labeled source="customer.name">
              <ReferenceField source="customer.id" reference="customers" link="show" emptyText="—">
                <TextField source="name" />
              </ReferenceField>
            </Labeled>
            <Labeled source="active">
              <BooleanField source="active" />
            </Labeled>
            <Labeled source="deactivatedAt">
              <DateField source="deactivatedAt" showTime emptyText="—" />
            </Labeled>
            <Labeled source="totpEnabled">
              <BooleanField source="totpEnabled" />
            </Labeled>
            <Labeled source="lastLoginAt">
              <DateField source="lastLoginAt" showTime emptyText="—" />
            </Labeled>
            <Labeled source="createdAt">
              <DateField source="createdAt" showTime />
            </Labeled>
          </Stack>
        </Section>
        <UserAudit />
      </Stack>
    </Show>
  );
}
