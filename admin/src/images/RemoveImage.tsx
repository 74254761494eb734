import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, DialogContentText, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Link, useDataProvider, useGetManyReference, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { ImageDetailRecord, ImageRecord } from '../dataProvider/images';
import type { SelectionState } from '../gql/graphql';
import { ReasonDialog } from '../shared/ReasonDialog';
import { SelectionStateChip } from '../shared/SelectionStateChip';

/** States that hold a place in the package (or were paid for): a replacement takes them over. */
const PLACE_STATES = new Set<SelectionState>(['INCLUDED', 'EXTRA_PAID', 'EXTRA_FREE']);

/** Uploads of the job that may take over the place: verified or being verified, not enhanced copies, not selected in any way. */
export const canReplace = (image: ImageDetailRecord, candidate: ImageRecord) =>
  candidate.id !== image.id && !candidate.derivedFrom && (candidate.status === 'READY' || candidate.status === 'PROCESSING') && candidate.selectionState === 'NONE';

function ReplacementPicker({ image, value, onChange }: { image: ImageDetailRecord; value: string; onChange: (id: string) => void }) {
  const translate = useTranslate();
  const { data } = useGetManyReference<ImageRecord>('images', {
    target: 'jobId',
    id: image.job.id,
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'filename', order: 'ASC' },
    filter: { selectionState: 'NONE' },
  });
  const candidates = (data ?? []).filter((candidate) => canReplace(image, candidate));
  return (
    <Stack spacing={1}>
      <TextField
        select
        label={translate('pixgate.images.remove.replacement')}
        helperText={translate('pixgate.images.remove.replacement_help', { state: translate(`pixgate.enums.SelectionState.${image.selectionState}`) })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <MenuItem value="">{translate('pixgate.images.remove.no_replacement')}</MenuItem>
        {candidates.map((candidate) => (
          <MenuItem key={candidate.id} value={candidate.id}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              {candidate.thumbnailUrl ? <Box component="img" src={candidate.thumbnailUrl} alt="" sx={{ width: 48, height: 36, objectFit: 'cover', borderRadius: 0.5 }} /> : null}
              <ListItemText primary={candidate.filename} />
            </Stack>
          </MenuItem>
        ))}
      </TextField>
      {/* The upload screen of this job (admin/src/uploads): the corrected file first, then back here. */}
      <Link to={`/jobs/${image.job.id}/upload`} variant="body2">
        {translate('pixgate.images.remove.upload_first')}
      </Link>
    </Stack>
  );
}

/**
 * Takes a wrong upload away, with a reason. The API decides what happens: an image nobody has
 * touched is deleted with its files (then the page goes back to the job); anything delivered,
 * audited or enhanced is kept as REMOVED, hidden from the customer, its place in the package given
 * back or handed to the replacement chosen here.
 */
export function RemoveImageButton({ image }: { image: ImageDetailRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [replacementId, setReplacementId] = useState('');
  if (image.status === 'REMOVED') return null;
  const copies = image.enhancements.filter((task) => task.result).length;
  const holdsPlace = PLACE_STATES.has(image.selectionState) && !image.derivedFrom;

  return (
    <>
      <Button variant="outlined" color="error" startIcon={<DeleteOutlineIcon />} onClick={() => (setReplacementId(''), setOpen(true))}>
        {translate('pixgate.images.remove.button')}
      </Button>
      <ReasonDialog
        open={open}
        title={translate('pixgate.images.remove.title', { filename: image.filename })}
        help={translate('pixgate.images.remove.help')}
        confirmLabel={translate('pixgate.images.remove.button')}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const { data } = await dataProvider.remove('images', { id: image.id, reason, replacementId: replacementId || undefined });
          if (data.deleted) {
            notify('pixgate.images.remove.deleted', { type: 'success' });
            redirect('show', 'jobs', image.job.id);
            return;
          }
          notify(data.replacement ? 'pixgate.images.remove.replaced' : 'pixgate.images.remove.removed', { type: 'success', messageArgs: { filename: data.replacement?.filename } });
          refresh();
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <SelectionStateChip state={image.selectionState} />
          {copies > 0 ? <DialogContentText>{translate('pixgate.images.remove.copies', { smart_count: copies })}</DialogContentText> : null}
        </Stack>
        {holdsPlace ? <ReplacementPicker image={image} value={replacementId} onChange={setReplacementId} /> : null}
      </ReasonDialog>
    </>
  );
}
