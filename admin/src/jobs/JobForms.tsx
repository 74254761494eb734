import { AutocompleteInput, BooleanInput, Create, Edit, NumberInput, ReferenceInput, SelectInput, SimpleForm, TextInput, minValue, required } from 'react-admin';
import { jobStatusChoices } from '../shared/enum-choices';

/**
 * The job form has no package fields: package size and release-all change only through the
 * audited actions on the job's page (the API's updateJob does not take them either).
 */
export function JobEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <TextInput source="title" validate={required()} fullWidth />
        <SelectInput source="status" choices={jobStatusChoices} validate={required()} />
        <BooleanInput source="allowCustomerUploads" />
      </SimpleForm>
    </Edit>
  );
}

/** A new job; its initial package size is the one place the size is set without the audited action. */
export function JobCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ status: 'IN_PROGRESS', allowCustomerUploads: false }}>
        <ReferenceInput source="customerId" reference="customers">
          <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} />
        </ReferenceInput>
        <TextInput source="title" validate={required()} fullWidth />
        <SelectInput source="status" choices={jobStatusChoices} validate={required()} />
        <NumberInput source="includedImages" validate={minValue(0)} />
        <BooleanInput source="allowCustomerUploads" />
      </SimpleForm>
    </Create>
  );
}
