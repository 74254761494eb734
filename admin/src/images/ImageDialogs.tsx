import { MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { ImageRecord } from '../dataProvider/images';
import type { SelectionState } from '../gql/graphql';
import { selectionStateChoices } from '../shared/enum-choices';
import { ReasonDialog } from '../shared/ReasonDialog';

type ImageIdentity = Pick<ImageRecord, 'id' | 'filename' | 'selectionState' | 'derivedFrom'>;

/** An enhanced image follows its original: staff may only withhold it (BLOCKED) or reset it (NONE). */
const DERIVED_CHOICES = new Set<SelectionState>(['NONE', 'BLOCKED']);

/** Set one image's selection state, audited with a reason; afterwards everything on screen reloads (the new audit entry too). */
export function ChangeStateDialog({ image, open, onClose }: { image: ImageIdentity; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [state, setState] = useState<SelectionState>(image.selectionState);
  useEffect(() => {
    if (open) setState(image.selectionState);
  }, [open, image.selectionState]);
  const choices = image.derivedFrom ? selectionStateChoices.filter((choice) => DERIVED_CHOICES.has(choice.id as SelectionState)) : selectionStateChoices;
  return (
    <ReasonDialog
      open={open}
      title={translate('pixgate.image.set_state_title', { filename: image.filename })}
      confirmLabel={translate('ra.action.save')}
      confirmDisabled={state === image.selectionState}
      onClose={onClose}
      onConfirm={async (reason) => {
        await dataProvider.setSelectionState('images', { ids: [image.id], state, reason });
        notify('pixgate.image.state_changed', { type: 'success' });
        refresh();
      }}
    >
      <TextField select label={translate('pixgate.image.new_state')} value={state} onChange={(event) => setState(event.target.value as SelectionState)}>
        {choices.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </TextField>
    </ReasonDialog>
  );
}

/** Lift the selection lock a download put on the image, audited with a reason. */
export function UnlockDialog({ image, open, onClose }: { image: ImageIdentity; open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <ReasonDialog
      open={open}
      title={translate('pixgate.image.unlock_title', { filename: image.filename })}
      help={translate('pixgate.image.unlock_help')}
      confirmLabel={translate('pixgate.image.unlock')}
      onClose={onClose}
      onConfirm={async (reason) => {
        await dataProvider.unlock('images', { id: image.id, reason });
        notify('pixgate.image.unlocked', { type: 'success' });
        refresh();
      }}
    />
  );
}
