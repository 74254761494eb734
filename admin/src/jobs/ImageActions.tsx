import LockOpenIcon from '@mui/icons-material/LockOpen';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { PixgateDataProvider } from '../dataProvider';
import type { ImageRecord } from '../dataProvider/images';
import type { SelectionState } from '../gql/graphql';
import { selectionStateChoices } from '../shared/enum-choices';
import { ReasonDialog } from '../shared/ReasonDialog';

/** An image's audited actions, from a menu on its card: set any selection state, or unlock a downloaded image. */
export function ImageActions({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PixgateDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'state' | 'unlock' | null>(null);
  const [state, setState] = useState<SelectionState>(image.selectionState);
  const open = (which: 'state' | 'unlock') => {
    setAnchor(null);
    setState(image.selectionState);
    setDialog(which);
  };
  const filename = image.filename;

  return (
    <>
      <IconButton size="small" aria-label={translate('pixgate.image.actions', { filename })} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => open('state')}>
          <ListItemIcon>
            <SwapHorizIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('pixgate.image.set_state')}</ListItemText>
        </MenuItem>
        {image.locked ? (
          <MenuItem onClick={() => open('unlock')}>
            <ListItemIcon>
              <LockOpenIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{translate('pixgate.image.unlock')}</ListItemText>
          </MenuItem>
        ) : null}
      </Menu>

      <ReasonDialog
        open={dialog === 'state'}
        title={translate('pixgate.image.set_state_title', { filename })}
        confirmLabel={translate('ra.action.save')}
        confirmDisabled={state === image.selectionState}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.setSelectionState('images', { ids: [image.id], state, reason });
          notify('pixgate.image.state_changed', { type: 'success' });
          refresh();
        }}
      >
        <TextField select label={translate('pixgate.image.new_state')} value={state} onChange={(event) => setState(event.target.value as SelectionState)}>
          {selectionStateChoices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {translate(choice.name)}
            </MenuItem>
          ))}
        </TextField>
      </ReasonDialog>

      <ReasonDialog
        open={dialog === 'unlock'}
        title={translate('pixgate.image.unlock_title', { filename })}
        help={translate('pixgate.image.unlock_help')}
        confirmLabel={translate('pixgate.image.unlock')}
        onClose={() => setDialog(null)}
        onConfirm={async (reason) => {
          await dataProvider.unlock('images', { id: image.id, reason });
          notify('pixgate.image.unlocked', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
}
