import LockIcon from '@mui/icons-material/Lock';
import { Box, ButtonBase, Checkbox, Chip, Stack } from '@mui/material';
import { Datagrid, DateField, FunctionField, Link, useCreatePath, useListContext, useLocaleState, useTranslate } from 'react-admin';
import type { ImageRecord } from '../dataProvider/images';
import { ImageActions } from '../jobs/ImageActions';
import { SelectionStateChip } from '../shared/SelectionStateChip';
import { formatBytes } from '@pixgate/labels';

/** The thumbnail as a button that opens the lightbox. */
function Thumbnail({ image, onOpen }: { image: ImageRecord; onOpen: (id: string) => void }) {
  const translate = useTranslate();
  return (
    <ButtonBase
      onClick={() => onOpen(image.id)}
      aria-label={translate('pixgate.images.lightbox.open', { filename: image.filename })}
      sx={{ width: 64, height: 48, borderRadius: 1, overflow: 'hidden', bgcolor: 'grey.100' }}
    >
      {image.thumbnailUrl ? <Box component="img" src={image.thumbnailUrl} alt="" loading="lazy" sx={{ width: 1, height: 1, objectFit: 'cover', display: 'block' }} /> : null}
    </ButtonBase>
  );
}

/**
 * The row's checkbox, named after the file. (react-admin's own row checkboxes put their label on
 * the wrapper, not on the input, which axe rightly reports.)
 */
export function SelectImage({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  const { selectedIds, onToggleItem } = useListContext<ImageRecord>();
  return (
    <Checkbox
      checked={selectedIds.includes(image.id)}
      onChange={() => onToggleItem(image.id)}
      size="small"
      slotProps={{ input: { 'aria-label': translate('pixgate.images.select.one', { filename: image.filename }) } }}
    />
  );
}

export function ImageName({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource: 'images', id: image.id, type: 'show' })}
      title={translate('pixgate.images.page.open', { filename: image.filename })}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {image.filename}
    </Link>
  );
}

/** The selection state, with the lock, whether it is an enhanced copy, and an upload that is not ready yet. */
export function ImageBadges({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <SelectionStateChip state={image.selectionState} />
      {image.locked ? <LockIcon fontSize="small" color="action" titleAccess={translate('pixgate.image.locked')} /> : null}
      {image.derivedFrom ? <Chip size="small" variant="outlined" color="secondary" label={translate('pixgate.images.page.enhanced')} /> : null}
      {image.status !== 'READY' ? (
        <Chip size="small" variant="outlined" color={image.status === 'FAILED' ? 'error' : 'default'} label={translate(`pixgate.enums.ImageStatus.${image.status}`)} />
      ) : null}
    </Stack>
  );
}

/**
 * The job's images as a table: sortable by name and upload time (the API sorts), rows selectable
 * for the bulk changes above it (the selection bar, which also selects all).
 */
export function ImageTable({ onOpen }: { onOpen: (id: string) => void }) {
  const [locale] = useLocaleState();
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField source="selected" sortable={false} render={(image: ImageRecord) => <SelectImage image={image} />} />
      <FunctionField source="thumbnail" sortable={false} render={(image: ImageRecord) => <Thumbnail image={image} onOpen={onOpen} />} />
      <FunctionField source="filename" render={(image: ImageRecord) => <ImageName image={image} />} />
      <FunctionField source="selectionState" sortable={false} render={(image: ImageRecord) => <ImageBadges image={image} />} />
      <FunctionField source="dimensions" sortable={false} render={(image: ImageRecord) => (image.width && image.height ? `${image.width} × ${image.height}` : '—')} />
      <FunctionField source="byteSize" sortable={false} render={(image: ImageRecord) => formatBytes(image.byteSize, locale)} />
      <DateField source="createdAt" showTime />
      <FunctionField source="actions" label="" sortable={false} render={(image: ImageRecord) => <ImageActions image={image} />} />
    </Datagrid>
  );
}
