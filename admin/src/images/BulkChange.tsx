import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { Alert, AlertTitle, Box, Button, Checkbox, ListItemText, Menu, MenuItem, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { HttpError, useDataProvider, useListContext, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import type { ImageRecord } from '../dataProvider/images';
import type { JobRecord } from '../dataProvider/jobs';
import type { ApiErrorBody } from '../graphql/errors';
import { ReasonDialog } from '../shared/ReasonDialog';
import { BULK_ACTIONS, changedMeanwhile, isApplicable, planBulkChange, type BulkAction, type BulkPlan, type ChangedMeanwhile } from './bulk';

/** The images of the list that are selected (a filter or page change clears the selection, see ImageGrid). */
export function useSelectedImages(): ImageRecord[] {
  const { data, selectedIds } = useListContext<ImageRecord>();
  return useMemo(() => (data ?? []).filter((image) => selectedIds.includes(image.id)), [data, selectedIds]);
}

/**
 * Refused before anything was sent: the job or an image changed since the screen was loaded. A
 * CONFLICT like the API's, so the reason dialog explains it and offers to reload.
 */
const changedMeanwhileError = (changed: ChangedMeanwhile) =>
  new HttpError('pixgate.images.bulk.changed_meanwhile', 409, {
    code: 'CONFLICT',
    reason: 'CHANGED_MEANWHILE',
    extensions: { currentVersion: changed.job?.now },
    serverMessage: 'changed since the page was loaded',
  } satisfies ApiErrorBody);

/** What the check found, named: the job's versions and each image's state then and now. */
function ChangedList({ changed }: { changed: ChangedMeanwhile }) {
  const translate = useTranslate();
  const state = (value: string) => translate(`pixgate.enums.SelectionState.${value}`);
  return (
    <Alert severity="warning" role="status" data-testid="changed-meanwhile">
      <AlertTitle>{translate('pixgate.images.bulk.changed_title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {changed.job ? <li>{translate('pixgate.images.bulk.job_changed', changed.job)}</li> : null}
        {changed.images.map((image) => (
          <li key={image.id}>
            {image.now === null
              ? translate('pixgate.images.bulk.image_gone', { filename: image.filename })
              : translate('pixgate.images.bulk.image_changed', { filename: image.filename, shown: state(image.shown), now: state(image.now) })}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/**
 * Above the grid or table: how many images are selected, select all shown, clear, and the bulk
 * changes. Each change goes through the shared reason dialog, is all or nothing, and writes one
 * audit row per changed image; `onWritten` gets those rows to show.
 */
export function SelectionBar({ onWritten }: { onWritten: (entries: AuditEntryRecord[]) => void }) {
  const translate = useTranslate();
  const { data, total, onSelect, onUnselectItems } = useListContext<ImageRecord>();
  const job = useRecordContext<JobRecord>();
  const selected = useSelectedImages();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  /** The plan and the job's version as the screen showed them when the dialog opened. */
  const [pending, setPending] = useState<{ plan: BulkPlan<ImageRecord>; jobVersion: number } | null>(null);
  const [changed, setChanged] = useState<ChangedMeanwhile | null>(null);
  const shown = data ?? [];
  if (!job || shown.length === 0) return null;

  const allShown = selected.length === shown.length;
  const plans = BULK_ACTIONS.map((action) => planBulkChange(action, selected));
  const open = (plan: BulkPlan<ImageRecord>) => {
    setAnchor(null);
    setChanged(null);
    setPending({ plan, jobVersion: job.version });
  };
  const close = () => {
    setPending(null);
    setChanged(null);
  };

  const confirm = async (reason: string) => {
    if (!pending) return;
    const ids = pending.plan.toChange.map((image) => image.id);
    // The API takes no expected version for image states: compare what the screen showed with
    // what is stored now, right before the change, and refuse to overwrite someone else's work.
    const { data: now } = await dataProvider.currentSelection('images', { jobId: job.id, ids });
    const stale = changedMeanwhile({ jobVersion: pending.jobVersion, images: pending.plan.toChange }, now);
    if (stale) {
      setChanged(stale);
      throw changedMeanwhileError(stale);
    }
    await dataProvider.setSelectionState('images', { ids, state: pending.plan.state, reason });
    const { data: entries } = await dataProvider.latestAuditEntries('images', { ids });
    notify('pixgate.images.bulk.done', { type: 'success', messageArgs: { smart_count: ids.length } });
    onWritten(entries);
    onUnselectItems();
    refresh();
  };

  const plan = pending?.plan;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5, minHeight: 40 }} data-testid="selection-bar">
      <Checkbox
        checked={allShown}
        indeterminate={selected.length > 0 && !allShown}
        onChange={() => (allShown ? onUnselectItems() : onSelect(shown.map((image) => image.id)))}
        slotProps={{ input: { 'aria-label': translate('pixgate.images.select.page') } }}
      />
      <Typography variant="body2" color={selected.length ? 'text.primary' : 'text.secondary'} aria-live="polite">
        {selected.length
          ? translate('pixgate.images.select.count', { smart_count: selected.length, total: total ?? shown.length })
          : translate('pixgate.images.select.none')}
      </Typography>
      {selected.length ? (
        <>
          <Button variant="contained" size="small" endIcon={<ArrowDropDownIcon />} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
            {translate('pixgate.images.bulk.menu')}
          </Button>
          <Button size="small" onClick={() => onUnselectItems()}>
            {translate('pixgate.images.select.clear')}
          </Button>
        </>
      ) : null}
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {plans.map((candidate) => (
          <MenuItem key={candidate.action} disabled={!isApplicable(candidate)} onClick={() => open(candidate)}>
            <ListItemText
              primary={translate(`pixgate.images.bulk.action.${candidate.action}`)}
              secondary={
                candidate.notAllowed.length > 0
                  ? translate(candidate.notAllowed.some((image) => image.status === 'REMOVED') ? 'pixgate.images.bulk.removed_not_allowed' : 'pixgate.images.bulk.derived_not_allowed')
                  : candidate.toChange.length > 0
                    ? translate('pixgate.images.bulk.images', { smart_count: candidate.toChange.length })
                    : translate('pixgate.images.bulk.nothing_to_change')
              }
            />
          </MenuItem>
        ))}
      </Menu>
      {plan ? (
        <ReasonDialog
          open
          title={translate(`pixgate.images.bulk.title.${plan.action satisfies BulkAction}`, { smart_count: plan.toChange.length })}
          help={translate('pixgate.images.bulk.to_state', { state: translate(`pixgate.enums.SelectionState.${plan.state}`) })}
          confirmLabel={translate('ra.action.save')}
          onClose={close}
          onConfirm={confirm}
        >
          <Typography variant="body2" component="p" sx={{ overflowWrap: 'anywhere' }} data-testid="bulk-images">
            {plan.toChange.map((image) => image.filename).join(', ')}
          </Typography>
          {plan.unchanged.length > 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('pixgate.images.bulk.unchanged', { smart_count: plan.unchanged.length })}
            </Typography>
          ) : null}
          {changed ? <ChangedList changed={changed} /> : null}
        </ReasonDialog>
      ) : null}
    </Stack>
  );
}
