import { AutocompleteInput, FilterButton, List, ReferenceInput, SelectInput, TopToolbar } from 'react-admin';
import { ExportAllButton } from '../export/ExportAllButton';
import { AUDITED_FIELDS } from '../i18n/labels';
import { AuditTrail } from '../shared/AuditTrail';
import { LocalizedDateInput } from '../shared/LocalizedDateInput';
import { AUDIT_CSV } from './audit-csv';
import { ImageFilterInput } from './ImageFilterInput';

const fieldChoices = AUDITED_FIELDS.map((field) => ({ id: field, name: `pixgate.auditField.${field}` }));

/** Every filter is the API's (AuditFilter): who, what, from when to when, and which customer, job, image or user it changed. */
const filters = [
  <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <SelectInput key="field" source="field" choices={fieldChoices} alwaysOn />,
  <LocalizedDateInput key="from" source="from" alwaysOn />,
  <LocalizedDateInput key="to" source="to" alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="customers">
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="jobId" source="jobId" reference="jobs">
    <AutocompleteInput optionText="title" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ImageFilterInput key="imageId" source="imageId" />,
  <ReferenceInput key="userId" source="userId" reference="users">
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportAllButton columns={AUDIT_CSV} filename="audit-log" />
  </TopToolbar>
);

/** The whole audit trail, newest first by default (the API sorts by time, either way). */
export function AuditList() {
  return (
    <List filters={filters} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />}>
      <AuditTrail showCustomer />
    </List>
  );
}
