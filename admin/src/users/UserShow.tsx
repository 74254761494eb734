import { BooleanField, DateField, FunctionField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import type { UserRecord } from '../dataProvider/users';
import { UserActiveButton } from './UserActiveButton';

function UserTitle() {
  const user = useRecordContext<UserRecord>();
  return <>{user?.name ?? ''}</>;
}

/** Deactivate / reactivate where the API allows it; roles and TOTP reset are not built yet. */
export function UserShow() {
  const translate = useTranslate();
  return (
    <Show
      title={<UserTitle />}
      actions={
        <TopToolbar>
          <UserActiveButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
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
    </Show>
  );
}
