import {
  AutocompleteInput,
  Create,
  Edit,
  FormDataConsumer,
  PasswordInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
  useGetIdentity,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';
import { RecordTitle } from '../shared/RecordTitle';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';
import { assignableRoles, mayChangeRole } from './user-permissions';

/** The API's minimum (api/src/modules/users: MIN_PASSWORD_LENGTH). */
const MIN_PASSWORD_LENGTH = 10;

const roleChoices = (roles: readonly UserRole[]) => roles.map((id) => ({ id, name: `pixgate.enums.UserRole.${id}` }));

/** A customer user belongs to exactly one customer; staff and admins to none (the field goes away). */
const CustomerInput = () => (
  <FormDataConsumer<{ role?: UserRole }>>
    {({ formData }) =>
      formData.role === 'CUSTOMER' ? (
        <ReferenceInput source="customerId" reference="customers">
          <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
      ) : null
    }
  </FormDataConsumer>
);

/** A change of role or customer is audited: the form asks why, only then, and requires it (the API takes it as optional). */
function RoleChangeReason() {
  const user = useRecordContext<UserRecord>();
  return (
    <FormDataConsumer<{ role?: UserRole; customerId?: string | null }>>
      {({ formData }) =>
        user && (formData.role !== user.role || (formData.role === 'CUSTOMER' && (formData.customerId ?? null) !== (user.customer?.id ?? null))) ? (
          <TextInput source="reason" label="pixgate.reason.label" helperText="pixgate.reason.help" validate={required('pixgate.reason.required')} multiline fullWidth />
        ) : null
      }
    </FormDataConsumer>
  );
}

function UserFields({ roles, roleEditable, passwordHelp }: { roles: readonly UserRole[]; roleEditable: boolean; passwordHelp: string }) {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="email" type="email" validate={[required(), email()]} fullWidth />
      <SelectInput source="role" choices={roleChoices(roles)} validate={required()} readOnly={!roleEditable} fullWidth />
      <CustomerInput />
      <PasswordInput source="password" validate={minLength(MIN_PASSWORD_LENGTH)} helperText={passwordHelp} autoComplete="new-password" fullWidth />
    </>
  );
}

/** Staff create customer users; admins also staff and admins. Without a password a customer signs in with an emailed code. */
export function UserCreate() {
  const { permissions } = usePermissions<UserRole>();
  const roles = assignableRoles(permissions);
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ role: 'CUSTOMER' }}>
        <UserFields roles={roles} roleEditable={roles.length > 1} passwordHelp="pixgate.userAdmin.password_help_create" />
      </SimpleForm>
    </Create>
  );
}

function UserEditForm() {
  const user = useRecordContext<UserRecord>();
  const { permissions } = usePermissions<UserRole>();
  const { identity } = useGetIdentity();
  if (!user) return null;
  const roleEditable = mayChangeRole(permissions, identity?.id === undefined ? undefined : String(identity.id), user);
  // The role a user has is shown even where it cannot be given (staff looking at a customer user).
  const roles = roleEditable ? assignableRoles(permissions) : [user.role];
  return (
    <SimpleForm record={{ ...user, customerId: user.customer?.id ?? null, password: '' }} toolbar={<SaveOnlyToolbar />}>
      <UserFields roles={roles} roleEditable={roleEditable} passwordHelp="pixgate.userAdmin.password_help_edit" />
      <RoleChangeReason />
    </SimpleForm>
  );
}

/** Staff change customer users; admins anyone (but not their own role). */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title={<RecordTitle field="name" />}>
      <UserEditForm />
    </Edit>
  );
}
