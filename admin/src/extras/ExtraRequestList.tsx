import { Box, Button, Chip, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { createContext, useContext, useState, type Dispatch, type SetStateAction } from 'react';
import {
  AutocompleteInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { ExtraRequestRecord } from '../dataProvider/extra-requests';
import type { ExtraDecision } from '../gql/graphql';
import { ExportAllButton } from '../export/ExportAllButton';
import { extraRequestStatusChoices } from '../shared/enum-choices';
import { LocalizedDatePicker } from '../shared/LocalizedDateInput';
import { ReasonDialog } from '../shared/ReasonDialog';
import { EXTRA_REQUEST_CSV } from './extra-request-csv';

/**
 * Requests decided on this screen, by id: their rows stay in view with the new status (no refetch
 * drops them from the pending list under the user's eyes) until the list is loaded again.
 */
type Decided = Record<string, ExtraRequestRecord>;
const DecidedContext = createContext<[Decided, Dispatch<SetStateAction<Decided>>]>([{}, () => undefined]);

/** The record as the API last answered: the decision's answer if there was one here, else the list's. */
function useCurrentRequest(): ExtraRequestRecord | undefined {
  const record = useRecordContext<ExtraRequestRecord>();
  const [decided] = useContext(DecidedContext);
  return record ? (decided[record.id] ?? record) : undefined;
}

const filters = [
  <SelectInput key="status" source="status" choices={extraRequestStatusChoices} alwaysOn />,
  <ReferenceInput key="customerId" source="customerId" reference="customers" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="jobId" source="jobId" reference="jobs" alwaysOn>
    <AutocompleteInput optionText="title" filterToQuery={(q) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

/** The thumbnail with the file's name under it (one column: the table must fit beside the menu). */
function Thumbnail() {
  const record = useRecordContext<ExtraRequestRecord>();
  if (!record) return null;
  return (
    <Stack spacing={0.5} sx={{ width: 96 }}>
      {record.image.thumbnailUrl ? (
        <Box component="img" src={record.image.thumbnailUrl} alt="" sx={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 1, bgcolor: 'grey.100', display: 'block' }} />
      ) : null}
      <Typography variant="caption" sx={{ overflowWrap: 'anywhere' }}>
        {record.image.filename}
      </Typography>
    </Stack>
  );
}

function StatusChip() {
  const record = useCurrentRequest();
  const translate = useTranslate();
  if (!record) return null;
  const color = record.status === 'PENDING' ? 'warning' : record.status === 'DECLINED' ? 'default' : 'success';
  return <Chip size="small" color={color} label={translate(`pixgate.enums.ExtraRequestStatus.${record.status}`)} />;
}

/** Approve paid, approve free or decline, each with the shared reason dialog (the note goes to the customer). */
function DecisionButtons() {
  const record = useCurrentRequest();
  const [, setDecided] = useContext(DecidedContext);
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const [decision, setDecision] = useState<ExtraDecision | null>(null);
  const [mayAskAgainFrom, setMayAskAgainFrom] = useState('');
  const [final, setFinal] = useState(false);
  if (!record || record.status !== 'PENDING') return null;
  const filename = record.image.filename;
  const open = (which: ExtraDecision) => {
    setMayAskAgainFrom('');
    setFinal(false);
    setDecision(which);
  };
  const decisions: ExtraDecision[] = ['PAID', 'FREE', 'DECLINED'];
  return (
    <Stack spacing={1} sx={{ minWidth: 170, alignSelf: 'stretch' }} onClick={(event) => event.stopPropagation()}>
      {decisions.map((which) => (
        <Button key={which} size="small" variant={which === 'DECLINED' ? 'outlined' : 'contained'} color={which === 'DECLINED' ? 'inherit' : 'primary'} sx={{ whiteSpace: 'nowrap' }} onClick={() => open(which)}>
          {translate(`pixgate.enums.ExtraDecision.${which}`)}
        </Button>
      ))}
      <ReasonDialog
        open={decision !== null}
        title={decision ? translate('pixgate.extras.decide_title', { decision: translate(`pixgate.enums.ExtraDecision.${decision}`), filename }) : ''}
        reasonLabel={translate('pixgate.extras.note_label')}
        reasonHelp={translate('pixgate.extras.note_help')}
        confirmLabel={decision ? translate(`pixgate.enums.ExtraDecision.${decision}`) : ''}
        onClose={() => setDecision(null)}
        onConfirm={async (note) => {
          if (!decision) return;
          const { data } = await dataProvider.decideExtraRequest('extraRequests', {
            id: record.id,
            decision,
            note,
            final: decision === 'DECLINED' ? final : false,
            mayAskAgainFrom: decision === 'DECLINED' && !final && mayAskAgainFrom ? new Date(`${mayAskAgainFrom}T00:00:00`).toISOString() : undefined,
          });
          setDecided((decided) => ({ ...decided, [data.id]: data }));
          notify('pixgate.extras.decided', { type: 'success', messageArgs: { status: translate(`pixgate.enums.ExtraRequestStatus.${data.status}`) } });
        }}
      >
        {decision === 'DECLINED' ? (
          <>
            <FormControlLabel control={<Switch checked={final} onChange={(event) => setFinal(event.target.checked)} />} label={translate('pixgate.extras.final')} />
            <LocalizedDatePicker
              label={translate('pixgate.extras.may_ask_again_from')}
              value={mayAskAgainFrom}
              disabled={final}
              onChange={setMayAskAgainFrom}
              variant="filled"
              width={260}
              textField={{ helperText: translate('pixgate.extras.may_ask_again_help') }}
            />
          </>
        ) : null}
      </ReasonDialog>
    </Stack>
  );
}

const Actions = () => (
  <TopToolbar>
    <ExportAllButton columns={EXTRA_REQUEST_CSV} filename="extra-requests" />
  </TopToolbar>
);

/** The inbox of requests for extras across jobs: oldest first, pending by default. The customer's note is text, never markup. */
export function ExtraRequestList() {
  const decided = useState<Decided>({});
  return (
    <DecidedContext.Provider value={decided}>
      <List filters={filters} filterDefaultValues={{ status: 'PENDING' }} sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} actions={<Actions />}>
        {/* Long job titles wrap anywhere, so the table fits beside the menu at 1,280 px. */}
        <Datagrid bulkActionButtons={false} rowClick={false} sx={{ '& .column-job': { overflowWrap: 'anywhere', minWidth: 140 } }}>
          <FunctionField source="image" sortable={false} render={() => <Thumbnail />} />
          <FunctionField source="job" sortable={false} render={(record: ExtraRequestRecord) => record.job.title} />
          <FunctionField source="customer" sortable={false} render={(record: ExtraRequestRecord) => record.job.customer?.name ?? ''} />
          <FunctionField
            source="note"
            sortable={false}
            render={(record: ExtraRequestRecord) => (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 200, maxWidth: 320 }}>
                {record.note ?? ''}
              </Typography>
            )}
          />
          <DateField source="createdAt" showTime />
          {/* The status and, while pending, the decision under it: one column, so the table fits beside the menu. */}
          <FunctionField
            source="status"
            sortable={false}
            render={() => (
              <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                <StatusChip />
                <DecisionButtons />
              </Stack>
            )}
          />
        </Datagrid>
      </List>
    </DecidedContext.Provider>
  );
}
