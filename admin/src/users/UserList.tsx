import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { UserRecord } from '../dataProvider/users';
import { ExportAllButton } from '../export/ExportAllButton';
import type { UserRole } from '../gql/graphql';
import { userRoleChoices } from '../shared/enum-choices';
import { USER_CSV } from './user-csv';
import { assignableRoles } from './user-permissions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={userRoleChoices} alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="customers">
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="active" source="active" />,
];

function Actions() {
  const { permissions } = usePermissions<UserRole>();
  return (
    <TopToolbar>
      <FilterButton />
      {assignableRoles(permissions).length > 0 ? <CreateButton /> : null}
      <ExportAllButton columns={USER_CSV} filename="users" />
    </TopToolbar>
  );
}

export function UserList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<Actions />}>
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
