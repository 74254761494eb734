import LockOpenIcon from '@mui/icons-material/LockOpen';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import ArticleIcon from '@mui/icons-material/Article';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useCreatePath, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import type { ImageRecord } from '../dataProvider/images';
import { ChangeStateDialog, UnlockDialog } from '../images/ImageDialogs';

/** An image's actions, from a menu on its card or row: its page, set any selection state, or unlock a downloaded image. */
export function ImageActions({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'state' | 'unlock' | null>(null);
  const open = (which: 'state' | 'unlock') => {
    setAnchor(null);
    setDialog(which);
  };
  const filename = image.filename;

  return (
    <>
      <IconButton size="small" aria-label={translate('pixgate.image.actions', { filename })} aria-haspopup="menu" onClick={(event) => setAnchor(event.currentTarget)}>
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component={Link} to={createPath({ resource: 'images', id: image.id, type: 'show' })}>
          <ListItemIcon>
            <ArticleIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('pixgate.images.lightbox.open_page')}</ListItemText>
        </MenuItem>
        {/* A removed image holds no state any more. */}
        {image.status !== 'REMOVED' ? (
          <MenuItem onClick={() => open('state')}>
            <ListItemIcon>
              <SwapHorizIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{translate('pixgate.image.set_state')}</ListItemText>
          </MenuItem>
        ) : null}
        {image.locked && image.status !== 'REMOVED' ? (
          <MenuItem onClick={() => open('unlock')}>
            <ListItemIcon>
              <LockOpenIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText>{translate('pixgate.image.unlock')}</ListItemText>
          </MenuItem>
        ) : null}
      </Menu>
      <ChangeStateDialog image={image} open={dialog === 'state'} onClose={() => setDialog(null)} />
      <UnlockDialog image={image} open={dialog === 'unlock'} onClose={() => setDialog(null)} />
    </>
  );
}
