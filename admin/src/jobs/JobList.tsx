import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { ExportAllButton } from '../export/ExportAllButton';
import { jobStatusChoices } from '../shared/enum-choices';
import { LocalizedDateInput } from '../shared/LocalizedDateInput';
import { JOB_CSV } from './job-csv';
import { JobStatusField } from './JobStatusField';
import { PackageBar } from './PackageBar';

/** Searching, filtering and counting are the API's (title or customer name, status, customer, pending extras, dates). */
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={jobStatusChoices} alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="customers" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="hasPendingExtras" source="hasPendingExtras" />,
  <LocalizedDateInput key="createdFrom" source="createdFrom" />,
  <LocalizedDateInput key="createdTo" source="createdTo" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportAllButton columns={JOB_CSV} filename="jobs" />
  </TopToolbar>
);

export function JobList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} actions={<Actions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        <TextField source="customer.name" sortable={false} />
        <JobStatusField source="status" sortable={false} />
        <PackageBar compact source="package" sortable={false} />
        <NumberField source="pendingExtraCount" sortable={false} />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
