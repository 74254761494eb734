import { Create, Edit, SimpleForm, TextInput, email, required } from 'react-admin';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';

const CustomerFields = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="contactEmail" type="email" validate={email()} fullWidth />
    <TextInput source="notes" multiline minRows={3} fullWidth />
  </>
);

export function CustomerEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <CustomerFields />
      </SimpleForm>
    </Edit>
  );
}

export function CustomerCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <CustomerFields />
      </SimpleForm>
    </Create>
  );
}
