import { BooleanField, Datagrid, DateField, FunctionField, List, NullableBooleanInput, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';
import type { UserRecord } from '../dataProvider/users';
import { userRoleChoices } from '../shared/enum-choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={userRoleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
];

export function UserList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField source="role" sortable={false} render={(user: UserRecord) => translate(`pixgate.enums.UserRole.${user.role}`)} />
        <TextField source="customer.name" sortable={false} emptyText="—" />
        <BooleanField source="active" sortable={false} />
        <DateField source="lastLoginAt" showTime sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}
