import { BooleanField, DateField, FunctionField, ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { UserRecord } from '../dataProvider/users';

function UserTitle() {
  const user = useRecordContext<UserRecord>();
  return <>{user?.name ?? ''}</>;
}

/** Read-only for now: user administration (roles, deactivation, TOTP reset) comes with its audited actions. */
export function UserShow() {
  const translate = useTranslate();
  return (
    <Show title={<UserTitle />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField source="role" render={(user: UserRecord) => translate(`pixgate.enums.UserRole.${user.role}`)} />
        <ReferenceField source="customer.id" reference="customers" link="show" label="resources.users.fields.customer.name" emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <BooleanField source="active" />
        <BooleanField source="totpEnabled" />
        <DateField source="lastLoginAt" showTime emptyText="—" />
        <DateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
