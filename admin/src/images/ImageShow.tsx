import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import ReplayIcon from '@mui/icons-material/Replay';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Box, Breadcrumbs, Button, Chip, Stack, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link, Pagination, ReferenceManyField, Show, TopToolbar, useCreatePath, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { ImageDetailRecord } from '../dataProvider/images';
import { AuditTrail } from '../shared/AuditTrail';
import { RecordTitle } from '../shared/RecordTitle';
import { Section } from '../shared/Section';
import { SelectionStateChip } from '../shared/SelectionStateChip';
import { canRetryRender } from './bulk';
import { Enhancements, BeforeAfter } from './Enhancements';
import { formatBytes } from '@pixgate/labels';
import { ChangeStateDialog, UnlockDialog } from './ImageDialogs';
import { Deliveries, ExtraRequests, useDateTime } from './ImageHistory';
import { isFailureReason } from './messages';
import { RemoveImageButton } from './RemoveImage';

/** While previews are made or an enhancement runs, the page asks again every 2 s. */
const isBusy = (image: ImageDetailRecord | undefined) =>
  !!image && (image.status === 'PENDING' || image.status === 'PROCESSING' || image.enhancements?.some((task) => task.status === 'QUEUED' || task.status === 'PROCESSING'));

/** Terms and their values, as a description list. */
function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1, m: 0 }}>
      {items.map(([term, value]) => (
        <Box key={term} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {term}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

function Preview({ image }: { image: ImageDetailRecord }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const original = image.derivedFrom;
  if (original?.previewUrl && image.previewUrl) {
    return (
      <Stack spacing={1}>
        <Link to={createPath({ resource: 'images', id: original.id, type: 'show' })}>{translate('pixgate.images.page.enhanced_from', { filename: original.filename })}</Link>
        <BeforeAfter
          before={{ url: original.previewUrl, alt: `${translate('pixgate.images.enhancement.before')}: ${original.filename}` }}
          after={{ url: image.previewUrl, alt: `${translate('pixgate.images.enhancement.after')}: ${image.filename}` }}
          label={image.filename}
        />
      </Stack>
    );
  }
  if (!image.previewUrl) {
    return (
      <Box sx={{ aspectRatio: '3 / 2', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', borderRadius: 1 }}>
        <Typography color="text.secondary">{translate(image.status === 'PENDING' || image.status === 'PROCESSING' ? 'pixgate.images.lightbox.no_preview' : 'pixgate.image.no_preview')}</Typography>
      </Box>
    );
  }
  return <Box component="img" src={image.previewUrl} alt={image.filename} sx={{ width: '100%', maxHeight: 560, objectFit: 'contain', bgcolor: 'grey.900', borderRadius: 1, display: 'block' }} data-testid="image-preview" />;
}

/** Upload status; a failure with its reason, and a retry where the API allows one. */
function UploadStatus({ image }: { image: ImageDetailRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const reason = image.failureReason;
  const retry = async () => {
    setBusy(true);
    try {
      await dataProvider.retryRender('images', { id: image.id });
      notify('pixgate.images.page.retry_started', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      <Chip
        color={image.status === 'READY' ? 'success' : image.status === 'FAILED' ? 'error' : 'default'}
        label={translate(`pixgate.enums.ImageStatus.${image.status}`)}
        data-testid="image-status"
      />
      {image.status === 'FAILED' ? (
        <Alert severity="error" sx={{ width: '100%' }}>
          {translate('pixgate.images.page.failed', { reason: isFailureReason(reason) ? translate(`pixgate.images.failure.${reason}`) : (reason ?? '—') })}
        </Alert>
      ) : null}
      {image.status === 'REMOVED' ? (
        <Alert severity="warning" sx={{ width: '100%' }}>
          {translate('pixgate.images.remove.is_removed')}
        </Alert>
      ) : null}
      {image.status === 'PENDING' || image.status === 'PROCESSING' ? <Typography variant="body2">{translate('pixgate.images.page.processing')}</Typography> : null}
      {canRetryRender(image) ? (
        <>
          <Typography variant="body2">{translate('pixgate.images.page.retry_help')}</Typography>
          <Button variant="contained" startIcon={<ReplayIcon />} onClick={retry} disabled={busy}>
            {translate('pixgate.images.page.retry_render')}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}

/** Selection state and lock, with the audited actions on them. */
function SelectionAndLock({ image }: { image: ImageDetailRecord }) {
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'state' | 'unlock' | null>(null);
  return (
    <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <SelectionStateChip state={image.selectionState} size="medium" />
        <Typography variant="body2">
          {translate('resources.images.fields.downloadable')}: {translate(image.downloadable ? 'ra.boolean.true' : 'ra.boolean.false')}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="lock-state">
        {image.locked ? <LockIcon fontSize="small" color="warning" /> : <LockOpenIcon fontSize="small" color="action" />}
        <Typography variant="body2">
          {image.derivedFrom ? translate('pixgate.images.page.derived_lock') : translate(image.locked ? 'pixgate.images.page.locked' : 'pixgate.images.page.not_locked')}
        </Typography>
      </Stack>
      {/* A removed image holds no state any more: nothing to change or unlock. */}
      {image.status === 'REMOVED' ? null : (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="outlined" startIcon={<SwapHorizIcon />} onClick={() => setDialog('state')}>
            {translate('pixgate.image.set_state')}
          </Button>
          {image.locked && !image.derivedFrom ? (
            <Button variant="outlined" color="warning" startIcon={<LockOpenIcon />} onClick={() => setDialog('unlock')}>
              {translate('pixgate.image.unlock')}
            </Button>
          ) : null}
        </Stack>
      )}
      <ChangeStateDialog image={image} open={dialog === 'state'} onClose={() => setDialog(null)} />
      <UnlockDialog image={image} open={dialog === 'unlock'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

function ImageDetails() {
  const image = useRecordContext<ImageDetailRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const when = useDateTime();
  if (!image) return null;
  const field = (name: string) => translate(`resources.images.fields.${name}`);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Breadcrumbs aria-label={translate('resources.images.fields.job')}>
        <Link to={createPath({ resource: 'customers', id: image.job.customer.id, type: 'show' })}>{image.job.customer.name}</Link>
        <Link to={createPath({ resource: 'jobs', id: image.job.id, type: 'show' })}>{image.job.title}</Link>
        <Typography color="text.primary">{image.filename}</Typography>
      </Breadcrumbs>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: { lg: 'flex-start' } }}>
        <Box sx={{ flex: 3, minWidth: 0 }}>
          <Section title={translate('pixgate.images.page.preview')}>
            <Preview image={image} />
          </Section>
        </Box>
        <Stack spacing={2} sx={{ flex: 2, minWidth: 0 }}>
          <Section title={translate('pixgate.images.page.selection')}>
            <SelectionAndLock image={image} />
          </Section>
          <Section title={translate('pixgate.images.page.upload')}>
            <UploadStatus image={image} />
          </Section>
          <Section title={translate('pixgate.images.page.file')}>
            <Facts
              items={[
                [field('dimensions'), image.width && image.height ? `${image.width} × ${image.height}` : '—'],
                [field('byteSize'), formatBytes(image.byteSize, locale)],
                [field('contentType'), image.contentType ?? '—'],
                [field('uploadedBy'), image.uploadedBy?.name ?? '—'],
                [field('createdAt'), when(image.createdAt)],
                [field('updatedAt'), when(image.updatedAt)],
                [field('sha256'), <Box component="code" sx={{ fontSize: 12 }}>{image.sha256}</Box>],
              ]}
            />
          </Section>
        </Stack>
      </Stack>
      <Section title={translate('pixgate.images.page.deliveries')}>
        <Deliveries deliveries={image.deliveries ?? []} />
      </Section>
      <Section title={translate('pixgate.images.page.enhancements')}>
        <Enhancements enhancements={image.enhancements} />
      </Section>
      <Section title={translate('pixgate.images.page.extra_requests')}>
        <ExtraRequests requests={image.extraRequests} />
      </Section>
      <Section title={translate('pixgate.images.page.audit')}>
        <ReferenceManyField reference="auditEntries" target="imageId" perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <AuditTrail showJob={false} />
        </ReferenceManyField>
      </Section>
    </Stack>
  );
}

function ImageActionsBar() {
  const image = useRecordContext<ImageDetailRecord>();
  return <TopToolbar>{image?.enhancements ? <RemoveImageButton image={image} /> : null}</TopToolbar>;
}

/** One image: preview (before/after for an enhanced one), state and lock, deliveries, enhancements, extra requests and its audit trail. */
export function ImageShow() {
  return (
    <Show
      title={<RecordTitle field="filename" />}
      actions={<ImageActionsBar />}
      component="div"
      // Its own cache entry: the job's image list fills react-admin's getOne cache with list records, which lack the details.
      queryOptions={{ meta: { detail: true }, refetchInterval: (query) => (isBusy(query.state.data as ImageDetailRecord | undefined) ? 2000 : false) }}
    >
      <ImageDetails />
    </Show>
  );
}
