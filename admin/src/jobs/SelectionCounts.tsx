import { Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { JobDetailRecord } from '../dataProvider/jobs';
import type { SelectionState } from '../gql/graphql';
import { SelectionStateChip } from '../shared/SelectionStateChip';

/** Where each state's count comes from in the job's detail query (counted by the API). */
const COUNT_OF: Record<SelectionState, (job: JobDetailRecord) => number> = {
  NONE: (job) => job.none.totalCount,
  INCLUDED: (job) => job.included.totalCount,
  EXTRA_PENDING: (job) => job.extraPending.totalCount,
  EXTRA_PAID: (job) => job.extraPaid.totalCount,
  EXTRA_FREE: (job) => job.extraFree.totalCount,
  BLOCKED: (job) => job.blocked.totalCount,
};

export function SelectionCounts() {
  const job = useRecordContext<JobDetailRecord>();
  const translate = useTranslate();
  if (!job?.allImages) return null;
  return (
    <Stack component="dl" direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', m: 0 }} aria-label={translate('pixgate.job.counts')}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography component="dt" variant="body2">
          {translate('pixgate.job.all_images')}
        </Typography>
        <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600 }}>
          {job.allImages.totalCount}
        </Typography>
      </Stack>
      {(Object.keys(COUNT_OF) as SelectionState[]).map((state) => (
        <Stack key={state} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <dt>
            <SelectionStateChip state={state} />
          </dt>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600 }} data-testid={`count-${state}`}>
            {COUNT_OF[state](job)}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
