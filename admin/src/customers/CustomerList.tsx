import { CreateButton, Datagrid, DateField, List, NumberField, SearchInput, TextField, TopToolbar } from 'react-admin';
import { ExportAllButton } from '../export/ExportAllButton';
import { CUSTOMER_CSV } from './customer-csv';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export function CustomerList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <CreateButton />
          <ExportAllButton columns={CUSTOMER_CSV} filename="customers" />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="contactEmail" sortable={false} emptyText="—" />
        <TextField source="plan.name" sortable={false} emptyText="—" />
        <NumberField source="creditBalance" sortable={false} />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
