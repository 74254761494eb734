import {
  AutocompleteInput,
  BooleanInput,
  Create,
  Edit,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minValue,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { JobRecord } from '../dataProvider/jobs';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';
import { jobStatusChoices } from '../shared/enum-choices';

/** A status change is audited: the form asks why, only then, and requires it (the API takes it as optional). */
function StatusChangeReason() {
  const job = useRecordContext<JobRecord>();
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ status?: string }>>
      {({ formData }) =>
        job && formData.status !== job.status ? (
          <TextInput source="reason" label="pixgate.reason.label" helperText={translate('pixgate.reason.help')} validate={required('pixgate.reason.required')} multiline fullWidth />
        ) : null
      }
    </FormDataConsumer>
  );
}

/**
 * The job form has no package fields: package size and release-all change only through the
 * audited actions on the job's page (the API's updateJob does not take them either).
 */
export function JobEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      {/* Jobs are never deleted from the back office (the API has no such mutation). */}
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <TextInput source="title" validate={required()} fullWidth />
        <SelectInput source="status" choices={jobStatusChoices} validate={required()} />
        <StatusChangeReason />
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
