import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { JobDetailRecord } from '../dataProvider/jobs';
import type { SelectionState } from '../gql/graphql';
import { SelectionStateChip } from '../shared/SelectionStateChip';

/** Where each state's count is in the API's SelectionCounts (a state added to the schema fails the type check here). */
const COUNT_OF: Record<SelectionState, keyof JobDetailRecord['selectionCounts']> = {
  NONE: 'none',
  INCLUDED: 'included',
  EXTRA_PENDING: 'extraPending',
  EXTRA_PAID: 'extraPaid',
  EXTRA_FREE: 'extraFree',
  BLOCKED: 'blocked',
};

export function SelectionCounts() {
  const job = useRecordContext<JobDetailRecord>();
  const translate = useTranslate();
  if (!job?.selectionCounts) return null;
  return (
    <Stack component="dl" direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', m: 0 }} aria-label={translate('pixgate.job.counts')}>
      {(Object.keys(COUNT_OF) as SelectionState[]).map((state) => (
        <Stack key={state} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <dt>
            <SelectionStateChip state={state} />
          </dt>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600 }} data-testid={`count-${state}`}>
            {job.selectionCounts[COUNT_OF[state]]}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
