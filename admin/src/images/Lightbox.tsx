import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import LockIcon from '@mui/icons-material/Lock';
import { Box, Button, CircularProgress, Dialog, IconButton, Stack, Typography } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useCreatePath, useGetOne, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router';
import type { ImageRecord } from '../dataProvider/images';
import { SelectionStateChip } from '../shared/SelectionStateChip';
import { stepWithin } from './bulk';

interface LightboxProps {
  /** The images in the order shown (the grid's filter and sort). */
  images: readonly ImageRecord[];
  /** The image shown, or null when closed. */
  openId: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/**
 * A large preview of one image with the images shown around it: ← and → step through them, Esc
 * closes (and focus returns to where it was). The preview URL is fetched when an image is shown,
 * because the list's short-lived URLs may have expired meanwhile.
 */
export function Lightbox({ images, openId, onOpen, onClose }: LightboxProps) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const index = images.findIndex((image) => image.id === openId);
  const listed = index >= 0 ? images[index] : undefined;
  const { data: fresh, isPending } = useGetOne<ImageRecord>('images', { id: openId ?? '', meta: { preview: true } }, { enabled: openId !== null });
  const image = fresh?.id === openId ? fresh : listed;
  const go = (delta: number) => {
    const next = images[stepWithin(index, delta, images.length)];
    if (next && next.id !== openId) onOpen(next.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
    else return;
    event.preventDefault();
  };
  if (!image) return null;

  return (
    <Dialog
      open={openId !== null}
      onClose={onClose}
      onKeyDown={onKeyDown}
      maxWidth={false}
      fullWidth
      aria-labelledby="lightbox-title"
      aria-describedby="lightbox-keys"
      slotProps={{ paper: { sx: { bgcolor: 'grey.900', color: 'common.white', height: 'calc(100% - 64px)' } } }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1 }}>
        <Typography id="lightbox-title" variant="h6" component="h2" noWrap sx={{ minWidth: 0, flex: '0 1 auto' }}>
          {image.filename}
        </Typography>
        <SelectionStateChip state={image.selectionState} />
        {image.locked ? <LockIcon fontSize="small" titleAccess={translate('pixgate.image.locked')} /> : null}
        <Typography variant="body2" sx={{ color: 'grey.300', flex: 1 }} data-testid="lightbox-position">
          {translate('pixgate.images.lightbox.position', { index: index + 1, total: images.length })}
        </Typography>
        <Button component={RouterLink} to={createPath({ resource: 'images', id: image.id, type: 'show' })} variant="outlined" color="inherit" size="small">
          {translate('pixgate.images.lightbox.open_page')}
        </Button>
        <IconButton onClick={onClose} aria-label={translate('pixgate.images.lightbox.close')} sx={{ color: 'common.white' }}>
          <CloseIcon />
        </IconButton>
      </Stack>
      <Stack direction="row" sx={{ flex: 1, minHeight: 0, alignItems: 'center', px: 1 }}>
        <IconButton onClick={() => go(-1)} disabled={index <= 0} aria-label={translate('pixgate.images.lightbox.previous')} sx={{ color: 'common.white' }} size="large">
          <ChevronLeftIcon fontSize="large" />
        </IconButton>
        <Box sx={{ flex: 1, height: '100%', minWidth: 0, display: 'grid', placeItems: 'center' }}>
          {fresh?.id === openId && fresh.previewUrl ? (
            <Box component="img" key={image.id} src={fresh.previewUrl} alt={image.filename} sx={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain', display: 'block' }} data-testid="lightbox-image" />
          ) : isPending ? (
            <CircularProgress color="inherit" aria-label={translate('ra.page.loading')} />
          ) : (
            <Typography>{translate('pixgate.images.lightbox.no_preview')}</Typography>
          )}
        </Box>
        <IconButton
          onClick={() => go(1)}
          disabled={index >= images.length - 1}
          aria-label={translate('pixgate.images.lightbox.next')}
          sx={{ color: 'common.white' }}
          size="large"
        >
          <ChevronRightIcon fontSize="large" />
        </IconButton>
      </Stack>
      <Typography id="lightbox-keys" variant="caption" sx={{ color: 'grey.400', textAlign: 'center', py: 1 }}>
        {translate('pixgate.images.lightbox.keys')}
      </Typography>
    </Dialog>
  );
}
