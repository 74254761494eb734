import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { JobRecord } from '../dataProvider/jobs';
import { ReasonDialog } from '../shared/ReasonDialog';

/** The job's audited package actions: change the size, release all images or withdraw that. Each asks for a reason. */
export function PackageActions() {
  const job = useRecordContext<JobRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [dialog, setDialog] = useState<'size' | 'release' | null>(null);
  const [size, setSize] = useState('');
  if (!job) return null;

  const newSize = Number(size);
  const sizeValid = size.trim() !== '' && Number.isInteger(newSize) && newSize >= 0 && newSize !== job.includedImages;
  const done = (message: string) => {
    notify(message, { type: 'success' });
    // The job, its images and its audit trail: the new entry shows at once.
    refresh();
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button variant="outlined" onClick={() => (setSize(String(job.includedImages)), setDialog('size'))}>
        {translate('pixgate.package.change_size')}
      </Button>
      <Button variant="outlined" onClick={() => setDialog('release')}>
        {translate(job.allImagesIncluded ? 'pixgate.package.withdraw_all' : 'pixgate.package.release_all')}
      </Button>

      <ReasonDialog
        open={dialog === 'size'}
        title={translate('pixgate.package.change_size')}
        confirmLabel={translate('ra.action.save')}
        confirmDisabled={!sizeValid}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.setIncludedImages('jobs', { job, includedImages: newSize, reason });
          done('pixgate.package.size_changed');
        }}
      >
        <TextField
          label={translate('pixgate.package.new_size')}
          type="number"
          value={size}
          onChange={(event) => setSize(event.target.value)}
          slotProps={{ htmlInput: { min: 0, step: 1 } }}
          autoFocus
        />
      </ReasonDialog>

      <ReasonDialog
        open={dialog === 'release'}
        title={translate(job.allImagesIncluded ? 'pixgate.package.withdraw_all' : 'pixgate.package.release_all')}
        help={translate(job.allImagesIncluded ? 'pixgate.package.withdraw_all_help' : 'pixgate.package.release_all_help')}
        confirmLabel={translate('ra.action.confirm')}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.setAllImagesIncluded('jobs', { job, value: !job.allImagesIncluded, reason });
          done('pixgate.package.release_changed');
        }}
      />
    </Stack>
  );
}
