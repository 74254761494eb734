import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Button, Stack, Typography } from '@mui/material';
import { useCallback, useMemo } from 'react';
import { Link, Loading, Title, useCreatePath, useGetOne, useNotify, useParams, useTranslate } from 'react-admin';
import type { JobRecord } from '../dataProvider/jobs';
import type { PickedFiles } from './dropped-files';
import { DropZone } from './DropZone';
import { LeaveGuard } from './LeaveGuard';
import { queueProgress } from './progress';
import { UploadList } from './UploadList';
import { UploadSummary } from './UploadSummary';
import { UPLOAD_CONCURRENCY, useUploadQueue } from './useUploadQueue';

/**
 * Whole-shoot upload into one job (/jobs/:id/upload): drop or pick hundreds of files, watch each and
 * the whole, retry what failed, and see each image through PROCESSING to READY. The queue lives as
 * long as this page; leaving it while files are unsent asks first.
 */
export function UploadPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const { data: job, isPending } = useGetOne<JobRecord>('jobs', { id }, { enabled: id !== '' });
  const { queue, snapshot } = useUploadQueue(id);
  const progress = useMemo(() => queueProgress(snapshot.entries), [snapshot.entries]);

  const addFiles = useCallback(
    ({ files, skipped }: PickedFiles) => {
      if (!queue) return;
      // The list shows what was added; only what was left out is worth a message.
      const { added, duplicates } = queue.add(files);
      if (duplicates > 0) notify('pixgate.upload.duplicates', { type: 'warning', messageArgs: { smart_count: duplicates } });
      if (added === 0 && duplicates === 0) notify('pixgate.upload.nothing_to_add', { type: 'warning' });
      if (skipped > 0) notify('pixgate.upload.skipped', { type: 'warning', messageArgs: { smart_count: skipped } });
    },
    [queue, notify],
  );
  const retry = useCallback((key: string) => queue?.retry(key), [queue]);
  const remove = useCallback((key: string) => queue?.remove([key]), [queue]);
  const removeWhere = (phase: 'failed' | 'ready') => queue?.remove(snapshot.entries.filter((entry) => entry.phase === phase).map((entry) => entry.key));

  if (isPending) return <Loading />;
  const title = translate('pixgate.upload.title', { title: job?.title ?? '' });

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title={title} />
      <LeaveGuard unsent={progress.inFlight} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
        <Button component={Link} to={createPath({ resource: 'jobs', id, type: 'show' })} startIcon={<ArrowBackIcon />}>
          {translate('pixgate.upload.back')}
        </Button>
      </Stack>
      <DropZone concurrency={UPLOAD_CONCURRENCY} onFiles={addFiles} />
      {progress.files > 0 && (
        <UploadSummary
          progress={progress}
          pausedUntil={snapshot.pausedUntil}
          onRetryAllFailed={() => queue?.retryAllFailed()}
          onRemoveFailed={() => removeWhere('failed')}
          onClearReady={() => removeWhere('ready')}
        />
      )}
      <UploadList entries={snapshot.entries} onRetry={retry} onRemove={remove} />
    </Stack>
  );
}
