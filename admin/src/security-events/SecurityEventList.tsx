import { Box, Chip } from '@mui/material';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { SecurityEventRecord } from '../dataProvider/security-events';
import { ExportAllButton } from '../export/ExportAllButton';
import { securityEventTypeLabels } from '../i18n/labels';
import { LocalizedDateInput } from '../shared/LocalizedDateInput';
import { SECURITY_EVENT_CSV, detailText } from './security-event-csv';

const typeChoices = Object.keys(securityEventTypeLabels.en).map((id) => ({ id, name: `pixgate.enums.SecurityEventType.${id}` }));

const filters = [
  <SelectInput key="type" source="type" choices={typeChoices} alwaysOn />,
  <ReferenceInput key="userId" source="userId" reference="users" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <LocalizedDateInput key="from" source="from" alwaysOn />,
  <LocalizedDateInput key="to" source="to" alwaysOn />,
];

/** Refusals are amber, failures red: what needs a look first. */
const COLOUR: Record<SecurityEventRecord['type'], 'warning' | 'error' | 'default'> = {
  LOGIN_FAILED: 'warning',
  RATE_LIMITED: 'warning',
  ACCESS_DENIED: 'error',
  DOWNLOAD_DENIED: 'error',
  UPLOAD_FAILED: 'default',
  CORS_REFUSED: 'default',
};

/** The event's details (reason, job, image, limit…) as `key: value` lines, as text (never markup). */
function Details({ event }: { event: SecurityEventRecord }) {
  const lines = Object.entries(event.details ?? {});
  if (lines.length === 0) return <>—</>;
  return (
    <Box component="dl" sx={{ m: 0, fontFamily: 'monospace', fontSize: '0.8rem', overflowWrap: 'anywhere', '& dt': { display: 'inline', fontWeight: 600 }, '& dd': { display: 'inline', m: 0 } }}>
      {lines.map(([key, value]) => (
        <div key={key}>
          <dt>{key}:</dt> <dd>{detailText(value)}</dd>
        </div>
      ))}
    </Box>
  );
}

const Actions = () => (
  <TopToolbar>
    <ExportAllButton columns={SECURITY_EVENT_CSV} filename="security-events" />
  </TopToolbar>
);

/** Failed sign-ins, rate-limit refusals, denied downloads, failed uploads and CORS refusals, newest first (admins only). */
export function SecurityEventList() {
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} actions={<Actions />}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" showTime sortable={false} />
        <FunctionField
          source="type"
          sortable={false}
          render={(event: SecurityEventRecord) => <Chip size="small" variant="outlined" color={COLOUR[event.type]} label={translate(`pixgate.enums.SecurityEventType.${event.type}`)} />}
        />
        <ReferenceField source="userId" reference="users" link="show" sortable={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <TextField source="ip" sortable={false} emptyText="—" />
        <FunctionField source="details" sortable={false} render={(event: SecurityEventRecord) => <Details event={event} />} />
        <TextField source="requestId" sortable={false} emptyText="—" sx={{ fontFamily: 'monospace', fontSize: '0.75rem' }} />
      </Datagrid>
    </List>
  );
}
