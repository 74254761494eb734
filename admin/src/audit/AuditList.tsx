import { AutocompleteInput, DateInput, List, ReferenceInput, SelectInput } from 'react-admin';
import { AUDITED_FIELDS } from '../i18n/labels';
import { AuditTrail } from '../shared/AuditTrail';

const fieldChoices = AUDITED_FIELDS.map((field) => ({ id: field, name: `pixgate.auditField.${field}` }));

const filters = [
  <SelectInput key="field" source="field" choices={fieldChoices} alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="customers" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="jobId" source="jobId" reference="jobs">
    <AutocompleteInput optionText="title" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

/** The whole audit trail, newest first (the order the API gives; it sorts no other way yet). */
export function AuditList() {
  return (
    <List filters={filters} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      <AuditTrail />
    </List>
  );
}
