import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { JobRecord } from '../dataProvider/jobs';
import type { JobStatus } from '../gql/graphql';

const COLOUR: Record<JobStatus, 'default' | 'info' | 'success'> = { IN_PROGRESS: 'info', DELIVERED: 'success', ARCHIVED: 'default' };

export function JobStatusField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const job = useRecordContext<JobRecord>();
  const translate = useTranslate();
  if (!job) return null;
  return <Chip size="small" variant="outlined" color={COLOUR[job.status]} label={translate(`pixgate.enums.JobStatus.${job.status}`)} />;
}
