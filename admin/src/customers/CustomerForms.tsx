import { Create, Edit, SimpleForm, TextInput, email, required } from 'react-admin';

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
      <SimpleForm>
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
